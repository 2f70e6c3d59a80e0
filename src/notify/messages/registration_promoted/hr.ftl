subject = Oslobodilo se mjesto: { $event }
body =
    Imamo dobre vijesti: na događaju „{ $event }“ oslobodilo se jedno mjesto i sada je Vaše. Vaša je prijava potvrđena.

    Vrijeme: { $when }
    Mjesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Podaci o događaju nalaze se u privitku, kao datoteka koju možete dodati u svoj kalendar.

    Ako ipak nećete moći doći, molimo Vas da otkažete prijavu kako bi Vaše mjesto mogla dobiti sljedeća osoba s liste čekanja.

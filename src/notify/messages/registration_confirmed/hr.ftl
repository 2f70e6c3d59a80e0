subject = Prijava je potvrđena: { $event }
body =
    Vaše mjesto na događaju „{ $event }“ potvrđeno je.

    Vrijeme: { $when }
    Mjesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Podaci o događaju nalaze se u privitku, kao datoteka koju možete dodati u svoj kalendar.

    Ako ipak nećete moći doći, molimo Vas da otkažete prijavu kako bi Vaše mjesto mogao dobiti netko s liste čekanja.

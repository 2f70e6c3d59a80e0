subject = Prijava je potvrđena: { $event }
body =
    Vaše mjesto na događaju „{ $event }“ je potvrđeno.

    Vrijeme: { $when }
    Mjesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Podaci o događaju nalaze se u prilogu, kao datoteka koju možete dodati u svoj kalendar.

    Ako ipak ne budete mogli doći, molimo Vas da otkažete prijavu kako bi Vaše mjesto mogao dobiti neko s liste čekanja.

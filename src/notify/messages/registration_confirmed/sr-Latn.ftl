subject = Prijava je potvrđena: { $event }
body =
    Vaše mesto na događaju „{ $event }“ je potvrđeno.

    Vreme: { $when }
    Mesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Podaci o događaju nalaze se u prilogu, kao datoteka koju možete da dodate u svoj kalendar.

    Ako ipak ne budete mogli da dođete, molimo Vas da otkažete prijavu kako bi Vaše mesto dobio neko sa liste čekanja.

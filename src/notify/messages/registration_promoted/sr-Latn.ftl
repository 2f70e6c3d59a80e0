subject = Oslobodilo se mesto: { $event }
body =
    Imamo dobre vesti: na događaju „{ $event }“ oslobodilo se jedno mesto i sada je Vaše. Vaša prijava je potvrđena.

    Vreme: { $when }
    Mesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Podaci o događaju nalaze se u prilogu, kao datoteka koju možete da dodate u svoj kalendar.

    Ako ipak ne budete mogli da dođete, molimo Vas da otkažete prijavu kako bi Vaše mesto dobila sledeća osoba sa liste čekanja.

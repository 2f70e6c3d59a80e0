subject = Sprememba časa ali kraja: { $event }
body =
    Čas ali kraj dogodka „{ $event }“ se je spremenil:

    { $changes }

    Posodobljeni podatki:
    Čas: { $when }
    Kraj: { $place }

    Vaša prijava ostaja veljavna. Če Vam sprememba ne ustreza, Vas prosimo, da se odjavite. Tako bo Vaše mesto lahko dobil kdo drug.

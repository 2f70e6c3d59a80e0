subject = Opomnik: { $event }
body =
    Spominjamo Vas, da se bliža dogodek „{ $event }“.

    Čas: { $when }
    Kraj: { $place }
    Vstopna koda: { $code }

    Prosimo, da kodo pokažete ob vstopu. Če se dogodka ne boste mogli udeležiti, Vas prosimo, da se odjavite. Tako bo Vaše mesto lahko dobil kdo drug.

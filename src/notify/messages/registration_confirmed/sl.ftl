subject = Prijava je potrjena: { $event }
body =
    Vaše mesto na dogodku „{ $event }“ je potrjeno.

    Čas: { $when }
    Kraj: { $place }
    Vstopna koda: { $code }

    Prosimo, da kodo pokažete ob vstopu. Podrobnosti dogodka so priložene kot datoteka, ki jo lahko dodate v svoj koledar.

    Če se dogodka vendarle ne boste mogli udeležiti, Vas prosimo, da se odjavite. Tako bo Vaše mesto lahko dobil nekdo s čakalnega seznama.

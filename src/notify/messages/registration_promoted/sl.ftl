subject = Sprostilo se je mesto: { $event }
body =
    Dobra novica: na dogodku „{ $event }“ se je sprostilo mesto in zdaj je Vaše. Vaša prijava je potrjena.

    Čas: { $when }
    Kraj: { $place }
    Vstopna koda: { $code }

    Prosimo, da kodo pokažete ob vstopu. Podrobnosti dogodka so priložene kot datoteka, ki jo lahko dodate v svoj koledar.

    Če se dogodka vendarle ne boste mogli udeležiti, Vas prosimo, da se odjavite. Tako bo mesto lahko dobila naslednja oseba s čakalnega seznama.

subject = Na čakalnem seznamu ste: { $event }
body =
    Vsa mesta na dogodku „{ $event }“ ({ $when }) so trenutno zasedena, zato smo Vas uvrstili na čakalni seznam. Vaša zaporedna številka na seznamu je { $position }.

    Če se mesto sprosti, ga boste samodejno dobili, mi pa Vas bomo o tem obvestili po e-pošti. Zaenkrat Vam ni treba storiti ničesar.

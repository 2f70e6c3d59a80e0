subject = Sprememba časa ali kraja: { $event }
body =
    Čas ali kraj dogodka „{ $event }“ se je spremenil:

    { $changes }

    Posodobljeni podatki:
    Čas: { $when }
    Kraj: { $place }

    { $standing ->
        [waitlisted] Še vedno ste na čakalnem seznamu, pod zaporedno številko { $position }. Če se mesto sprosti, ga bomo samodejno dodelili Vam in Vas o tem obvestili po e-pošti, skupaj z vabilom za koledar.
       *[pending] Vaša prijava še ni potrjena, zato Vam mesto ni zagotovljeno. Če se dogodka še vedno želite udeležiti, jo potrdite s povezavo iz našega prejšnjega sporočila.
    }

subject = Ndryshim i kohës ose i vendndodhjes: { $event }
body =
    Koha ose vendndodhja e aktivitetit “{ $event }” ka ndryshuar:

    { $changes }

    Të dhënat e përditësuara:
    Koha: { $when }
    Vendndodhja: { $place }

    { $standing ->
        [waitlisted] Jeni ende në listën e pritjes, me numrin rendor { $position }. Nëse lirohet një vend, ai do t'ju jepet automatikisht dhe do t'ju njoftojmë me email, së bashku me një ftesë për kalendarin.
       *[pending] Regjistrimi juaj ende nuk është konfirmuar, prandaj nuk keni vend të rezervuar. Nëse dëshironi ende të merrni pjesë, ju lutemi konfirmojeni me lidhjen nga emaili ynë i mëparshëm.
    }

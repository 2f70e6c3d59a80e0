subject = Jeni në listën e pritjes: { $event }
body =
    Të gjitha vendet në aktivitetin “{ $event }” ({ $when }) janë aktualisht të zëna, prandaj ju shtuam në listën e pritjes. Numri juaj rendor në listë është { $position }.

    Nëse lirohet një vend, do ta merrni automatikisht dhe ne do t'ju njoftojmë me email. Për momentin nuk keni nevojë të bëni asgjë.

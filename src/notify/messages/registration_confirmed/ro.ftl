subject = Înscriere confirmată: { $event }
body =
    Locul dumneavoastră la evenimentul „{ $event }” este confirmat.

    Data și ora: { $when }
    Locația: { $place }
    Cod de acces: { $code }

    Vă rugăm să prezentați codul la intrare. Detaliile evenimentului se află în fișierul de calendar atașat, pe care îl puteți adăuga în calendarul dumneavoastră.

    Dacă nu mai puteți veni, vă rugăm să vă anulați înscrierea, pentru ca locul să poată fi ocupat de cineva de pe lista de așteptare.

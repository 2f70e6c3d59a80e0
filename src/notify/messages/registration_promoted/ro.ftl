subject = S-a eliberat un loc: { $event }
body =
    Vești bune: s-a eliberat un loc la evenimentul „{ $event }”, iar acum este al dumneavoastră. Înscrierea dumneavoastră este confirmată.

    Data și ora: { $when }
    Locația: { $place }
    Cod de acces: { $code }

    Vă rugăm să prezentați codul la intrare. Detaliile evenimentului se află în fișierul de calendar atașat, pe care îl puteți adăuga în calendarul dumneavoastră.

    Dacă nu mai puteți veni, vă rugăm să vă anulați înscrierea, pentru ca locul să poată fi ocupat de următoarea persoană de pe lista de așteptare.

subject = Memento: { $event }
body =
    Vă reamintim că evenimentul „{ $event }” va avea loc în curând.

    Data și ora: { $when }
    Locația: { $place }
    Cod de acces: { $code }

    Vă rugăm să prezentați codul la intrare. Dacă nu mai puteți veni, vă rugăm să vă anulați înscrierea, pentru ca locul să poată fi ocupat de altcineva.

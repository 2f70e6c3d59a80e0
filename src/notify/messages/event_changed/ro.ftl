subject = Modificare de dată sau locație: { $event }
body =
    Data, ora sau locația evenimentului „{ $event }” s-au modificat:

    { $changes }

    Detalii actualizate:
    Data și ora: { $when }
    Locația: { $place }

    Înscrierea dumneavoastră rămâne valabilă. Dacă modificarea nu vă convine, vă rugăm să vă anulați înscrierea, pentru ca locul să poată fi ocupat de altcineva.

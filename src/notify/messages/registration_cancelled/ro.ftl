subject = Înscriere anulată: { $event }
body =
    Înscrierea dumneavoastră la evenimentul „{ $event }” ({ $when }) a fost anulată.

    Dacă vă răzgândiți, vă puteți înscrie din nou cât timp înscrierile sunt deschise.

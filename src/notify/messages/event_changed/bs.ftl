subject = Promjena vremena ili mjesta: { $event }
body =
    Promijenjeno je vrijeme ili mjesto održavanja događaja „{ $event }“:

    { $changes }

    Ažurirani podaci:
    Vrijeme: { $when }
    Mjesto: { $place }

    Vaša prijava i dalje vrijedi. Ako Vam promjena ne odgovara, molimo Vas da otkažete prijavu kako bi Vaše mjesto mogao dobiti neko drugi.

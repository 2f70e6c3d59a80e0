subject = Promena vremena ili mesta: { $event }
body =
    Promenjeno je vreme ili mesto održavanja događaja „{ $event }“:

    { $changes }

    Ažurirani podaci:
    Vreme: { $when }
    Mesto: { $place }

    Vaša prijava i dalje važi. Ako Vam promena ne odgovara, molimo Vas da otkažete prijavu kako bi Vaše mesto mogao da dobije neko drugi.

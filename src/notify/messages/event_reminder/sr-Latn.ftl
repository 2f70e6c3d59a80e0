subject = Podsetnik: { $event }
body =
    Podsećamo Vas da se bliži događaj „{ $event }“.

    Vreme: { $when }
    Mesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Ako ne budete mogli da dođete, otkažite prijavu kako bi Vaše mesto mogao da dobije neko drugi.

subject = Podsjetnik: { $event }
body =
    Podsjećamo Vas da se bliži događaj „{ $event }“.

    Vrijeme: { $when }
    Mjesto: { $place }
    Kod za ulaz: { $code }

    Molimo Vas da kod pokažete na ulazu. Ako ne budete mogli doći, otkažite prijavu kako bi Vaše mjesto mogao dobiti neko drugi.

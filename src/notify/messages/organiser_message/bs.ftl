subject = Poruka organizatora događaja „{ $event }“
body = Organizatori događaja „{ $event }“ ({ $organisation }) poslali su Vam sljedeću poruku:

subject = Sporočilo organizatorjev dogodka „{ $event }“
body = Organizatorji dogodka „{ $event }“ ({ $organisation }) so Vam poslali naslednje sporočilo:

subject = Mesaj de la organizatorii evenimentului „{ $event }”
body = Organizatorii evenimentului „{ $event }” ({ $organisation }) v-au trimis următorul mesaj:

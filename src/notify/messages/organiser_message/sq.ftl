subject = Mesazh nga organizatorët e aktivitetit “{ $event }”
body = Organizatorët e aktivitetit “{ $event }” ({ $organisation }) ju dërguan këtë mesazh:

subject = Message from the organisers of “{ $event }”
body = The organisers of “{ $event }” ({ $organisation }) sent you this message:

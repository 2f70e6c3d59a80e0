subject = Sunteți pe lista de așteptare: { $event }
body =
    Toate locurile la evenimentul „{ $event }” ({ $when }) sunt ocupate în acest moment, așa că v-am trecut pe lista de așteptare. Poziția dumneavoastră pe listă este { $position }.

    Dacă se eliberează un loc, acesta vă va fi atribuit automat și vă vom anunța prin e-mail. Deocamdată nu trebuie să faceți nimic.

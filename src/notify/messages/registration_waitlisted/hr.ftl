subject = Na listi čekanja: { $event }
body =
    Sva su mjesta na događaju „{ $event }“ ({ $when }) trenutačno popunjena pa smo Vas dodali na listu čekanja. Vaš redni broj na listi je { $position }.

    Ako se neko mjesto oslobodi, automatski ćete ga dobiti, a mi ćemo Vas o tome obavijestiti e-poštom. Zasad ne morate ništa poduzimati.

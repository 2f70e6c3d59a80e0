subject = Na listi čekanja: { $event }
body =
    Sva mjesta na događaju „{ $event }“ ({ $when }) trenutno su popunjena, pa smo Vas dodali na listu čekanja. Vaš redni broj na listi je { $position }.

    Ako se neko mjesto oslobodi, automatski ćete ga dobiti, a mi ćemo Vas o tome obavijestiti e-mailom. Zasad ne trebate ništa poduzimati.

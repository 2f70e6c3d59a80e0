subject = Na listi čekanja ste: { $event }
body =
    Sva mesta na događaju „{ $event }“ ({ $when }) trenutno su popunjena, pa smo Vas dodali na listu čekanja. Vaš redni broj na listi je { $position }.

    Ako se neko mesto oslobodi, automatski ćete ga dobiti, a mi ćemo Vas o tome obavestiti imejlom. Za sada ne treba ništa da preduzimate.

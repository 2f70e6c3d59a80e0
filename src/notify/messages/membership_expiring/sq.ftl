subject = Anëtarësimi juaj në organizatën { $organisation } skadon së shpejti
body =
    Anëtarësimi juaj në organizatën { $organisation } skadon { $days ->
        [one] pas { $days } dite
       *[other] pas { $days } ditësh
    }.

    Lloji i anëtarësimit: { $membership_type }
    I vlefshëm deri më: { $until }

    Rinovojeni në kohë, që të ruani përfitimet e anëtarësimit, si p.sh. pjesëmarrjen në aktivitetet e rezervuara për anëtarët.

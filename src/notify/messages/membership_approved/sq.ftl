subject = Anëtarësimi juaj në organizatën { $organisation } u miratua
body =
    Kërkesa juaj për anëtarësim në organizatën { $organisation } u miratua dhe anëtarësimi juaj tani është aktiv. Mirë se vini!

    Lloji i anëtarësimit: { $membership_type }
    I vlefshëm deri më: { $until }

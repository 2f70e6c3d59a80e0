subject = Anëtarësimi juaj në organizatën { $organisation } u rinovua
body =
    Anëtarësimi juaj në organizatën { $organisation } u rinovua. Ju faleminderit për mbështetjen e vazhdueshme!

    Lloji i anëtarësimit: { $membership_type }
    I vlefshëm deri më: { $until }

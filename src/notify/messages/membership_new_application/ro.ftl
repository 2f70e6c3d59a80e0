subject = Cerere nouă de aderare: { $organisation }
body =
    { $applicant } a depus o cerere de aderare la organizația { $organisation }.

    Categoria de membru: { $membership_type }

    Puteți analiza cererea și o puteți aproba sau respinge în { $platform }.
action = Analizați cererea

subject = Calitatea de membru expiră în curând: { $organisation }
body =
    Calitatea dumneavoastră de membru al organizației { $organisation } expiră { $days ->
        [one] peste o zi
        [few] peste { $days } zile
       *[other] peste { $days } de zile
    }.

    Categoria de membru: { $membership_type }
    Valabil până la: { $until }

    Reînnoiți-o la timp pentru a păstra beneficiile de membru, cum ar fi accesul la evenimentele rezervate membrilor.

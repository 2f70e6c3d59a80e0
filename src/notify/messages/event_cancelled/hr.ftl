subject = Događaj je otkazan: { $event }
body =
    Nažalost, organizatori su otkazali događaj „{ $event }“ ({ $when }).{ $has_reason ->
        [yes] {" "}Obrazloženje organizatora: { $reason }
       *[no] {""}
    }

    Time je otkazana i Vaša prijava. U privitku se nalazi ažuriranje za kalendar kojim se događaj uklanja iz Vašeg kalendara.

    U ime organizatora ispričavamo se zbog nastalih neugodnosti.

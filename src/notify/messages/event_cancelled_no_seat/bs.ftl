subject = Događaj je otkazan: { $event }
body =
    Nažalost, organizatori su otkazali događaj „{ $event }“ ({ $when }).{ $has_reason ->
        [yes] {" "}Obrazloženje organizatora: { $reason }
       *[no] {""}
    }

    { $standing ->
        [waitlisted] Time je otkazano i Vaše mjesto na listi čekanja.
       *[pending] Time je otkazana i Vaša nepotvrđena prijava, pa više nema šta potvrditi.
    }

    U ime organizatora izvinjavamo se zbog nastalih neugodnosti.

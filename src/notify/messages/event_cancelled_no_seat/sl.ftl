subject = Dogodek je odpovedan: { $event }
body =
    Žal so organizatorji odpovedali dogodek „{ $event }“ ({ $when }).{ $has_reason ->
        [yes] {" "}Pojasnilo organizatorjev: { $reason }
       *[no] {""}
    }

    { $standing ->
        [waitlisted] S tem je preklicano tudi Vaše mesto na čakalnem seznamu.
       *[pending] S tem je preklicana tudi Vaša nepotrjena prijava, zato ni ničesar več za potrditi.
    }

    V imenu organizatorjev se opravičujemo za nevšečnosti.

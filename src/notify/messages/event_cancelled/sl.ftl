subject = Dogodek je odpovedan: { $event }
body =
    Žal so organizatorji odpovedali dogodek „{ $event }“ ({ $when }).{ $has_reason ->
        [yes] {" "}Pojasnilo organizatorjev: { $reason }
       *[no] {""}
    }

    S tem je preklicana tudi Vaša prijava. V priponki je posodobitev za koledar, ki dogodek odstrani iz Vašega koledarja.

    V imenu organizatorjev se opravičujemo za nevšečnosti.

subject = Eveniment anulat: { $event }
body =
    Din păcate, organizatorii au anulat evenimentul „{ $event }” ({ $when }).{ $has_reason ->
        [yes] {" "}Motivul indicat de organizatori: { $reason }
       *[no] {""}
    }

    { $standing ->
        [waitlisted] Prin urmare, și locul dumneavoastră pe lista de așteptare a fost anulat.
       *[pending] Prin urmare, și înscrierea dumneavoastră neconfirmată a fost anulată, deci nu mai este nimic de confirmat.
    }

    În numele organizatorilor, ne cerem scuze pentru neplăcerile create.

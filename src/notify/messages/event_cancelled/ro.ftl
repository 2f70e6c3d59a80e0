subject = Eveniment anulat: { $event }
body =
    Din păcate, organizatorii au anulat evenimentul „{ $event }” ({ $when }).{ $has_reason ->
        [yes] {" "}Motivul indicat de organizatori: { $reason }
       *[no] {""}
    }

    Prin urmare, și înscrierea dumneavoastră a fost anulată. Actualizarea de calendar atașată elimină evenimentul din calendarul dumneavoastră.

    În numele organizatorilor, ne cerem scuze pentru neplăcerile create.

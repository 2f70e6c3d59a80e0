subject = Aktiviteti u anulua: { $event }
body =
    Fatkeqësisht, organizatorët e anuluan aktivitetin “{ $event }” ({ $when }).{ $has_reason ->
        [yes] {" "}Arsyeja e dhënë nga organizatorët: { $reason }
       *[no] {""}
    }

    Bashkë me të është anuluar edhe regjistrimi juaj. Përditësimi i kalendarit, që gjendet bashkëngjitur, e heq aktivitetin nga kalendari juaj.

    Në emër të organizatorëve, kërkojmë ndjesë për shqetësimin e shkaktuar.

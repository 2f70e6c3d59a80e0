subject = Aktiviteti u anulua: { $event }
body =
    Fatkeqësisht, organizatorët e anuluan aktivitetin “{ $event }” ({ $when }).{ $has_reason ->
        [yes] {" "}Arsyeja e dhënë nga organizatorët: { $reason }
       *[no] {""}
    }

    { $standing ->
        [waitlisted] Bashkë me të është anuluar edhe vendi juaj në listën e pritjes.
       *[pending] Bashkë me të është anuluar edhe regjistrimi juaj i pakonfirmuar, kështu që nuk ka më asgjë për të konfirmuar.
    }

    Në emër të organizatorëve, kërkojmë ndjesë për shqetësimin e shkaktuar.

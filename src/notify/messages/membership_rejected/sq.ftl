subject = Përgjigje për kërkesën tuaj për anëtarësim: { $organisation }
body =
    Fatkeqësisht, kërkesa juaj për anëtarësim në organizatën { $organisation } nuk u miratua.{ $has_reason ->
        [yes] {" "}Arsyeja e dhënë nga organizata: { $reason }
       *[no] {""}
    }

    Lloji i anëtarësimit: { $membership_type }

    Nëse keni pyetje, mund t'i drejtoheni drejtpërdrejt organizatës.

subject = Vaše je članstvo u organizaciji { $organisation } isteklo
body =
    Vaše je članstvo u organizaciji { $organisation } isteklo.

    Vrsta članstva: { $membership_type }

    Članstvo možete obnoviti u bilo kojem trenutku.

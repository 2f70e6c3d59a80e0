subject = Anëtarësimi juaj në organizatën { $organisation } ka skaduar
body =
    Anëtarësimi juaj në organizatën { $organisation } ka skaduar.

    Lloji i anëtarësimit: { $membership_type }

    Mund ta rinovoni në çdo kohë.

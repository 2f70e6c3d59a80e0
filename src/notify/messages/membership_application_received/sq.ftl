subject = Morëm kërkesën tuaj për anëtarësim: { $organisation }
body =
    Morëm kërkesën tuaj për anëtarësim në organizatën { $organisation }.

    Lloji i anëtarësimit: { $membership_type }

    Organizata do ta shqyrtojë tani kërkesën tuaj dhe do të merrni një email sapo të merret vendimi.

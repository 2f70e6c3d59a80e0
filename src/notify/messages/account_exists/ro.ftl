subject = Cineva a încercat să creeze un cont { $platform } cu adresa dumneavoastră
body =
    Cineva – poate chiar dumneavoastră – tocmai a încercat să creeze un cont nou pe { $platform } cu această adresă de e-mail. Aveți deja un cont cu această adresă, așa că nu a fost creat un cont nou.

    Dacă ați fost dumneavoastră, conectați-vă pur și simplu cu contul existent. Dacă v-ați uitat parola, puteți cere una nouă pe pagina de conectare.

    Dacă nu ați fost dumneavoastră, ignorați acest e-mail – contul dumneavoastră nu a fost modificat.

subject = Rivendosja e fjalëkalimit për { $platform }
body =
    Morëm një kërkesë për rivendosjen e fjalëkalimit të llogarisë suaj në { $platform }. Për të zgjedhur një fjalëkalim të ri, hapni lidhjen më poshtë. Lidhja është e vlefshme për { $hours } orë.

    Nëse këtë kërkesë nuk e keni bërë ju, shpërfilleni këtë email – fjalëkalimi juaj mbetet i pandryshuar.
action = Zgjidhni një fjalëkalim të ri

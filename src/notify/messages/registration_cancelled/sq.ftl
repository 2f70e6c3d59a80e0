subject = Regjistrimi u anulua: { $event }
body =
    Regjistrimi juaj për aktivitetin “{ $event }” ({ $when }) u anulua.

    Nëse ndërroni mendje, mund të regjistroheni përsëri për sa kohë që regjistrimet janë të hapura.

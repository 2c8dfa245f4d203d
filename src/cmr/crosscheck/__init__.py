"""crosscheck (being built: see issue notes)."""

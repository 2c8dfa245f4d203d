"""coverage (being built: see issue notes)."""

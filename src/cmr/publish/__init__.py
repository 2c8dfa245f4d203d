"""publish (being built: see issue notes)."""

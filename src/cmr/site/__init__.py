"""site (being built: see issue notes)."""

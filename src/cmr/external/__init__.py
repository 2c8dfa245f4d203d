"""external (being built: see issue notes)."""

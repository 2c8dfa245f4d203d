"""The dataset's version (being built: see the publish work)."""

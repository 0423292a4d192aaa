"""Demo data for ``seed_demo``: the top layer, which may import every app and none imports."""

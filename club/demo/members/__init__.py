"""Realistic, deterministic demo alumni for ``seed_demo --members N --seed S``.

``generate`` builds members in pure Python from the seed (names in native script,
programmes by year, careers, re-visits); ``store`` writes them in bulk, skipping
those already present; ``accounts`` adds a few sign-in accounts with known passwords.
"""

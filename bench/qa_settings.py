"""Settings for bench/qa_load.py: the dev stack, quiet, with the per-member flood limits lifted.

The benchmark posts every question from one account at a steady rate, which the
production limit (5 questions a minute) would refuse; everything else is unchanged.
"""

from club.settings.dev import *  # noqa: F403

DEBUG = False
QA_RATE_LIMITS = {"ask": (1_000_000, 60), "answer": (1_000_000, 60), "vote": (1_000_000, 60)}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

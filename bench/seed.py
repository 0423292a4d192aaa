"""Time ``seed_demo --members N`` on a scratch SQLite database.

    .venv/bin/python bench/seed.py --members 43000 [--seed 2014] [--db /tmp/seed-bench.sqlite3]

Prints the time to generate the members in memory (no database), the time to write
them (bulk inserts and alumni-directory entries), a second idempotent run, and peak
memory. The scratch database is created afresh; the project's db.sqlite3 is refused.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=43000)
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "seed-bench.sqlite3"
    )
    args = parser.parse_args()
    if args.db.resolve() == (ROOT / "db.sqlite3").resolve():
        parser.error("use a scratch database, not the project's db.sqlite3")
    args.db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{args.db.resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "club.settings.dev")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command

    from club.demo.members.generate import generate_members
    from club.demo.members.store import seed_members
    from club.members.models import Member

    call_command("migrate", verbosity=0)

    started = time.perf_counter()
    generated = sum(1 for _ in generate_members(args.seed, args.members))
    generation = time.perf_counter() - started

    started = time.perf_counter()
    seed_members(args.members, args.seed, report=print, progress=print)
    first = time.perf_counter() - started

    started = time.perf_counter()
    again = seed_members(args.members, args.seed, report=print)
    second = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"members            {Member.objects.count():,} (generated {generated:,})")
    print(f"generation only    {generation:6.1f} s  ({generated / generation:,.0f} members/s)")
    print(f"first run          {first:6.1f} s  ({args.members / first:,.0f} members/s)")
    print(f"second run         {second:6.1f} s  ({again.created} new)")
    print(f"peak memory        {peak_mb:6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

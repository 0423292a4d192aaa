"""Time ``seed_demo --members N`` on a scratch SQLite database; load by COPY on PostgreSQL.

    .venv/bin/python bench/seed.py --members 43000 [--seed 2014] [--db /tmp/seed-bench.sqlite3]

Prints the time to generate the members in memory (no database), the time to write
them (bulk inserts and alumni-directory entries), a second idempotent run, and peak
memory. The scratch database is created afresh; the project's db.sqlite3 is refused.

``copy_members`` writes the same demo alumni (the same generator, the same rows as
``seed_members``) to a scratch PostgreSQL database through COPY, for the benchmarks
that need hundreds of thousands of them (bench/search.py); it leaves the derived rows
to the caller (``manage.py directory_index rebuild``).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


COPY_CHUNK = 10_000


def _copy(cursor: Any, connection: Any, model: Any, rows: list[Any]) -> None:
    """COPY model instances (primary keys set) into ``model``'s table, as Django would save them."""
    fields = list(model._meta.concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields]
            )


def copy_members(count: int, seed: int, progress: Callable[[str], None]) -> int:
    """Write demo alumni 1..count that are missing, by COPY on PostgreSQL; returns how many.

    For a scratch database: the rows are the ones ``seed_members`` writes (its own
    builders), ids are taken after the highest present, and no derived rows are made.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max

    from club.demo.members.generate import ROSTER_PREFIX, generate_members
    from club.demo.members.reference import ensure_reference_data
    from club.demo.members.store import member_from_spec, member_rows, user_from_spec
    from club.members.models import Member

    assert connection.vendor == "postgresql", "COPY loading is for PostgreSQL"
    refs = ensure_reference_data(progress)
    existing = set(
        Member.objects.filter(roster_id__startswith=ROSTER_PREFIX).values_list(
            "roster_id", flat=True
        )
    )
    user_model = get_user_model()
    password = make_password(None)
    next_id: dict[Any, int] = {}

    def numbered(model: Any, rows: Iterable[Any]) -> None:
        if model not in next_id:
            next_id[model] = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        for row in rows:
            row.pk = next_id[model]
            next_id[model] += 1

    started = time.perf_counter()
    written = done = 0
    specs = generate_members(seed, count)
    models: set[Any] = {user_model, Member}
    while chunk := list(islice(specs, COPY_CHUNK)):
        done += len(chunk)
        missing = [spec for spec in chunk if spec.roster_id not in existing]
        users = [user_from_spec(spec, password) for spec in missing]
        numbered(user_model, users)
        members = [
            member_from_spec(spec, user.pk) for spec, user in zip(missing, users, strict=True)
        ]
        numbered(Member, members)
        children = member_rows(list(zip(missing, members, strict=True)), refs)
        for model, rows in children.items():
            numbered(model, rows)
            models.add(model)
        with transaction.atomic(), connection.cursor() as cursor:
            for model, rows in [(user_model, users), (Member, members), *children.items()]:
                _copy(cursor.cursor, connection, model, rows)
        written += len(members)
        elapsed = time.perf_counter() - started
        progress(f"{done:,} / {count:,} alumni, {written:,} new ({elapsed:.0f} s)")
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(sql)
    return written


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

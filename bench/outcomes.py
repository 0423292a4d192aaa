"""Benchmark the re-visit outcomes dashboard against hand-written SQL on PostgreSQL.

    .venv/bin/python bench/outcomes.py [--members 430000] [--repeat 5] [--regenerate]
        [--database postgres://postgres@127.0.0.1:5432/bench_outcomes]

Fills a scratch PostgreSQL database (created and migrated if missing) with synthetic,
SSP-like alumni through COPY: participations 2014-2024, about 7% of members with a
qualifying re-visit, some with several participations or re-visits, a few re-visits
before the programme ended, anonymised and pending members, chapter memberships.
The data is reused while the member count matches (--regenerate forces a new set).

Then, in the same run and on warm caches, it times (best of --repeat):
  * the full dashboard computation, ``club.outcomes.report.build_report`` (every
    breakdown, headline, medians and curves), for everyone and for one filtered selection;
  * one hand-written SQL GROUP BY per breakdown answering the same question;
and checks that both give the same numbers. ``DATABASE_URL`` is ignored so the
developer's database is never touched.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bench_outcomes"

# Nationality weights, roughly like SSP since 2014 ("" = not recorded).
COUNTRIES = [
    ("CN", 34), ("IN", 12), ("ID", 10), ("TH", 9), ("VN", 8), ("MY", 5), ("PH", 5),
    ("MN", 3), ("LK", 3), ("BD", 2), ("MM", 2), ("KH", 2), ("TW", 2), ("LA", 1),
    ("NP", 1), ("KR", 1), ("BR", 1), ("EG", 1), ("", 1),
]  # fmt: skip
PROGRAMMES = [
    ("A", 55), ("B", 15), ("C", 12), ("D", 3), ("HSP", 10), ("OFFICERS", 1), ("LOTUS", 2),
    ("YTEC", 2),
]  # fmt: skip
FISCAL_YEARS = [(year, 3 + min(year - 2014, 5)) for year in range(2014, 2025)]
REVISIT_KINDS = [
    ("degree", 40), ("exchange", 15), ("researcher", 25), ("faculty", 5), ("employee", 10),
    ("other", 5),
]  # fmt: skip
HOSTS = 150
CHAPTER_COUNTRIES = [code for code, _ in COUNTRIES[:18]]


def weighted(rng: random.Random, table: list[tuple[Any, int]]) -> Callable[[], Any]:
    """A sampler for a (value, weight) table."""
    values = [value for value, _ in table]
    cumulative = []
    total = 0
    for _, weight in table:
        total += weight
        cumulative.append(total)
    return lambda: rng.choices(values, cum_weights=cumulative)[0]


# --- data ----------------------------------------------------------------------------------


def row_builder(model: Any) -> tuple[list[str], Callable[[dict[str, Any]], tuple]]:
    """Columns of ``model`` and a function turning overrides into a full COPY row."""
    fields = list(model._meta.concrete_fields)
    now = datetime.now(UTC)
    defaults = {
        field.attname: now
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        else field.get_default()
        for field in fields
    }
    names = [field.attname for field in fields]

    def build(values: dict[str, Any]) -> tuple:
        return tuple(values.get(name, defaults[name]) for name in names)

    return [field.column for field in fields], build


def copy_rows(cursor: Any, model: Any, rows: Iterator[dict[str, Any]]) -> int:
    """COPY ``rows`` (dicts of attnames, ids included) into ``model``'s table."""
    columns, build = row_builder(model)
    count = 0
    statement = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(build(row))
            count += 1
    return count


def generate(members: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    """Deterministic synthetic data, as rows per model."""
    rng = random.Random(seed)
    country = weighted(rng, COUNTRIES)
    programme = weighted(rng, PROGRAMMES)
    fiscal_year = weighted(rng, FISCAL_YEARS)
    kind = weighted(rng, REVISIT_KINDS)
    host_weights = [(host, max(1, 200 // (host + 1))) for host in range(1, HOSTS + 1)]
    host = weighted(rng, host_weights)
    today = date.today()

    institutions = [
        {"id": i, "name": f"Host University {i}", "normalised_name": f"host university {i}",
         "country": "JP"}
        for i in range(1, HOSTS + 1)
    ]  # fmt: skip
    chapters = [
        {"id": i, "name": f"{code} chapter", "slug": f"{code.lower()}-chapter", "country": code}
        for i, code in enumerate(CHAPTER_COUNTRIES, start=1)
    ]
    chapter_of = {code: i for i, code in enumerate(CHAPTER_COUNTRIES, start=1)}
    rows: dict[str, list[dict[str, Any]]] = {
        "institutions": institutions,
        "chapters": chapters,
        "members": [],
        "participations": [],
        "revisits": [],
        "memberships": [],
    }
    participation_id = revisit_id = membership_id = 0
    for member_id in range(1, members + 1):
        roll = rng.random()
        status = "pending" if roll < 0.01 else "anonymised" if roll < 0.03 else "active"
        nationality = country()
        rows["members"].append(
            {"id": member_id, "given_name": f"Alumnus {member_id}", "status": status,
             "nationality": nationality, "country": nationality}
        )  # fmt: skip
        year = fiscal_year()
        start = date(year, 4, 1) + timedelta(days=rng.randrange(355))
        end = start + timedelta(days=rng.randrange(6, 21))
        participation_id += 1
        rows["participations"].append(
            {"id": participation_id, "member_id": member_id, "programme": programme(),
             "fiscal_year": year, "start_date": start, "end_date": end,
             "host_institution_id": host()}
        )  # fmt: skip
        if rng.random() < 0.08 and year < 2023:  # a second participation, later
            later = end + timedelta(days=rng.randrange(200, 1000))
            participation_id += 1
            rows["participations"].append(
                {"id": participation_id, "member_id": member_id, "programme": programme(),
                 "fiscal_year": later.year if later.month >= 4 else later.year - 1,
                 "start_date": later, "end_date": later + timedelta(days=10),
                 "host_institution_id": host()}
            )  # fmt: skip
        revisits = []
        if rng.random() < 0.08:
            first = end + timedelta(days=int(rng.expovariate(1 / 900)) + 30)
            revisits.append(first)
            if rng.random() < 0.15:
                revisits.append(first + timedelta(days=rng.randrange(400, 1500)))
        if rng.random() < 0.003:  # recorded while the programme was still running: excluded
            revisits.append(start + timedelta(days=1))
        for revisit_start in revisits:
            if revisit_start > today:
                continue
            revisit_id += 1
            ongoing = rng.random() < 0.3
            rows["revisits"].append(
                {"id": revisit_id, "member_id": member_id, "kind": kind(),
                 "institution_id": host(), "start_date": revisit_start,
                 "end_date": None if ongoing else revisit_start + timedelta(days=700),
                 "source": "jst" if rng.random() < 0.4 else "member"}
            )  # fmt: skip
        if status == "active" and nationality in chapter_of and rng.random() < 0.08:
            membership_id += 1
            rows["memberships"].append(
                {"id": membership_id, "member_id": member_id,
                 "chapter_id": chapter_of[nationality],
                 "role": "coordinator" if membership_id % 500 == 0 else "member"}
            )  # fmt: skip
    return rows


def load(members: int, seed: int, report: Callable[[str], None]) -> None:
    """Replace the members data of the scratch database with a generated set."""
    from django.core.management.color import no_style
    from django.db import connection
    from django.db.models import Model

    from club.members.models import (
        Chapter,
        ChapterMembership,
        Institution,
        Member,
        Participation,
        Revisit,
    )

    started = time.perf_counter()
    rows = generate(members, seed)
    report(f"generated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    targets: list[tuple[type[Model], str]] = [
        (Institution, "institutions"),
        (Chapter, "chapters"),
        (Member, "members"),
        (Participation, "participations"),
        (Revisit, "revisits"),
        (ChapterMembership, "memberships"),
    ]
    with connection.cursor() as cursor:
        tables = ", ".join(model._meta.db_table for model, _ in targets)
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        raw = cursor.cursor
        for model, key in targets:
            count = copy_rows(raw, model, iter(rows[key]))
            report(f"  {model._meta.db_table:28} {count:>9,} rows")
        for sql in connection.ops.sequence_reset_sql(no_style(), [m for m, _ in targets]):
            cursor.execute(sql)
        cursor.execute("ANALYZE")
    report(f"loaded in {time.perf_counter() - started:.1f} s")


# --- hand-written SQL ----------------------------------------------------------------------

# Straight from the members tables: each query finds every alumnus's first participation
# (anti-join), their first qualifying re-visit, and groups. What one would write by hand.
BASE = """
WITH first AS (
    SELECT p.member_id, p.fiscal_year, p.programme, p.host_institution_id, p.end_date,
           m.nationality
    FROM members_participation p JOIN members_member m ON m.id = p.member_id
    WHERE m.status IN ('active', 'anonymised')
      AND NOT EXISTS (
          SELECT 1 FROM members_participation e
          WHERE e.member_id = p.member_id
            AND (e.start_date < p.start_date OR (e.start_date = p.start_date AND e.id < p.id)))
), back AS (
    SELECT f.member_id, MIN(r.start_date) AS first_revisit
    FROM first f JOIN members_revisit r ON r.member_id = f.member_id AND r.start_date > f.end_date
    GROUP BY f.member_id
)
"""
GROUP = """
SELECT {column}, COUNT(*), COUNT(back.member_id)
FROM first LEFT JOIN back USING (member_id) GROUP BY 1 ORDER BY 2 DESC, 1 {limit}"""
REVISITS = """
SELECT r.{column}, COUNT(DISTINCT r.member_id) FROM members_revisit r
JOIN first f ON f.member_id = r.member_id WHERE r.start_date > f.end_date GROUP BY 1"""
MONTHS = """
SELECT f.fiscal_year,
    (EXTRACT(YEAR FROM b.first_revisit)::int - EXTRACT(YEAR FROM f.end_date)::int) * 12
    + EXTRACT(MONTH FROM b.first_revisit)::int - EXTRACT(MONTH FROM f.end_date)::int
    - CASE WHEN EXTRACT(DAY FROM b.first_revisit) < EXTRACT(DAY FROM f.end_date)
      THEN 1 ELSE 0 END,
    COUNT(*)
FROM first f JOIN back b USING (member_id) GROUP BY 1, 2"""
HEADLINE = "SELECT COUNT(*), COUNT(back.member_id) FROM first LEFT JOIN back USING (member_id)"
BASE_SQL = {
    name: BASE + sql
    for name, sql in {
        "headline": HEADLINE,
        "cohort": GROUP.format(column="fiscal_year", limit=""),
        "country": GROUP.format(column="nationality", limit=""),
        "programme": GROUP.format(column="programme", limit=""),
        "host": GROUP.format(column="host_institution_id", limit="LIMIT 10"),
        "kind": REVISITS.format(column="kind"),
        "source": REVISITS.format(column="source"),
        "months": MONTHS,
    }.items()
}
# The same questions over the derived per-alumnus rows the dashboard reads.
FACT_GROUP = """SELECT {column}, COUNT(*), COUNT(first_revisit) FROM outcomes_alumnus
    GROUP BY 1 ORDER BY 2 DESC, 1 {limit}"""
FACT_REVISITS = """SELECT r.{column}, COUNT(DISTINCT r.member_id) FROM members_revisit r
    JOIN outcomes_alumnus a ON a.member_id = r.member_id WHERE r.start_date > a.first_end
    GROUP BY 1"""
FACT_SQL = {
    "headline": "SELECT COUNT(*), COUNT(first_revisit) FROM outcomes_alumnus",
    "cohort": FACT_GROUP.format(column="cohort", limit=""),
    "country": FACT_GROUP.format(column="nationality", limit=""),
    "programme": FACT_GROUP.format(column="programme", limit=""),
    "host": FACT_GROUP.format(column="host_institution_id", limit="LIMIT 10"),
    "kind": FACT_REVISITS.format(column="kind"),
    "source": FACT_REVISITS.format(column="source"),
    "months": """SELECT cohort, months_to_revisit, COUNT(*) FROM outcomes_alumnus
        WHERE months_to_revisit IS NOT NULL GROUP BY 1, 2""",
}


def orm_queries(selection: Any) -> dict[str, Callable[[], Any]]:
    """The dashboard's own queries, one per breakdown, returning comparable raw results."""
    from club.outcomes import queries

    def groups(name: str, limit: int | None = None) -> Callable[[], Any]:
        return lambda: {
            key: (c.alumni, c.revisited)
            for key, c in queries.group_counts(selection, name, limit).items()
        }

    return {
        # Known status is compared separately (it needs the confirmations table).
        "headline": lambda: (lambda t: (t.alumni, t.revisited))(queries.total(selection)),
        "cohort": groups("cohort"),
        "country": groups("country"),
        "programme": groups("programme"),
        "host": groups("host", 10),
        "kind": lambda: queries.revisitors_by(selection, "kind"),
        "source": lambda: queries.revisitors_by(selection, "source"),
        "months": lambda: dict(queries.months_to_revisit(selection)),
    }


def as_result(name: str, rows: list[tuple]) -> Any:
    """Hand-written SQL rows in the shape the ORM functions return."""
    if name == "headline":
        return tuple(rows[0])
    if name in ("kind", "source"):
        return {key: count for key, count in rows}
    if name == "months":
        return {(cohort, int(months)): count for cohort, months, count in rows}
    return {key: (alumni, revisited) for key, alumni, revisited in rows}


def fetch(sql: str) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def best(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs (after one warm-up), and the last result."""
    result = run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


# --- setup and report ----------------------------------------------------------------------


def prepare_database(url: str) -> None:
    """Create the scratch database if it does not exist."""
    from urllib.parse import urlparse

    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    maintenance = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def machine() -> str:
    memory = next(
        int(line.split()[1]) // 1024 // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} CPUs, {memory} GB RAM, load {load:.1f}, {platform.platform()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=430_000)
    parser.add_argument("--seed", type=int, default=2014)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--database", default=DEFAULT_DATABASE)
    args = parser.parse_args()
    if not args.database.startswith(("postgres://", "postgresql://")):
        parser.error("the benchmark needs a PostgreSQL URL (--database)")
    if args.members < 100:
        parser.error("--members must be at least 100")

    prepare_database(args.database)
    os.environ["DATABASE_URL"] = args.database
    os.environ["DJANGO_SETTINGS_MODULE"] = "club.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from club.members.models import Member
    from club.outcomes.queries import Selection
    from club.outcomes.refresh import rebuild, refresh_members
    from club.outcomes.report import build_report

    call_command("migrate", verbosity=0)
    if args.regenerate or Member.objects.count() != args.members:
        print(f"loading {args.members:,} members ...")
        load(args.members, args.seed, print)
    started = time.perf_counter()
    alumni = rebuild()
    rebuild_time = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE outcomes_alumnus")
    sample = list(Member.objects.order_by("?").values_list("pk", flat=True)[:200])
    started = time.perf_counter()
    for pk in sample:
        refresh_members([pk])
    refresh_time = (time.perf_counter() - started) / len(sample)

    everyone = Selection()
    orm = orm_queries(everyone)
    print(f"\n{machine()}\n{connection.cursor().connection.info.server_version} PostgreSQL")
    print(f"{Member.objects.count():,} members, {alumni:,} alumni; best of {args.repeat} runs\n")
    print(f"{'breakdown':10} {'ORM':>9} {'SQL/facts':>10} {'SQL/base':>10} {'ORM÷facts':>10}"
          f" {'ORM÷base':>9}  same numbers")  # fmt: skip
    totals = [0.0, 0.0, 0.0]
    for name, query in orm.items():
        orm_time, orm_result = best(query, args.repeat)
        fact_time, fact_rows = best(lambda name=name: fetch(FACT_SQL[name]), args.repeat)
        base_time, base_rows = best(lambda name=name: fetch(BASE_SQL[name]), args.repeat)
        same = orm_result == as_result(name, base_rows) == as_result(name, fact_rows)
        for index, value in enumerate((orm_time, fact_time, base_time)):
            totals[index] += value
        print(f"{name:10} {orm_time * 1000:7.0f}ms {fact_time * 1000:8.0f}ms"
              f" {base_time * 1000:8.0f}ms {orm_time / fact_time:9.2f}x"
              f" {orm_time / base_time:8.2f}x  {'yes' if same else 'NO'}")  # fmt: skip
    print(f"{'sum':10} {totals[0] * 1000:7.0f}ms {totals[1] * 1000:8.0f}ms"
          f" {totals[2] * 1000:8.0f}ms {totals[0] / totals[1]:9.2f}x"
          f" {totals[0] / totals[2]:8.2f}x")  # fmt: skip

    full, report = best(lambda: build_report(everyone), args.repeat)
    india = Selection(nationality="IN", programme="B", cohort_from=2016, cohort_to=2019)
    filtered, _ = best(lambda: build_report(india), args.repeat)
    print(f"\nfull dashboard computation (build_report, everyone): {full * 1000:6.0f} ms"
          f"  = {full / totals[1]:.2f}x the hand-written SQL on the same rows,"
          f" {full / totals[2]:.2f}x the hand-written SQL on the members tables")  # fmt: skip
    print(f"full dashboard computation (India, course B, 2016-2019): {filtered * 1000:4.0f} ms")
    print(f"rebuild of every alumnus row (manage.py refresh_outcomes): {rebuild_time:.1f} s")
    print(f"refresh of one member's row (on each save): {refresh_time * 1000:.1f} ms")
    rate = report.headline.rate.value or 0
    print(f"headline: {report.headline.alumni.value:,} alumni, {rate:.1%} re-visited,"
          f" median {report.headline.median_months.value} months")  # fmt: skip
    goal = full <= 2 * totals[2] and full < 2.0
    print(f"goal (<= 2x hand-written SQL and < 2 s): {'met' if goal else 'NOT met'}")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())

"""Alumni directory benchmark: our backends against naive baselines, in one run.

    .venv/bin/python bench/search.py --members 43000                      # SQLite scratch file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search.py --members 430000 --backends database
    .venv/bin/python bench/search.py --members 43000 --backends database,elasticsearch

Database backend: p50/p95 of 200 mixed queries (text + 2 filters + every facet) through the
Django JSON view, against a naive ORM implementation (icontains + one Count per facet), both
as the contract asks (post-filter counts of every facet) and in the cheaper form measured first.
Elasticsearch backend (noida-db, or ELASTICSEARCH_URL): index throughput of our rebuild
against raw helpers.bulk of the same documents, and the view's time against the engine's
own `took` (overhead ratio). Demo members are generated once per scratch database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = 200
NOIDA_LIMIT = 5_000


def setup_django(members: int) -> None:
    default = f"sqlite:///{Path(tempfile.gettempdir()) / f'bench-search-{members}.sqlite3'}"
    os.environ.setdefault("DATABASE_URL", default)
    os.environ["DJANGO_SETTINGS_MODULE"] = "club.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_members(count: int, workers: int) -> None:
    """Demo alumni 1..count with their directory entries, once per scratch database.

    On PostgreSQL they are loaded by COPY (bench/seed.py: thousands a second where the
    ORM writer managed 80-480) and the entries then built by the project's own
    ``refresh_entries``, split over ``workers`` processes, and ANALYZE (what
    ``directory_index rebuild`` does in one); SQLite takes the ORM writer, entries included.
    """
    from django.core.management import call_command
    from django.db import connection

    from club.demo.members.store import seed_members
    from club.members.models import Member
    from search.models import DirectoryEntry

    call_command("migrate", verbosity=0)
    members = Member.objects.count()
    if members >= count and DirectoryEntry.objects.count() >= members:
        return
    report = lambda line: print(line, flush=True)  # noqa: E731
    if connection.vendor != "postgresql":
        print(f"generating {count:,} demo alumni (once per scratch database)…", flush=True)
        seed_members(count, 2014, report=print, progress=report)
        return
    from bench.seed import copy_members

    if members < count:
        print(f"loading {count:,} demo alumni by COPY (once per scratch database)…", flush=True)
        started = time.perf_counter()
        copy_members(count, 2014, progress=report)
        print(f"loaded by COPY in {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    rebuild_entries(workers)
    print(f"directory entries rebuilt in {time.perf_counter() - started:.0f} s", flush=True)


def _refresh_slice(ids: list[int]) -> int:
    from search.directory.entries import refresh_entries

    done = 0
    for start in range(0, len(ids), 5000):
        done += refresh_entries(ids[start : start + 5000])
        print(f"  worker {os.getpid()}: {done:,} / {len(ids):,} entries", flush=True)
    return done


def rebuild_entries(workers: int) -> None:
    """Every entry rebuilt by the project's refresh_entries over ``workers`` processes."""
    import multiprocessing

    from django.db import connections

    from club.members.models import Member
    from club.planner_statistics import refresh_planner_statistics

    ids = list(Member.objects.order_by("pk").values_list("pk", flat=True))
    connections.close_all()  # each forked worker opens its own
    slices = [ids[i::workers] for i in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        built = sum(pool.map(_refresh_slice, slices))
    refresh_planner_statistics()
    print(f"{built:,} directory entries built, then ANALYZE", flush=True)


def workload(seed: int = 7) -> list[dict[str, str]]:
    """200 queries: a text term plus two filters, drawn from values that occur in the data."""
    from search.models import DirectoryFacetValue

    rng = random.Random(seed)
    words = [
        "university",
        "tokyo",
        "engineer",
        "kyoto",
        "chemistry",
        "institute",
        "research",
        "tohoku",
        "materials",
        "student",
        "osaka",
        "science",
        "data",
        "energy",
        "li",
        "kumar",
    ]
    # Every value that occurs, each as likely as the next: what a facet panel offers.
    values: dict[str, list[str]] = {
        facet: sorted(
            DirectoryFacetValue.objects.filter(facet=facet)
            .values_list("value", flat=True)
            .distinct()
        )
        for facet in ("country", "programme", "host_institution", "field")
    }
    queries = []
    for _ in range(QUERIES):
        two = rng.sample(sorted(values), 2)
        query = {"q": rng.choice(words)}
        query.update({facet: rng.choice(values[facet]) for facet in two})
        queries.append(query)
    return queries


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_view(
    queries: list[dict[str, str]], user=None, answers: list[dict] | None = None
) -> list[float]:
    """The view's time per query; each answer is kept in ``answers`` when given."""
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    timings = []
    for query in queries:
        started = time.perf_counter()
        response = client.get("/en/directory/search.json", query)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.content[:200]
        if answers is not None:
            answers.append({key: v for key, v in response.json().items() if key != "engine_ms"})
    return timings


# Member-table lookups of the workload's filters and of every facet the contract counts.
NAIVE_FILTERS = {
    "country": "country",
    "programme": "participations__programme",
    "host_institution": "participations__host_institution",
    "field": "fields__slug",
}
NAIVE_FACETS = {
    **NAIVE_FILTERS,
    "chapter": "chapters__slug",
    "year": "participations__fiscal_year",
    "home_institution": "participations__sending_institution",
    "revisit_kind": "revisits__kind",
}


def naive_search(query: dict[str, str], *, post_filter: bool = True) -> tuple[int, dict]:
    """What a straightforward ORM version would do: icontains, then one Count per facet.

    With ``post_filter`` it answers the contract's question: every facet counted with its
    own filter ignored (the "re-visited" facet as two counts). Without it, it is the
    cheaper query session 1 measured: six facets, all counted over the filtered set.
    Neither checks privacy, builds hits or renders JSON.
    """
    from django.db.models import Count, Q

    from club.members.models import Member

    text = query["q"]
    matching = Member.objects.filter(status="active").filter(
        Q(given_name__icontains=text)
        | Q(family_name__icontains=text)
        | Q(native_name__icontains=text)
        | Q(position__icontains=text)
        | Q(organisation__icontains=text)
        | Q(participations__host_institution__name__icontains=text)
        | Q(fields__name__icontains=text)
    )

    def narrowed(ignore: str | None = None):
        members = matching
        for facet, lookup in NAIVE_FILTERS.items():
            if facet in query and facet != ignore:
                members = members.filter(**{lookup: query[facet]})
        return members.distinct()

    members = narrowed()
    total = members.count()
    hits = list(members.order_by("family_name", "given_name")[:20])
    counted = (
        NAIVE_FACETS
        if post_filter
        else {
            key: NAIVE_FACETS[key]
            for key in (
                "country",
                "programme",
                "host_institution",
                "field",
                "chapter",
                "revisit_kind",
            )
        }
    )
    facets: dict[str, object] = {}
    for facet, lookup in counted.items():
        among = Member.objects.filter(pk__in=narrowed(facet if post_filter else None).values("pk"))
        facets[facet] = list(
            among.values(lookup).annotate(n=Count("pk", distinct=True)).order_by("-n")[:20]
        )
    if post_filter:
        among = Member.objects.filter(pk__in=members.values("pk"))
        facets["revisited"] = among.aggregate(
            yes=Count("pk", filter=Q(revisits__isnull=False), distinct=True),
            no=Count("pk", filter=Q(revisits__isnull=True), distinct=True),
        )
    return total, {"facets": facets, "hits": hits}


def time_naive(queries: list[dict[str, str]], *, post_filter: bool) -> list[float]:
    timings = []
    for query in queries:
        started = time.perf_counter()
        naive_search(query, post_filter=post_filter)
        timings.append(time.perf_counter() - started)
    return timings


def bench_database(
    members: int, queries: list[dict[str, str]], answers_path: Path | None = None
) -> None:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(member__status="active").first()
    time_view(queries[:10], user)  # warm caches and connections
    answers: list[dict] = []
    ours = time_view(queries, user, answers)
    if answers_path:
        # Every answer (total, hits, facet counts, suggestion), to compare two versions.
        answers_path.write_text(json.dumps(answers, indent=1, sort_keys=True))
    p50, p95 = percentile(ours, 0.5), percentile(ours, 0.95)
    print(f"\n== database backend, {members:,} members, {len(queries)} queries ==")
    print(f"our view (JSON, all facets): p50 {p50 * 1000:.1f} ms  p95 {p95 * 1000:.1f} ms")
    for label, post_filter in (
        ("same counts as the contract", True),
        ("filtered counts only", False),
    ):
        naive = time_naive(queries, post_filter=post_filter)
        n50, n95 = percentile(naive, 0.5), percentile(naive, 0.95)
        print(
            f"naive ORM, {label} (no view): p50 {n50 * 1000:.1f} ms  p95 {n95 * 1000:.1f} ms;"
            f" ours is {statistics.mean(naive) / statistics.mean(ours):.1f}x faster on the mean,"
            f" {n50 / p50:.1f}x p50, {n95 / p95:.1f}x p95"
        )


def bench_elasticsearch(members: int, queries: list[dict[str, str]]) -> None:
    from django.conf import settings
    from elasticsearch import Elasticsearch, helpers

    from search.directory.elastic_index import _actions, rebuild
    from search.models import DirectoryEntry

    server = None
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        from tests.search_server import SearchServer

        server = SearchServer(Path(tempfile.mkdtemp(prefix="bench-noida-"))).start()
        url = server.url
    try:
        client = Elasticsearch(url, request_timeout=120)
        settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX = url, "bench-directory"
        started = time.perf_counter()
        rebuild(client, "bench-directory", chunk_size=1000)
        ours = time.perf_counter() - started

        entries = list(DirectoryEntry.objects.order_by("pk"))
        documents = list(_actions("bench-raw", entries))  # prepared before the clock starts
        client.indices.create(index="bench-raw")
        started = time.perf_counter()
        helpers.bulk(client, documents, chunk_size=1000)
        raw = time.perf_counter() - started
        client.indices.delete(index="bench-raw")

        from django.test import Client

        http = Client()
        time_view(queries[:10])  # warm up
        view, engine = [], []
        for query in queries:
            started = time.perf_counter()
            response = http.get("/en/directory/search.json", query)
            view.append(time.perf_counter() - started)
            assert response.status_code == 200, response.content[:200]
            engine.append(response.json()["engine_ms"] / 1000)
        print(f"\n== elasticsearch backend, {members:,} members ==")
        print(
            f"index: ours {len(entries) / ours:,.0f} docs/s, raw helpers.bulk "
            f"{len(entries) / raw:,.0f} docs/s (our time {ours / raw:.2f}x the raw time)"
        )
        v50, v95 = percentile(view, 0.5), percentile(view, 0.95)
        e50, e95 = percentile(engine, 0.5), percentile(engine, 0.95)
        print(
            f"view p50 {v50 * 1000:.1f} ms p95 {v95 * 1000:.1f} ms; engine `took` "
            f"p50 {e50 * 1000:.1f} ms p95 {e95 * 1000:.1f} ms"
        )
        if sum(engine) > 0:
            print(f"overhead: {sum(view) / sum(engine):.2f}x the engine's total time")
        else:
            print("overhead: not measurable, the engine reports took = 0 (noida-db does)")
    finally:
        if server:
            server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=43000)
    parser.add_argument("--backends", default="database,elasticsearch")
    parser.add_argument(
        "--workers", type=int, default=2, help="processes building the entries (PostgreSQL)"
    )
    parser.add_argument(
        "--answers", type=Path, help="write the view's answers here as JSON (to compare versions)"
    )
    parser.add_argument(
        "--load-only", action="store_true", help="seed the scratch database, measure nothing"
    )
    args = parser.parse_args()
    setup_django(args.members)
    ensure_members(args.members, args.workers)
    if args.load_only:
        return 0
    from search.models import DirectoryEntry

    print(
        f"database: {os.environ['DATABASE_URL']}; directory entries: "
        f"{DirectoryEntry.objects.count():,}"
    )
    queries = workload()
    backends = args.backends.split(",")
    if (
        "elasticsearch" in backends
        and args.members > NOIDA_LIMIT
        and not os.environ.get("ELASTICSEARCH_URL")
    ):
        # noida-db scans every document per query; beyond a few thousand it times out.
        print(
            f"elasticsearch skipped: {args.members:,} documents is beyond what the test server"
            " (noida-db) can scan per query; set ELASTICSEARCH_URL to a real cluster for this run"
        )
        backends.remove("elasticsearch")
    if "database" in backends:
        bench_database(args.members, queries, args.answers)
    if "elasticsearch" in backends:
        bench_elasticsearch(args.members, queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())

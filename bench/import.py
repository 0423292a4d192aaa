"""Benchmark the roster import against a raw bulk_create of the same rows.

    .venv/bin/python bench/import.py [--rows 43000] [--small 10000]

Generates deterministic, SSP-like rosters, then for each size times (and, in a second
run, traces the memory of) the real importer and a raw ``bulk_create`` of the same
Users, Members and Participations without validation. Runs in a scratch database: a temp
SQLite file, or ``BENCH_DATABASE_URL`` (it is flushed). ``DATABASE_URL`` is ignored so the
developer's database is never touched.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# One country per line: ISO code | weight | family name first (y/n) | given names |
# family names ("-" for none) | sending institutions. Weighted roughly like SSP since 2014.
COUNTRY_TABLE = """
CN|34|y|Wei Fang Min Jing Lei Yan Hao Xin Yu Jie|Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou|Tsinghua University;Peking University;Zhejiang University;Fudan University;Shanghai Jiao Tong University;Nanjing University;Wuhan University;Harbin Institute of Technology;Sichuan University;Sun Yat-sen University
IN|12|n|Aarav Ananya Priya Rahul Vikram Sneha Arjun Divya Karthik Meera|Sharma Patel Reddy Iyer Singh Gupta Nair Rao Das Kumar|Indian Institute of Technology Bombay;Indian Institute of Technology Delhi;Indian Institute of Technology Madras;Indian Institute of Technology Hyderabad;Indian Institute of Science;University of Delhi;Anna University;Jadavpur University
ID|10|n|Budi Siti Dewi Agus Rina Putri Andi Wahyu|Santoso Wijaya Saputra Hidayat Lestari Pratama -|Universitas Indonesia;Institut Teknologi Bandung;Universitas Gadjah Mada;IPB University;Institut Teknologi Sepuluh Nopember;Universitas Airlangga
TH|9|n|Somchai Suda Niran Ploy Kittisak Nattaya|Srisuk Boonmee Chaiyaporn Wongsakul Rattanakorn|Chulalongkorn University;Mahidol University;Kasetsart University;Chiang Mai University;King Mongkut's University of Technology Thonburi
VN|8|y|Anh Minh Linh Huong Duc Thao|Nguyen Tran Le Pham Hoang Vu|Vietnam National University, Hanoi;Vietnam National University Ho Chi Minh City;Hanoi University of Science and Technology;Can Tho University;Hue University
MY|5|n|Ahmad Nur Siti Muhammad Kavitha Hafiz|Abdullah Ibrahim Tan Lim Rahman|University of Malaya;Universiti Kebangsaan Malaysia;Universiti Putra Malaysia;Universiti Sains Malaysia;Universiti Teknologi Malaysia
PH|5|n|Maria Jose Angelica Mark Kristine Paolo|Santos Reyes Cruz Bautista Garcia|University of the Philippines Diliman;Ateneo de Manila University;De La Salle University;University of Santo Tomas
MN|3|n|Temuulen Oyunchimeg Enkhjargal Bat-Erdene|Batbayar Dorj Ganbold Tserendorj|National University of Mongolia;Mongolian University of Science and Technology
LK|3|n|Kasun Nimali Tharindu Dilini|Perera Fernando Silva Jayasinghe|University of Colombo;University of Peradeniya;University of Moratuwa
BD|2|n|Rafiq Nusrat Tanvir Farhana|Hossain Rahman Ahmed Chowdhury|University of Dhaka;Bangladesh University of Engineering and Technology
MM|2|n|Aung Thandar Kyaw Su|Min Oo Htun Win|University of Yangon
KH|2|y|Sokha Dara Chenda Vuthy|Chan Sok Kim Heng|Royal University of Phnom Penh
TW|2|y|Chia-Hao Yi-Ting Wei-Lun|Chen Lin Huang|National Taiwan University;National Tsing Hua University
LA|1|n|Souksavanh Khamphone Vilay|Phommachanh Sisouk Keomany|National University of Laos
NP|1|n|Sujan Anjali Bikash Sabina|Shrestha Adhikari Thapa Karki|Tribhuvan University
KR|1|y|Minjun Seoyeon Jiho|Kim Lee Park|Seoul National University
BR|1|n|Lucas Ana Pedro|Silva Santos Oliveira|University of Sao Paulo
EG|1|n|Omar Mariam Youssef|Hassan Mahmoud Ali|Cairo University
"""  # noqa: E501
COUNTRIES = [
    (code, int(weight), given.split(), family.replace("-", "").split(" "), order == "y",
     sending.split(";"))
    for code, weight, order, given, family, sending in (
        line.split("|") for line in COUNTRY_TABLE.strip().splitlines()
    )
]  # fmt: skip
CHINESE = dict(
    zip(
        [*COUNTRIES[0][2], *COUNTRIES[0][3]],
        "伟芳敏静磊燕浩欣宇杰王李张刘陈杨黄赵吴周",
        strict=True,
    )
)
HOSTS = """The University of Tokyo;Kyoto University;Osaka University;Tohoku University;
Nagoya University;Kyushu University;Hokkaido University;Institute of Science Tokyo;
University of Tsukuba;Hiroshima University;Kobe University;Chiba University;Okayama University;
Kanazawa University;Kumamoto University;Nagasaki University;Niigata University;
Shinshu University;Gifu University;Mie University;Yamaguchi University;Ehime University;
Kagoshima University;Keio University;Waseda University;Tokyo University of Science;
Ritsumeikan University;Tokyo University of Agriculture and Technology;
Nara Institute of Science and Technology;Japan Advanced Institute of Science and Technology;
Toyohashi University of Technology;Nagaoka University of Technology;
Kyushu Institute of Technology;RIKEN;National Institute for Materials Science;
Okinawa Institute of Science and Technology;University of the Ryukyus;Shizuoka University;
Gunma University;Iwate University""".replace("\n", "").split(";")
PROGRAMMES = {"A": 55, "B": 12, "C": 8, "D": 2, "HSP": 15, "OFFICERS": 3, "LOTUS": 3, "YTEC": 2}
FIELDS = (  # noqa: SIM905
    "Chemistry;Physics;Materials science;Computer science;Biology;Medicine;Agriculture;"
    "Environmental science;Civil engineering;Mechanical engineering;Electrical engineering;"
    "Mathematics;Robotics;Energy;Disaster prevention"
).split(";")
HEADER = (  # noqa: SIM905
    "roster_id,email,given_name,family_name,native_name,name_order,nationality,"
    "country_of_residence,programme,fiscal_year,start_date,end_date,sending_institution,"
    "host_institution,fields,position,organisation,preferred_language"
).split(",")


def generate(path: Path, rows: int, seed: int = 2014) -> None:
    """Write a deterministic roster of ``rows`` rows; about 7% are a person's second visit."""
    rng = random.Random(seed)
    weights = [country[1] for country in COUNTRIES]
    people: list[dict[str, str]] = []
    seen: set[tuple[str, str, str]] = (
        set()
    )  # a participation is unique per person, programme, start
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(rows):
            if people and rng.random() < 0.07:
                person = rng.choice(people)
            else:
                person = _person(rng, n, rng.choices(COUNTRIES, weights)[0])
                people.append(person)
            participation = _participation(rng, person)
            while (person["roster_id"], participation[0], participation[2]) in seen:
                participation = _participation(rng, person)
            seen.add((person["roster_id"], participation[0], participation[2]))
            writer.writerow([*(person[key] for key in HEADER[:8]), *participation])


def _person(rng: random.Random, n: int, country: tuple) -> dict[str, str]:
    code, _weight, givens, families, family_first, sending = country
    given, family = rng.choice(givens), rng.choice(families)
    native = CHINESE[family] + CHINESE[given] if code == "CN" else ""
    local = ".".join(part for part in (given, family, str(n)) if part).lower().replace("-", "")
    return {
        "roster_id": f"SSP-{n:06d}",
        "email": "" if rng.random() < 0.03 else f"{local}@example.org",
        "given_name": given,
        "family_name": family,
        "native_name": native,
        "name_order": "family_first" if family_first else "given_first",
        "nationality": code,
        "country_of_residence": code if rng.random() < 0.9 else "JP",
        "_sending": rng.choice(sending),
        "_language": "ja" if rng.random() < 0.05 else "en",
    }


def _participation(rng: random.Random, person: dict[str, str]) -> list[str]:
    programme = rng.choices(list(PROGRAMMES), list(PROGRAMMES.values()))[0]
    year = rng.randint(2014, 2024)
    start = date(year, 4, 1) + timedelta(days=rng.randint(0, 330))
    end = start + timedelta(days=rng.randint(6, 20))
    has_job = rng.random() < 0.5
    return [
        programme,
        str(year),
        start.isoformat(),
        end.isoformat(),
        person["_sending"],
        rng.choice(HOSTS),
        ";".join(rng.sample(FIELDS, rng.randint(1, 3))),
        "Researcher" if has_job else "",
        person["_sending"] if has_job else "",
        person["_language"],
    ]


def raw_bulk_create(path: Path, chunk_size: int = 1000) -> None:
    """The floor: the same rows as plain bulk_create, no validation, matching or updates."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from club.members.models import Institution, Member, Participation
    from club.text import fold

    user_model = get_user_model()
    institutions: dict[str, int] = {}
    members: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        while chunk := [row for _n, row in zip(range(chunk_size), reader, strict=False)]:
            names = {(r["host_institution"], "JP") for r in chunk}
            names |= {(r["sending_institution"], r["nationality"]) for r in chunk}
            fresh = [
                Institution(name=name, normalised_name=fold(name), country=country)
                for name, country in names
                if name not in institutions
            ]
            for institution in Institution.objects.bulk_create(fresh):
                institutions[institution.name] = institution.pk
            new = {r["roster_id"]: r for r in chunk if r["roster_id"] not in members}
            users = user_model.objects.bulk_create(
                user_model(
                    username=r["email"] or r["roster_id"],
                    email=r["email"],
                    password=make_password(None),
                )
                for r in new.values()
            )
            created = Member.objects.bulk_create(
                Member(
                    user=user,
                    roster_id=r["roster_id"],
                    given_name=r["given_name"],
                    family_name=r["family_name"],
                    native_name=r["native_name"],
                    nationality=r["nationality"],
                    country=r["country_of_residence"],
                    contact_email=r["email"],
                )
                for user, r in zip(users, new.values(), strict=True)
            )
            members.update((member.roster_id, member.pk) for member in created)
            Participation.objects.bulk_create(
                Participation(
                    member_id=members[r["roster_id"]],
                    programme=r["programme"],
                    fiscal_year=int(r["fiscal_year"]),
                    start_date=date.fromisoformat(r["start_date"]),
                    end_date=date.fromisoformat(r["end_date"]),
                    host_institution_id=institutions[r["host_institution"]],
                    sending_institution_id=institutions[r["sending_institution"]],
                )
                for r in chunk
            )


def real_import(path: Path):
    """The importer as the command runs it: validation, matching, institutions, fields."""
    from club.members.roster import import_roster

    with path.open("rb") as stream:
        report = import_roster(stream)
    assert report.committed and not report.invalid_rows, report.problems[:5]
    return report


def real_reimport(path: Path) -> None:
    report = real_import(path)
    assert report.members_created == report.participations_created == 0


def measure(
    work: Callable[[Path], None], path: Path, traced: bool, fresh: bool = True
) -> tuple[float, float, int]:
    """Wall and CPU seconds and (when traced) the peak of Python memory, after a flush if fresh.

    CPU time (user + system of this process) is also given because a shared machine's load
    inflates wall time; both are measured in the same run for the importer and the floor.
    """
    from django.core.management import call_command

    if fresh:
        call_command("flush", interactive=False, verbosity=0)
    if traced:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    work(path)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = 0
    if traced:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=43_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database and CSVs")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="club-bench-"))
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "club.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    where = "BENCH_DATABASE_URL" if "BENCH_DATABASE_URL" in os.environ else scratch
    print(f"database: {connection.vendor} ({where})")
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    sizes = sorted({args.small, args.rows})
    results: dict[tuple[str, int], tuple[float, float, int]] = {}
    for rows in sizes:
        path = scratch / f"roster-{rows}.csv"
        generate(path, rows)
        for label, work in (("bulk_create", raw_bulk_create), ("importer", real_import)):
            seconds, cpu, _peak = measure(work, path, traced=False)
            peak = measure(work, path, traced=True)[2]
            results[label, rows] = (seconds, cpu, peak)
            _report(rows, label, seconds, cpu, peak)
        # The same roster again: every row matches a stored member, nothing is created.
        seconds, cpu, _peak = measure(real_reimport, path, traced=False, fresh=False)
        peak = measure(real_reimport, path, traced=True, fresh=False)[2]
        _report(rows, "re-import", seconds, cpu, peak)
    print()
    for rows in sizes:
        base, imp = results["bulk_create", rows], results["importer", rows]
        print(
            f"{rows:>6} rows: importer / bulk_create: wall x{imp[0] / base[0]:.2f},"
            f" cpu x{imp[1] / base[1]:.2f}, peak memory x{imp[2] / base[2]:.2f}"
        )
    if len(sizes) == 2:
        small, large = (results["importer", rows][2] for rows in sizes)
        print(
            f"importer peak memory, {sizes[1]} vs {sizes[0]} rows:"
            f" x{large / small:.2f} for x{sizes[1] / sizes[0]:.1f} the rows"
        )
    seconds, cpu, _peak = results["importer", args.rows]
    verdict = "meets" if seconds <= 60 else "MISSES"
    print(f"goal {args.rows} rows <= 60 s: wall {seconds:.1f} s, cpu {cpu:.1f} s: {verdict} it")
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    if args.keep:
        print(f"kept: {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)


def _report(rows: int, label: str, seconds: float, cpu: float, peak: int, note: str = "") -> None:
    print(
        f"{rows:>6} rows  {label:<11} wall {seconds:6.1f} s ({rows / seconds:6,.0f} rows/s)"
        f"  cpu {cpu:6.1f} s ({rows / cpu:6,.0f} rows/s)  peak {peak / 2**20:5.1f} MiB{note}"
    )


if __name__ == "__main__":
    main()

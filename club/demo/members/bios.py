"""Short biographies for demo alumni, in English and sometimes Japanese."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from club.demo.members.careers import CareerSpec, RevisitSpec
from club.demo.members.institutions import all_institutions
from club.demo.members.vocabulary import CURATED_FIELDS
from club.members.models import RevisitKind
from club.members.programmes import Programme

if TYPE_CHECKING:
    from club.demo.members.generate import ParticipationSpec

BIO_RATE = 0.3
JAPANESE_BIO_RATE = 0.15  # of those with a bio

_NAME_JA = {spec.name: spec.name_ja for spec in all_institutions() if spec.name_ja}
_FIELD_JA = {name: name_ja for name, name_ja, _cluster in CURATED_FIELDS}
# Keyed by the stored values (plain strings), which the choices compare and hash equal to.
PROGRAMME_NAMES: dict[str, tuple[str, str]] = {
    Programme.COURSE_A: ("Course A of the Sakura Science Exchange Program", "Aコース"),
    Programme.COURSE_B: (
        "Course B (joint research) of the Sakura Science Exchange Program",
        "Bコース",
    ),
    Programme.COURSE_C: ("Course C (training) of the Sakura Science Exchange Program", "Cコース"),
    Programme.COURSE_D: ("Course D of the Sakura Science Exchange Program", "Dコース"),
    Programme.HIGH_SCHOOL: ("the SAKURA SCIENCE High School Program", "ハイスクールプログラム"),
    Programme.OFFICERS: ("an officer invitation programme", "科学技術関係者招へいプログラム"),
    Programme.LOTUS: ("the LOTUS Programme", "LOTUSプログラム"),
    Programme.YTEC: ("NEXUS Y-tec", "Y-tec"),
}
RETURN_AS: dict[str, tuple[str, str]] = {
    RevisitKind.DEGREE: ("a graduate student", "大学院生"),
    RevisitKind.RESEARCHER: ("a researcher", "研究者"),
    RevisitKind.EXCHANGE: ("an exchange student", "交換留学生"),
    RevisitKind.EMPLOYEE: ("an engineer", "社員"),
    RevisitKind.FACULTY: ("a faculty member", "教員"),
    RevisitKind.OTHER: ("a trainee", "研修生"),
}


def _role(position: str) -> str:
    """'Data scientist' -> 'a data scientist'; keeps acronyms such as 'JSPS' or 'R&D'."""
    if len(position) > 1 and position[1].islower():
        position = position[0].lower() + position[1:]
    article = "an" if position[0].lower() in "aeiou" else "a"
    return f"{article} {position}"


def write_bio(
    rng: random.Random,
    visit: ParticipationSpec,
    revisits: list[RevisitSpec],
    current: CareerSpec,
    fields: tuple[str, ...],
) -> tuple[str, str]:
    """An English bio for about a third of members, and a Japanese one for a few of them."""
    if rng.random() >= BIO_RATE:
        return "", ""
    programme, programme_ja = PROGRAMME_NAMES[visit.programme]
    year = visit.start_date.year
    host = visit.host or "Japan"
    opening = rng.choice(
        (
            f"I first came to Japan in {year} on {programme}, hosted by {host}.",
            f"My first visit to Japan was in {year}, on {programme} at {host}.",
            f"In {year} I joined {programme} and spent my days in Japan at {host}.",
        )
    )
    sentences = [opening]
    if revisits:
        back = revisits[0]
        sentences.append(
            f"I came back in {back.start_date.year} as {RETURN_AS[back.kind][0]}"
            f" at {back.institution}."
        )
    sentences.append(f"Today I am {_role(current.position)} at {current.organisation}.")
    if fields:
        sentences.append(f"I work on {', '.join(f.lower() for f in fields[:2])}.")
    if rng.random() < 0.4:
        sentences.append(
            rng.choice(
                (
                    "Happy to answer questions about studying in Japan.",
                    "I would love to hear from alumni in my field.",
                    "The programme changed how I think about research.",
                )
            )
        )
    bio = " ".join(sentences)
    if rng.random() >= JAPANESE_BIO_RATE:
        return bio, ""
    parts = [
        f"{year}年にさくらサイエンスプログラム({programme_ja})で"
        f"{_NAME_JA.get(visit.host or '', visit.host or '日本')}を訪れました。"
    ]
    if revisits:
        back = revisits[0]
        name = _NAME_JA.get(back.institution, back.institution)
        parts.append(
            f"{back.start_date.year}年に{RETURN_AS[back.kind][1]}として{name}に戻りました。"
        )
    fields_ja = [_FIELD_JA[f] for f in fields if f in _FIELD_JA]
    if fields_ja:
        parts.append(f"専門は{'・'.join(fields_ja[:2])}です。")
    return bio, "".join(parts)

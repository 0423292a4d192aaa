"""Demo sign-in accounts for alumni and JST staff, with published passwords (local demos only).

Each login shows a different side of the site: a chapter coordinator back from a
doctorate in Japan, a plain chapter member, an alumna studying in Japan now, and a
JST staff member who sees every profile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from club.demo.members.reference import ReferenceIds, ensure_reference_data
from club.members.models import (
    CareerEntry,
    ChapterMembership,
    GroupRole,
    Institution,
    Member,
    NameOrder,
    Participation,
    Revisit,
    SubjectGroupMembership,
)
from club.members.roles import ensure_staff_group

DEMO_PASSWORD = "sakura-demo"  # noqa: S105 (published on purpose, for local demos)
Report = Callable[[str], None]


@dataclass(frozen=True)
class DemoLogin:
    """A published demo sign-in."""

    username: str
    password: str
    description: str


ALUMNI: list[dict[str, Any]] = [
    {
        "username": "ananya",
        "description": "India chapter coordinator; PhD in Tokyo after Course A",
        "member": {
            "given_name": "Ananya",
            "family_name": "Sharma",
            "native_name": "अनन्या शर्मा",
            "country": "IN",
            "nationality": "IN",
            "position": "Assistant professor",
            "organisation": "Indian Institute of Technology Hyderabad",
            "bio": "I first came to Japan in 2016 on Course A, hosted by Tohoku University, and"
            " returned for a doctorate at the University of Tokyo. I now teach materials"
            " science at IIT Hyderabad and coordinate the India chapter.",
            "open_to_mentoring": True,
            "visibility_profile": "public",
            "visibility_bio": "public",
            "visibility_contact": "chapter",
        },
        "fields": ["Materials science", "Nanotechnology"],
        "participation": ("A", 2016, date(2016, 7, 10), date(2016, 7, 16), "IIT Hyderabad"),
        "host": "Tohoku University",
        "revisits": [
            ("degree", "The University of Tokyo", date(2019, 10, 1), date(2022, 9, 30), "mext"),
        ],
        "careers": [
            (
                "Doctoral student",
                "The University of Tokyo",
                "JP",
                date(2019, 10, 1),
                date(2022, 9, 30),
            ),
            (
                "Assistant professor",
                "Indian Institute of Technology Hyderabad",
                "IN",
                date(2023, 1, 1),
                None,
            ),
        ],
        "chapter": ("india", True),
        "groups": [("materials-science", False), ("studying-in-japan", True)],
    },
    {
        "username": "somchai",
        "description": "Thailand chapter member; Course B at NIMS",
        "member": {
            "given_name": "Somchai",
            "family_name": "Srisuk",
            "native_name": "สมชาย ศรีสุข",
            "country": "TH",
            "nationality": "TH",
            "position": "Research engineer",
            "organisation": "SCG",
        },
        "fields": ["Chemistry", "Batteries and energy storage"],
        "participation": (
            "B",
            2018,
            date(2018, 8, 20),
            date(2018, 9, 7),
            "Chulalongkorn University",
        ),
        "host": "National Institute for Materials Science",
        "revisits": [],
        "careers": [("Research engineer", "SCG", "TH", date(2020, 6, 1), None)],
        "chapter": ("thailand", False),
        "groups": [("energy", False)],
    },
    {
        "username": "minh",
        "description": "Vietnam chapter member; doctoral student in Sendai now",
        "member": {
            "given_name": "Duc Minh",
            "family_name": "Nguyen",
            "native_name": "Nguyễn Đức Minh",
            "name_order": NameOrder.FAMILY_FIRST,
            "country": "JP",
            "nationality": "VN",
            "position": "Doctoral student",
            "organisation": "Tohoku University",
            "preferred_language": "ja",
            "visibility_career": "chapter",
            "visibility_revisits": "private",
        },
        "fields": ["Artificial intelligence", "Robotics"],
        "participation": (
            "HSP",
            2018,
            date(2018, 7, 8),
            date(2018, 7, 14),
            "Hanoi - Amsterdam High School for the Gifted",
        ),
        "host": "Japan Science and Technology Agency",
        "revisits": [("degree", "Tohoku University", date(2023, 4, 1), None, "mext")],
        "careers": [("Doctoral student", "Tohoku University", "JP", date(2023, 4, 1), None)],
        "chapter": ("vietnam", False),
        "groups": [("studying-in-japan", False), ("ai-and-data", False)],
    },
]
STAFF_USERNAME = "jst-staff"


def create_demo_alumni(report: Report, refs: ReferenceIds | None = None) -> list[DemoLogin]:
    """Create the demo logins that are missing; passwords are set only on creation."""
    refs = refs or ensure_reference_data(report)
    logins = [_alumnus(profile, refs) for profile in ALUMNI]
    user, created = get_user_model().objects.get_or_create(
        username=STAFF_USERNAME, defaults={"email": "jst-staff@example.org"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(ensure_staff_group())
    logins.append(DemoLogin(STAFF_USERNAME, DEMO_PASSWORD, "JST staff: sees every profile"))
    for login in logins:
        report(f"demo login '{login.username}' / '{login.password}': {login.description}")
    return logins


@transaction.atomic
def _alumnus(profile: dict[str, Any], refs: ReferenceIds) -> DemoLogin:
    username = profile["username"]
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.org",
            "first_name": profile["member"]["given_name"],
            "last_name": profile["member"]["family_name"],
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    login = DemoLogin(username, DEMO_PASSWORD, profile["description"])
    if Member.objects.filter(user=user).exists():
        return login
    member = Member.objects.create(user=user, contact_email=user.email, **profile["member"])
    member.fields.set(profile["fields"])
    programme, year, start, end, sending = profile["participation"]
    Participation.objects.create(
        member=member,
        programme=programme,
        fiscal_year=year,
        start_date=start,
        end_date=end,
        sending_institution_id=_institution(refs, sending),
        host_institution_id=_institution(refs, profile["host"]),
    )
    for kind, institution, start, end, funding in profile["revisits"]:
        Revisit.objects.create(
            member=member,
            kind=kind,
            institution_id=_institution(refs, institution),
            start_date=start,
            end_date=end,
            funding=funding,
        )
    for position, organisation, country, start, end in profile["careers"]:
        CareerEntry.objects.create(
            member=member,
            position=position,
            organisation=organisation,
            country=country,
            start_date=start,
            end_date=end,
            is_current=end is None,
        )
    slug, coordinator = profile["chapter"]
    ChapterMembership.objects.create(
        member=member,
        chapter_id=refs.chapters[slug],
        role=GroupRole.COORDINATOR if coordinator else GroupRole.MEMBER,
    )
    for slug, coordinator in profile["groups"]:
        SubjectGroupMembership.objects.create(
            member=member,
            group_id=refs.groups[slug],
            role=GroupRole.COORDINATOR if coordinator else GroupRole.MEMBER,
        )
    return login


def _institution(refs: ReferenceIds, name: str) -> int | None:
    if name in refs.institutions:
        return refs.institutions[name]
    found = Institution.objects.resolve(name)
    return found.pk if found else None

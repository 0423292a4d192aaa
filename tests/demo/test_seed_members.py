"""seed_demo --members N: realistic, deterministic, idempotent demo alumni."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery

from club.demo.members.generate import ROSTER_PREFIX, generate_members
from club.demo.members.reference import ensure_reference_data
from club.demo.members.store import seed_members
from club.members.models import (
    CareerEntry,
    Chapter,
    ChapterMembership,
    FieldTag,
    GroupRole,
    Institution,
    InstitutionAlias,
    Member,
    Participation,
    Revisit,
    SubjectGroup,
    SubjectGroupMembership,
    TaggedField,
)
from club.members.programmes import Programme
from club.members.sections import Visibility
from tests.factories import InstitutionFactory

N = 200
SEED = 2014


def _quiet(_: str) -> None:
    """Discard progress lines."""


def demo_members():
    return Member.objects.filter(roster_id__startswith=ROSTER_PREFIX)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            get_user_model(),
            Member,
            Participation,
            Revisit,
            CareerEntry,
            TaggedField,
            ChapterMembership,
            SubjectGroupMembership,
            Institution,
            InstitutionAlias,
            FieldTag,
            SubjectGroup,
            Chapter,
        )
    }


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    """Seed N alumni once for this module, in a transaction rolled back after its last test.

    Each test still runs in its own savepoint, so tests that change the data stay independent.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        seed_members(N, SEED, report=_quiet)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_once, db):
    return demo_members()


def test_it_creates_n_alumni_each_with_a_participation(seeded):
    assert seeded.count() == N
    assert not seeded.filter(participations__isnull=True).exists()
    assert not seeded.filter(user__isnull=True).exists()
    assert not any(m.user.has_usable_password() for m in seeded.select_related("user")[:20])


def test_about_seven_percent_came_back_to_japan(seeded):
    revisited = seeded.filter(revisits__isnull=False).distinct().count()

    assert 0.03 * N <= revisited <= 0.12 * N


def test_the_revisit_rate_holds_at_scale():
    members = list(generate_members(SEED, 3000))
    rate = sum(1 for m in members if m.revisits) / len(members)

    assert 0.06 <= rate <= 0.085
    assert any(len(m.revisits) > 1 for m in members)
    assert any(r.end_date is None for m in members for r in m.revisits)


def test_every_revisit_starts_after_the_first_participation_ends(seeded):
    first_end = (
        Participation.objects.filter(member=OuterRef("member"))
        .order_by("end_date")
        .values("end_date")[:1]
    )
    revisits = Revisit.objects.filter(member__in=seeded).annotate(first_end=Subquery(first_end))

    assert revisits.exists()
    assert not revisits.filter(start_date__lte=F("first_end")).exists()


def test_china_and_india_lead_the_country_mix(seeded):
    top = [
        row["nationality"]
        for row in seeded.values("nationality").annotate(n=Count("pk")).order_by("-n")[:3]
    ]

    assert {"CN", "IN"} <= set(top)


def test_the_same_seed_gives_the_same_alumni():
    first = list(generate_members(7, 60))

    assert list(generate_members(7, 60)) == first
    assert list(generate_members(7, 25)) == first[:25]
    assert [m.given_name for m in generate_members(8, 60)] != [m.given_name for m in first]


def test_reseeding_after_deleting_the_demo_alumni_recreates_the_same_people(seeded):
    before = dict(seeded.values_list("roster_id", "native_name"))
    seeded.delete()
    get_user_model().objects.filter(username__startswith="demo-").delete()

    seed_members(N, SEED, report=_quiet)

    assert dict(demo_members().values_list("roster_id", "native_name")) == before


def test_running_twice_duplicates_nothing(seeded):
    before = counts()

    result = seed_members(N, SEED, report=_quiet)

    assert result.created == 0
    assert counts() == before


def test_a_larger_n_adds_only_the_missing_alumni(seeded):
    names = dict(seeded.values_list("roster_id", "given_name"))

    result = seed_members(N + 30, SEED, report=_quiet)

    assert result.created == 30
    assert demo_members().count() == N + 30
    kept = demo_members().filter(roster_id__in=names).values_list("roster_id", "given_name")
    assert dict(kept) == names


def test_chinese_and_thai_alumni_have_names_in_their_own_script(seeded):
    chinese = seeded.filter(nationality="CN").values_list("native_name", flat=True)
    thai = seeded.filter(nationality="TH").values_list("native_name", flat=True)

    assert chinese and all(re.search(r"[\u4e00-\u9fff]", name) for name in chinese)
    assert thai and all(re.search(r"[\u0e00-\u0e7f]", name) for name in thai)
    assert seeded.filter(nationality="CN", name_order="family_first").count() == len(chinese)


def test_vietnamese_names_keep_their_diacritics_in_native_script():
    vietnamese = [m for m in generate_members(SEED, 600) if m.nationality == "VN"]

    assert vietnamese
    assert all(m.given_name.isascii() and m.family_name.isascii() for m in vietnamese)
    assert all(m.name_order == "family_first" for m in vietnamese)
    assert any(not m.native_name.isascii() for m in vietnamese)
    # The native name is the Latin name with its diacritics: "Nguyễn Văn An" for "Nguyen Van An".
    for m in vietnamese:
        assert len(m.native_name) == len(f"{m.family_name} {m.given_name}")


def test_curated_fields_have_japanese_names(seeded):
    curated = FieldTag.objects.filter(curated=True)

    assert curated.count() >= 40
    assert not curated.filter(name_ja="").exists()
    assert curated.get(name="Materials science").name_ja == "材料科学"
    assert TaggedField.objects.filter(content_object__in=seeded, tag__curated=False).exists()


def test_institution_aliases_resolve_to_the_canonical_name(seeded):

    iith = Institution.objects.resolve("IIT Hyderabad")
    assert iith is not None and iith.name == "Indian Institute of Technology Hyderabad"
    assert iith.name_ja == "インド工科大学ハイデラバード校"
    assert Institution.objects.resolve("Tokyo Institute of Technology").name == (
        "Institute of Science Tokyo"
    )
    assert Institution.objects.resolve("UTokyo").name == "The University of Tokyo"


def test_it_reuses_an_institution_already_known_by_an_alias(seeded):
    # As if an import had created "IIT Hyderabad" before the demo vocabulary existed.
    Institution.objects.filter(name="Indian Institute of Technology Hyderabad").delete()
    existing = InstitutionFactory(name="IIT Hyderabad", country="IN")

    ensure_reference_data(_quiet)

    assert Institution.objects.resolve("Indian Institute of Technology Hyderabad") == existing
    assert not Institution.objects.filter(name="Indian Institute of Technology Hyderabad").exists()


def test_participations_use_real_hosts_and_sending_institutions(seeded):
    visits = Participation.objects.filter(member__in=seeded)

    assert not visits.filter(host_institution__isnull=True).exists()
    assert not visits.exclude(host_institution__country="JP").exists()
    sent = visits.filter(sending_institution__isnull=False).select_related("member")
    assert all(v.sending_institution.country == v.member.nationality for v in sent)


def test_programmes_follow_the_rules_of_each_course():
    longest = {"A": 7, "B": 21, "C": 10, "HSP": 7}
    for member in generate_members(SEED, 4000):
        for visit in member.participations:
            days = (visit.end_date - visit.start_date).days + 1
            assert date(visit.fiscal_year, 4, 1) <= visit.start_date
            assert visit.end_date <= date(visit.fiscal_year + 1, 3, 31)
            assert days <= longest.get(visit.programme, 366)
            if visit.programme in (Programme.COURSE_D, Programme.LOTUS):
                assert member.nationality in {"IN", "KE", "EG", "NG"}
                assert visit.fiscal_year >= 2023
            if visit.programme == Programme.LOTUS:
                assert member.nationality == "IN" and visit.fiscal_year >= 2024
            if visit.programme == Programme.YTEC:
                assert visit.fiscal_year >= 2024


def test_everyone_has_one_to_three_career_entries_one_of_them_current(seeded):
    per_member = seeded.annotate(
        n=Count("careers"), current=Count("careers", filter=Q(careers__is_current=True))
    )

    assert set(per_member.values_list("current", flat=True)) == {1}
    assert set(per_member.values_list("n", flat=True)) <= {1, 2, 3}


def test_privacy_settings_are_mixed_with_members_as_the_default(seeded):
    profile = Counter(seeded.values_list("visibility_profile", flat=True))

    assert profile.most_common(1)[0][0] == Visibility.MEMBERS
    assert profile[Visibility.PUBLIC] > 0
    assert seeded.filter(visibility_career=Visibility.CHAPTER).exists()
    assert seeded.filter(visibility_contact=Visibility.PRIVATE).exists()
    assert seeded.exclude(bio="").exists() and seeded.filter(bio="").exists()


def test_chapters_get_members_of_their_country_and_at_most_two_coordinators(seeded):
    memberships = ChapterMembership.objects.filter(member__in=seeded).select_related(
        "chapter", "member"
    )

    assert memberships.filter(chapter__slug="india").exists()
    assert all(m.member.nationality == m.chapter.country for m in memberships)
    coordinators = Counter(
        memberships.filter(role=GroupRole.COORDINATOR).values_list("chapter__slug", flat=True)
    )
    assert coordinators["india"] == 2
    assert max(coordinators.values()) == 2
    assert SubjectGroupMembership.objects.filter(member__in=seeded).exists()


def test_seeded_alumni_are_listed_in_the_directory(seeded):
    from search.models import DirectoryEntry

    assert DirectoryEntry.objects.filter(member__in=seeded).count() == N


def test_the_command_adds_members_and_reports_progress(seeded):
    out = StringIO()

    call_command("seed_demo", "--members", str(N + 40), "--seed", str(SEED), stdout=out)

    assert demo_members().count() == N + 40
    assert f"{N + 40} / {N + 40} alumni, 40 new" in out.getvalue()


def test_demo_accounts_include_alumni_who_can_sign_in(demo_site, client, settings):
    settings.DEBUG = True
    out = StringIO()

    call_command("seed_demo", "--members", "0", "--demo-accounts", stdout=out)
    call_command("seed_demo", "--members", "0", "--demo-accounts", stdout=StringIO())

    assert "ananya" in out.getvalue() and "sakura-demo" in out.getvalue()
    signed_in = client.post("/en/account/login/", {"username": "ananya", "password": "sakura-demo"})
    assert signed_in.status_code == 302
    ananya = Member.objects.get(user__username="ananya")
    assert ananya.chaptermembership_set.get().role == GroupRole.COORDINATOR
    assert ananya.participations.get().sending_institution.name == (
        "Indian Institute of Technology Hyderabad"
    )
    assert Member.objects.filter(user__username="somchai", chapters__slug="thailand").exists()
    assert Member.objects.filter(user__username__in=["ananya", "somchai", "minh"]).count() == 3

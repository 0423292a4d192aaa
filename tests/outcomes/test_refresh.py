"""The per-alumnus rows follow every change to members, participations and re-visits."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from club.members.changes import members_changed
from club.members.lifecycle import anonymise_member
from club.members.models import Member, MemberStatus, Participation, Revisit
from club.outcomes.models import Alumnus
from club.outcomes.refresh import drift, is_built, rebuild
from tests.factories import MemberFactory, ParticipationFactory, RevisitFactory

D = date.fromisoformat


def _row(member) -> Alumnus | None:
    return Alumnus.objects.filter(member_id=member.pk).first()


@pytest.mark.parametrize(
    ("end", "start", "months"),
    [
        ("2016-07-21", "2018-04-01", 20),  # earlier day of the month: one fewer
        ("2017-06-16", "2019-06-16", 24),  # same day: whole months
        ("2020-01-31", "2020-03-01", 1),
        ("2020-01-31", "2020-02-29", 0),  # leap day, still short of the 31st
        ("2019-12-20", "2020-01-19", 0),  # across a new year
        ("2019-12-20", "2020-01-20", 1),
        ("2018-03-31", "2018-04-01", 0),
        ("2014-08-10", "2024-08-10", 120),
    ],
)
def test_whole_months_between_dates(db, end, start, months):
    member = MemberFactory()
    ParticipationFactory(
        member=member, start_date=D(end).replace(day=1), end_date=D(end), fiscal_year=2018
    )
    RevisitFactory(member=member, start_date=D(start))

    assert _row(member).months_to_revisit == months


def test_a_new_participation_makes_an_alumnus(db):
    member = MemberFactory(nationality="VN")
    assert _row(member) is None

    ParticipationFactory(member=member, programme="C", fiscal_year=2019,
                         start_date=D("2019-09-02"), end_date=D("2019-09-12"))  # fmt: skip

    row = _row(member)
    assert (row.cohort, row.programme, row.nationality, row.first_end) == (
        2019, "C", "VN", D("2019-09-12"),
    )  # fmt: skip
    assert row.first_revisit is None


def test_an_earlier_participation_becomes_the_first(db):
    member = MemberFactory()
    ParticipationFactory(member=member, fiscal_year=2019, start_date=D("2019-09-02"))
    RevisitFactory(member=member, start_date=D("2019-06-01"))  # before the only participation
    assert _row(member).first_revisit is None

    ParticipationFactory(member=member, programme="HSP", fiscal_year=2017,
                         start_date=D("2017-08-01"), end_date=D("2017-08-07"))  # fmt: skip

    row = _row(member)
    assert (row.cohort, row.programme, row.first_revisit) == (2017, "HSP", D("2019-06-01"))


def test_editing_and_deleting_revisits(db):
    member = MemberFactory()
    ParticipationFactory(member=member, start_date=D("2018-07-02"), end_date=D("2018-07-09"))
    revisit = RevisitFactory(member=member, start_date=D("2020-04-01"))
    assert _row(member).months_to_revisit == 20

    revisit.start_date = D("2019-07-09")
    revisit.save()
    assert _row(member).months_to_revisit == 12

    revisit.delete()
    assert _row(member).first_revisit is None
    assert _row(member).months_to_revisit is None


def test_moving_a_participation_refreshes_both_members(db):
    first, second = MemberFactory(), MemberFactory()
    participation = ParticipationFactory(member=first)

    participation.member = second
    participation.save()

    assert _row(first) is None
    assert _row(second) is not None


def test_status_and_nationality_changes(db):
    member = MemberFactory(status=MemberStatus.PENDING, nationality="IN")
    ParticipationFactory(member=member)
    assert _row(member) is None

    member.status = MemberStatus.ACTIVE
    member.nationality = "LK"
    member.save()

    assert _row(member).nationality == "LK"


def test_anonymised_members_keep_their_row(db, india):
    from tests.factories import join

    member = MemberFactory(nationality="TH")
    ParticipationFactory(member=member)
    RevisitFactory(member=member)
    join(member, india)

    anonymise_member(member)

    row = _row(member)
    assert row.nationality == "TH"
    assert row.first_revisit == D("2020-04-01")


def test_deleting_a_member_deletes_the_row(db):
    member = MemberFactory()
    ParticipationFactory(member=member)
    RevisitFactory(member=member)
    pk = member.pk

    member.delete()

    assert not Alumnus.objects.filter(member_id=pk).exists()


def test_deleting_a_host_institution_clears_the_host(db):
    participation = ParticipationFactory()
    participation.host_institution.delete()

    assert _row(participation.member).host_institution_id is None


def test_bulk_writes_need_a_rebuild_and_the_check_says_so(db):
    member = Member.objects.bulk_create([Member(given_name="Bulk", nationality="ID")])[0]
    Participation.objects.bulk_create(
        [Participation(member=member, programme="A", fiscal_year=2022,
                       start_date=D("2022-07-01"), end_date=D("2022-07-10"))]
    )  # fmt: skip
    Revisit.objects.bulk_create([Revisit(member=member, kind="degree", start_date=D("2024-04-01"))])
    assert _row(member) is None
    assert not is_built()
    assert drift() == (0, 1)
    with pytest.raises(CommandError, match="1 are missing"):
        call_command("refresh_outcomes", "--check")

    assert rebuild() == 1

    assert _row(member).months_to_revisit == 20
    assert is_built()
    assert drift() == (0, 0)
    call_command("refresh_outcomes", "--check")


def test_a_bulk_writer_reporting_its_members_refreshes_them(db):
    member = Member.objects.bulk_create([Member(given_name="Imported", nationality="MN")])[0]
    Participation.objects.bulk_create(
        [Participation(member=member, programme="B", fiscal_year=2021,
                       start_date=D("2021-10-01"), end_date=D("2021-10-20"))]
    )  # fmt: skip

    members_changed([member.pk])

    assert _row(member).cohort == 2021


def test_two_participations_on_the_same_day_count_the_one_recorded_first(db):
    member = MemberFactory()
    ParticipationFactory(member=member, programme="LOTUS", fiscal_year=2018)
    ParticipationFactory(member=member, programme="B", fiscal_year=2018)

    assert _row(member).programme == "LOTUS"
    assert Alumnus.objects.filter(member_id=member.pk).count() == 1


def test_saving_only_the_status_counts_the_approved_alumnus(db):
    member = MemberFactory(status=MemberStatus.PENDING)
    ParticipationFactory(member=member)
    member.bio = "Kept out of the figures until approved."
    member.save(update_fields=["bio"])
    assert _row(member) is None

    member.status = MemberStatus.ACTIVE
    member.save(update_fields=["status", "updated_at"])  # as approve_registration does

    assert _row(member) is not None

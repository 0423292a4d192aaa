"""Every writer keeps the derived rows in step: directory entry, outcomes row and search sync.

Checked on the rows themselves: the directory entry, the Alumnus row, the removal record,
and the sync task stored in the durable queue once the writer's transaction commits.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from club.members.changes import members_changed
from club.members.lifecycle import ANONYMISED_NAME
from club.members.models import CareerEntry, Member
from club.members.roster import ImportOptions, import_roster
from club.outcomes.models import Alumnus
from search.models import DirectoryEntry, DirectoryRemoval
from tests.factories import CareerEntryFactory, MemberFactory, ParticipationFactory
from tests.members.test_import_command import person, write_roster
from tests.members.test_profile_edit import formset_data, profile_data

PASSWORD = "correct horse battery"


@pytest.fixture
def search_engine(settings):
    """Elasticsearch is configured (never reached: syncs are only queued here)."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"


@pytest.fixture
def alumna(alice):
    """Alice with a participation, so she has an Alumnus row."""
    ParticipationFactory(
        member=alice,
        fiscal_year=2019,
        start_date=date(2019, 7, 1),
        end_date=date(2019, 7, 10),
    )
    return alice


def queued_syncs() -> int:
    return DBTaskResult.objects.filter(task_path="search.tasks.sync_directory").count()


def entry(member: Member) -> DirectoryEntry | None:
    return DirectoryEntry.objects.filter(pk=member.pk).first()


def alumnus(member: Member) -> Alumnus | None:
    return Alumnus.objects.filter(member_id=member.pk).first()


def test_a_profile_form_save_updates_entry_outcomes_and_sync(
    client, demo_site, alumna, search_engine, django_capture_on_commit_callbacks
):
    client.force_login(alumna.user)
    data = profile_data(nationality="TH", position="Postdoctoral fellow")
    data.update(formset_data("links", []))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:profile-edit"), data)

    assert response.status_code == 302
    assert entry(alumna).position == "Postdoctoral fellow"
    assert entry(alumna).display_name == "Ananya Sharma"
    assert alumnus(alumna).nationality == "TH"
    assert queued_syncs() >= 1


def test_an_admin_edit_updates_entry_outcomes_and_sync(
    client, alumna, jess, search_engine, django_capture_on_commit_callbacks
):
    client.force_login(jess)
    edit_url = reverse("member-admin:edit", args=[alumna.pk])
    form = client.get(edit_url).context["form"]
    data = {
        name: value
        for name, field in form.fields.items()
        if (value := form.initial.get(name, field.initial)) is not None
        and not name.startswith("links-")
    }
    data.update(formset_data("links", []))
    data.update({"position": "Associate professor", "nationality": "VN"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    assert entry(alumna).position == "Associate professor"
    assert alumnus(alumna).nationality == "VN"
    assert queued_syncs() >= 1


def test_a_roster_import_updates_entry_outcomes_and_sync(
    db, tmp_path, search_engine, django_capture_on_commit_callbacks
):
    roster = write_roster(tmp_path / "roster.csv", [person()])

    with django_capture_on_commit_callbacks(execute=True), roster.open("rb") as stream:
        report = import_roster(stream)

    assert report.committed
    priya = Member.objects.get(roster_id="SSP-2019-0001")
    assert entry(priya).display_name == "Priya Sharma"
    assert entry(priya).programme == "A"
    assert alumnus(priya).cohort == 2019
    assert queued_syncs() >= 1


def test_a_dry_run_import_derives_nothing(db, tmp_path, search_engine):
    roster = write_roster(tmp_path / "roster.csv", [person()])

    with roster.open("rb") as stream:
        import_roster(stream, ImportOptions(dry_run=True))

    assert not DirectoryEntry.objects.exists()
    assert not Alumnus.objects.exists()
    assert queued_syncs() == 0


def test_erasing_oneself_updates_entry_keeps_outcomes_and_syncs(
    client, demo_site, alumna, search_engine, django_capture_on_commit_callbacks
):
    client.force_login(alumna.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:profile-delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert entry(alumna).display_name == ANONYMISED_NAME
    assert not entry(alumna).listed
    assert alumnus(alumna) is not None  # anonymised alumni still count
    assert queued_syncs() >= 1


def test_deleting_a_member_removes_entry_and_outcomes_and_queues_the_removal(
    alumna, search_engine, django_capture_on_commit_callbacks
):
    CareerEntryFactory(member=alumna)
    pk = alumna.pk
    assert entry(alumna) is not None and alumnus(alumna) is not None

    with django_capture_on_commit_callbacks(execute=True):
        Member.objects.get(pk=pk).delete()

    # Its cascaded rows did not rebuild an entry for a member on the way out.
    assert not DirectoryEntry.objects.filter(pk=pk).exists()
    assert not Alumnus.objects.filter(member_id=pk).exists()
    assert DirectoryRemoval.objects.filter(member_id=pk).exists()
    assert queued_syncs() >= 1


def test_deleting_members_in_bulk_removes_each(db):
    members = [MemberFactory(), MemberFactory()]
    for member in members:
        ParticipationFactory(member=member)

    Member.objects.filter(pk__in=[m.pk for m in members]).delete()

    assert not DirectoryEntry.objects.filter(pk__in=[m.pk for m in members]).exists()
    assert not Alumnus.objects.filter(member_id__in=[m.pk for m in members]).exists()
    assert DirectoryRemoval.objects.filter(member_id__in=[m.pk for m in members]).count() == 2


def test_a_row_moved_to_another_member_changes_both_entries(alice, bob):
    career = CareerEntryFactory(member=alice, position="Zeppelin pilot")
    assert "zeppelin" in entry(alice).text_career

    career.member = bob
    career.save()

    assert "zeppelin" in entry(bob).text_career
    assert "zeppelin" not in entry(alice).text_career
    assert not CareerEntry.objects.filter(member=alice).exists()


def test_without_a_search_engine_nothing_is_queued(alumna, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        members_changed([alumna.pk])

    assert queued_syncs() == 0


def test_the_sync_is_queued_only_once_the_change_commits(
    alumna, search_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        members_changed([alumna.pk])

    assert queued_syncs() == 0
    for callback in callbacks:
        callback()
    assert queued_syncs() == 1

"""One stay, one re-visit: JST's records and members' declarations reconcile, both ways.

The rule (club/members/revisits.py): same member, same institution (or both without one),
overlapping dates. The outcome figures must count such a stay once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from club.members.models import Revisit, RevisitSource
from club.members.revisits import (
    Outcome,
    Stay,
    declare,
    record_by_jst,
    withdraw_declaration,
    withdraw_jst_record,
)
from club.outcomes import queries, refresh
from club.outcomes.queries import Selection
from tests.factories import InstitutionFactory, ParticipationFactory, RevisitFactory

D = date.fromisoformat


@pytest.fixture
def kyoto(db):
    return InstitutionFactory(name="Kyoto University")


@pytest.fixture
def tohoku(db):
    return InstitutionFactory(name="Tohoku University")


@pytest.fixture
def alumna(alice):
    ParticipationFactory(member=alice, start_date=D("2018-07-02"), end_date=D("2018-07-09"))
    return alice


def stay(institution: Any, start: str = "2020-04-01", end: str | None = "2022-03-31", **kw: Any):
    return Stay(
        kind=kw.pop("kind", "degree"),
        institution=institution,
        start_date=D(start),
        end_date=D(end) if end else None,
        **kw,
    )


def declared(member, institution, start="2020-04-01", end="2022-03-31", kind="exchange"):
    return RevisitFactory(
        member=member,
        kind=kind,
        institution=institution,
        start_date=D(start),
        end_date=D(end) if end else None,
        source=RevisitSource.MEMBER,
    )


def test_a_jst_record_of_a_declared_stay_confirms_it_as_one_revisit(alumna, kyoto):
    declaration = declared(alumna, kyoto, "2020-04-01", "2022-03-31")

    revisit, outcome = record_by_jst(
        alumna, stay(kyoto, "2020-03-20", "2022-09-30", funding="mext", source_note="MEXT list")
    )

    assert outcome == Outcome.CONFIRMED
    assert alumna.revisits.count() == 1
    assert revisit.pk == declaration.pk
    assert (revisit.source, revisit.kind, revisit.start_date, revisit.funding) == (
        RevisitSource.BOTH,
        "degree",  # JST's values are kept
        D("2020-03-20"),
        "mext",
    )
    assert revisit.recorded_by_jst and revisit.declared_by_member
    assert revisit.recorded_at == declaration.recorded_at  # the club knew of it since then


def test_a_declaration_of_a_jst_recorded_stay_confirms_it(alumna, kyoto):
    recorded, _ = record_by_jst(alumna, stay(kyoto, "2020-04-01", None))

    revisit, outcome = declare(alumna, stay(kyoto, "2021-01-01", "2021-06-30", kind="exchange"))

    assert outcome == Outcome.CONFIRMED
    assert list(alumna.revisits.values_list("pk", "source", "kind")) == [
        (recorded.pk, RevisitSource.BOTH, "degree")
    ]
    # Declaring it a second time changes nothing.
    assert declare(alumna, stay(kyoto, "2021-01-01", None))[1] == Outcome.UNCHANGED
    assert alumna.revisits.count() == 1


@pytest.mark.parametrize(
    ("other_institution", "start", "end"),
    [
        ("tohoku", "2020-04-01", "2022-03-31"),  # another institution
        (None, "2020-04-01", "2022-03-31"),  # one without an institution, one with
        ("kyoto", "2022-04-01", "2023-03-31"),  # the next stay: starts the day after
        ("kyoto", "2019-04-01", "2020-03-31"),  # the stay before
    ],
)
def test_different_stays_stay_apart(alumna, kyoto, tohoku, other_institution, start, end):
    declared(alumna, kyoto, "2020-04-01", "2022-03-31")
    institution = {"kyoto": kyoto, "tohoku": tohoku, None: None}[other_institution]

    _revisit, outcome = record_by_jst(alumna, stay(institution, start, end))

    assert outcome == Outcome.CREATED
    assert sorted(alumna.revisits.values_list("source", flat=True)) == ["jst", "member"]


def test_two_stays_without_an_institution_reconcile_when_their_dates_overlap(alumna):
    declared(alumna, None, "2020-04-01", None)  # ongoing

    _revisit, outcome = record_by_jst(alumna, stay(None, "2023-01-01", "2023-12-31"))

    assert outcome == Outcome.CONFIRMED
    assert list(alumna.revisits.values_list("source", flat=True)) == ["both"]


def test_recording_the_same_stay_again_updates_it_and_never_adds_a_row(alumna, kyoto):
    first, _ = record_by_jst(alumna, stay(kyoto))

    assert record_by_jst(alumna, stay(kyoto))[1] == Outcome.UNCHANGED
    again, outcome = record_by_jst(alumna, stay(kyoto, funding="jsps"))

    assert (outcome, again.pk, again.funding) == (Outcome.UPDATED, first.pk, "jsps")
    assert alumna.revisits.count() == 1


def test_withdrawing_one_side_keeps_the_other(alumna, kyoto):
    revisit, _ = record_by_jst(alumna, stay(kyoto))
    declare(alumna, stay(kyoto))
    revisit.refresh_from_db()

    withdraw_declaration(revisit)
    revisit.refresh_from_db()
    assert revisit.source == RevisitSource.JST
    with pytest.raises(ValueError, match="not the member's to delete"):
        withdraw_declaration(revisit)

    declare(alumna, stay(kyoto))
    revisit.refresh_from_db()
    withdraw_jst_record(revisit)
    revisit.refresh_from_db()
    assert revisit.source == RevisitSource.MEMBER
    withdraw_declaration(revisit)
    assert not alumna.revisits.exists()


def test_the_figures_count_a_reconciled_stay_once(alumna, bob, kyoto):
    """Without reconciliation the stay would be two rows: one per source."""
    ParticipationFactory(member=bob, start_date=D("2018-07-02"), end_date=D("2018-07-09"))
    declared(alumna, kyoto, "2020-04-01", "2022-03-31")
    record_by_jst(alumna, stay(kyoto, "2020-04-01", "2022-03-31"))
    record_by_jst(bob, stay(None, "2021-10-01", None))
    refresh.rebuild()

    everyone = Selection()
    assert Revisit.objects.count() == 2
    assert queries.total(everyone) == queries.GroupCount(alumni=2, revisited=2, known=2)
    by_source = queries.revisitors_by(everyone, "source")
    assert by_source == {"both": 1, "jst": 1}
    assert sum(by_source.values()) == 2
    assert sum(queries.revisitors_by(everyone, "kind").values()) == 2
    assert refresh.drift() == (0, 0)


# Through the member's profile page.


def revisit_row(**values: Any) -> dict[str, Any]:
    row = {
        "kind": "researcher",
        "institution_name": "Kyoto University",
        "start_date": "2022-10-01",
        "end_date": "",
        "funding": "jsps",
    }
    row.update(values)
    return row


def formset_data(rows: list[dict[str, Any]], initial: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {
        "revisits-TOTAL_FORMS": str(len(rows)),
        "revisits-INITIAL_FORMS": str(initial),
        "revisits-MIN_NUM_FORMS": "0",
        "revisits-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"revisits-{index}-{key}": value for key, value in row.items()})
    return data


def test_a_member_declaring_a_jst_record_confirms_it_and_is_told(client, demo_site, alumna, kyoto):
    recorded, _ = record_by_jst(alumna, stay(kyoto, "2022-09-01", None, kind="researcher"))
    client.force_login(alumna.user)

    response = client.post(
        reverse("members:profile-revisits"), formset_data([revisit_row()]), follow=True
    )

    assert list(alumna.revisits.values_list("pk", "source")) == [(recorded.pk, "both")]
    page = response.content.decode()
    assert "your declaration now confirms JST" in page
    assert "Confirmed by JST" in page
    overview = client.get(reverse("members:profile")).content.decode()
    assert "Confirmed by JST" in overview


def test_a_member_editing_a_declaration_onto_a_jst_record_merges_them(
    client, demo_site, alumna, kyoto
):
    own = declared(alumna, kyoto, "2019-04-01", "2019-09-30", kind="researcher")
    recorded, _ = record_by_jst(alumna, stay(kyoto, "2022-09-01", None, kind="researcher"))
    client.force_login(alumna.user)

    rows = [revisit_row(id=own.pk, start_date="2022-10-01")]
    client.post(reverse("members:profile-revisits"), formset_data(rows, 1))

    assert list(alumna.revisits.values_list("pk", "source")) == [(recorded.pk, "both")]


def test_a_member_withdraws_only_their_declaration(client, demo_site, alumna, kyoto, bob):
    recorded, _ = record_by_jst(alumna, stay(kyoto))
    declare(alumna, stay(kyoto))
    jst_only, _ = record_by_jst(alumna, stay(None, "2023-01-01", None))
    bobs, _ = record_by_jst(bob, stay(kyoto))
    declare(bob, stay(kyoto))
    client.force_login(alumna.user)
    url = reverse("members:profile-revisits")

    page = client.get(url).content.decode()
    assert page.count('name="withdraw"') == 1  # only the stay she declared herself
    client.post(url, {"withdraw": str(jst_only.pk)})
    client.post(url, {"withdraw": str(bobs.pk)})
    client.post(url, {"withdraw": "1e3"})
    assert sorted(Revisit.objects.values_list("source", flat=True)) == ["both", "both", "jst"]

    response = client.post(url, {"withdraw": str(recorded.pk)}, follow=True)

    recorded.refresh_from_db()
    assert recorded.source == RevisitSource.JST
    assert "JST&#x27;s record of the stay remains" in response.content.decode()
    assert "Recorded by JST" in response.content.decode()

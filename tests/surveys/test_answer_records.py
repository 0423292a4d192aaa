"""An answer becomes records: a declared re-visit, a career entry, the country; it confirms the
profile; twice is once; impossible dates are refused and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest

from club.members.models import (
    CareerEntry,
    ConfirmationKind,
    ProfileConfirmation,
    Revisit,
    RevisitSource,
)
from club.surveys.models import Answer, ExtraQuestion, InvitationState
from club.surveys.tokens import answer_token
from tests.factories import InstitutionFactory, RevisitFactory

FORM = "/{language}/surveys/answer/form/"


def form_data(**overrides) -> dict[str, str]:
    data = {
        "revisits-TOTAL_FORMS": "2",
        "revisits-INITIAL_FORMS": "0",
        "revisits-MIN_NUM_FORMS": "0",
        "revisits-MAX_NUM_FORMS": "10",
        "revisits-0-kind": "degree",
        "revisits-0-institution_name": "Kyoto University",
        "revisits-0-start_date": "2021-04-01",
        "revisits-0-end_date": "2024-03-31",
        "revisits-0-funding": "mext",
        "position-position": "Assistant professor",
        "position-organisation": "IIT Madras",
        "position-start_date": "2024-06-01",
        "country": "IN",
    }
    return data | overrides


@pytest.fixture
def opened(client, make_wave, make_alumnus, invite):
    """An alumnus without an account who opened their link; returns (invitation, post)."""
    InstitutionFactory(name="Kyoto University")
    wave = make_wave()
    question = ExtraQuestion.objects.create(
        wave=wave, text="What would help you come back?", text_ja="何があれば戻れますか？"
    )
    invitation = invite(wave, make_alumnus(year=2018))

    def open_and_post(data: dict[str, str], language: str = "en"):
        client.get(f"/{language}/surveys/answer/{answer_token(invitation)}/")
        return client.post(FORM.format(language=language), data)

    open_and_post.question = question  # type: ignore[attr-defined]
    return invitation, open_and_post


def test_the_form_is_prefilled_with_what_we_know(client, make_wave, make_alumnus, invite):
    member = make_alumnus(year=2018, country="DE", position="PhD student", organisation="TU Munich")
    RevisitFactory(member=member, start_date=date(2020, 4, 1))
    invitation = invite(make_wave(), member)

    client.get(f"/en/surveys/answer/{answer_token(invitation)}/")
    page = client.get("/en/surveys/answer/form/").content.decode()

    assert 'value="PhD student"' in page
    assert 'value="TU Munich"' in page
    assert '<option value="DE" selected>' in page
    assert "Tohoku University" in page  # the known re-visit


def test_an_answer_records_a_revisit_a_position_and_a_confirmation(opened):
    invitation, post = opened
    data = form_data(**{f"extra_{post.question.pk}": "A lab that hosts me"})

    response = post(data)

    assert response.status_code == 200, response.content.decode()[:3000]
    member = invitation.member
    (revisit,) = Revisit.objects.filter(member=member)
    assert (revisit.kind, revisit.institution.name, revisit.start_date, revisit.funding) == (
        "degree",
        "Kyoto University",
        date(2021, 4, 1),
        "mext",
    )
    assert revisit.source == RevisitSource.MEMBER
    (career,) = CareerEntry.objects.filter(member=member)
    assert (career.position, career.organisation, career.is_current) == (
        "Assistant professor",
        "IIT Madras",
        True,
    )
    member.refresh_from_db()
    assert (member.position, member.organisation, member.country.code) == (
        "Assistant professor",
        "IIT Madras",
        "IN",
    )
    assert member.profile_confirmed_at is not None
    (confirmation,) = ProfileConfirmation.objects.filter(member=member)
    assert confirmation.kind == ConfirmationKind.SURVEY
    answer = Answer.objects.get(invitation=invitation)
    assert list(answer.revisits.all()) == [revisit]
    assert answer.career_entry == career
    assert answer.extra == {str(post.question.pk): "A lab that hosts me"}
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.ANSWERED
    assert invitation.answered_at is not None


def test_submitting_twice_writes_nothing_twice(opened):
    invitation, post = opened
    assert post(form_data()).status_code == 200
    assert post(form_data()).status_code == 200

    member = invitation.member
    assert Revisit.objects.filter(member=member).count() == 1
    assert CareerEntry.objects.filter(member=member).count() == 1
    assert Answer.objects.filter(invitation=invitation).count() == 1
    assert ProfileConfirmation.objects.filter(member=member).count() == 1


def test_an_answer_with_no_revisit_and_no_position_still_counts(opened):
    invitation, post = opened
    data = form_data(
        **{
            "revisits-0-kind": "",
            "revisits-0-institution_name": "",
            "revisits-0-start_date": "",
            "revisits-0-end_date": "",
            "revisits-0-funding": "",
            "position-position": "",
            "position-organisation": "",
            "position-start_date": "",
        }
    )

    assert post(data).status_code == 200
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.ANSWERED
    assert not Revisit.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"revisits-0-start_date": "2018-07-05"}, "must begin after your first"),
        (
            {"revisits-0-start_date": "2015-04-01", "revisits-0-end_date": "2016-03-31"},
            "must begin after",
        ),
        ({"revisits-0-end_date": "2020-01-01"}, "end date cannot be before the start"),
        ({"revisits-0-start_date": "2999-04-01", "revisits-0-end_date": ""}, "between"),
        (
            {"revisits-0-start_date": "2090-04-01", "revisits-0-end_date": ""},
            "too far in the future",
        ),
        ({"position-start_date": "2999-01-01"}, "between"),
        ({"position-organisation": ""}, "Please fill this in too"),
    ],
    ids=[
        "during-programme",
        "before-programme",
        "end-before-start",
        "year-2999",
        "far-future",
        "position-2999",
        "position-without-organisation",
    ],
)
def test_impossible_dates_are_refused_and_nothing_is_written(opened, changes, message):
    invitation, post = opened

    response = post(form_data(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Revisit.objects.exists()
    assert not CareerEntry.objects.exists()
    assert not Answer.objects.exists()
    assert not ProfileConfirmation.objects.exists()
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.SENT


def test_the_page_works_in_japanese(opened):
    invitation, post = opened
    response = post(form_data(), language="ja")
    assert response.status_code == 200
    assert '<html lang="ja"' in response.content.decode()
    assert Revisit.objects.filter(member=invitation.member).count() == 1


def test_the_japanese_page_shows_the_japanese_title_and_question(client, opened):
    invitation, post = opened
    client.get(f"/ja/surveys/answer/{answer_token(invitation)}/")
    page = client.get("/ja/surveys/answer/form/").content.decode()
    assert "日本に戻ってきましたか？ 2026" in page
    assert "何があれば戻れますか？" in page


def test_a_stay_jst_recorded_already_is_confirmed_not_counted_twice(opened):
    """The survey declares through the one reconciliation rule (club/members/revisits.py)."""
    invitation, post = opened
    kyoto = InstitutionFactory(name="Kyoto University")
    recorded = RevisitFactory(
        member=invitation.member,
        institution=kyoto,
        kind="degree",
        start_date=date(2021, 4, 1),
        end_date=date(2024, 3, 31),
        source=RevisitSource.JST,
    )

    # The alumnus gives the same stay with a slightly different start: it overlaps.
    assert post(form_data(**{"revisits-0-start_date": "2021-04-05"})).status_code == 200

    assert list(Revisit.objects.filter(member=invitation.member)) == [recorded]
    recorded.refresh_from_db()
    assert recorded.source == RevisitSource.BOTH
    assert list(Answer.objects.get(invitation=invitation).revisits.all()) == [recorded]

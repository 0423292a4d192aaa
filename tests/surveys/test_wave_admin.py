"""The wave admin: only staff who run surveys; define, preview, send (an empty audience is an
error, not a send), and the wave page's figures with small-number suppression."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from club.members.roles import runs_surveys
from club.surveys.models import Invitation, InvitationState, Wave
from club.surveys.stats import wave_figures
from tests.factories import UserFactory

INDEX = "/admin/survey-waves/"


def wave_form(**overrides) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        "title": "Wave 2026",
        "title_ja": "2026年調査",
        "cohort_from": "2015",
        "cohort_to": "2020",
        "programmes": ["A"],
        "skip_answered_months": "12",
        "opens_on": str(today),
        "closes_on": str(today + timedelta(days=30)),
        "reminder_after_days": "7",
        "extra_questions-TOTAL_FORMS": "1",
        "extra_questions-INITIAL_FORMS": "0",
        "extra_questions-MIN_NUM_FORMS": "0",
        "extra_questions-MAX_NUM_FORMS": "1000",
        "extra_questions-0-text": "What would help you come back?",
        "extra_questions-0-text_ja": "何があれば戻れますか？",
        "extra_questions-0-ORDER": "1",
        "extra_questions-0-id": "",
        "extra_questions-0-DELETE": "",
    }
    return data | overrides


def test_staff_run_surveys_and_members_do_not(jess, alice):
    assert runs_surveys(jess)
    assert not runs_surveys(alice.user)
    assert not runs_surveys(UserFactory(username="nobody"))


def test_members_cannot_open_the_wave_admin(client, alice, make_wave):
    wave = make_wave()
    client.force_login(alice.user)

    for path in (INDEX, f"{INDEX}new/", f"{INDEX}{wave.pk}/"):
        response = client.get(path)
        assert response.status_code in (302, 403), path
    assert client.post(f"{INDEX}{wave.pk}/send/").status_code in (302, 403)
    assert not Invitation.objects.exists()


def test_staff_define_a_wave_in_the_admin(client, jess):
    client.force_login(jess)
    assert client.get(INDEX).status_code == 200
    assert client.get(f"{INDEX}new/").status_code == 200

    response = client.post(f"{INDEX}new/", wave_form())

    wave = Wave.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"{INDEX}{wave.pk}/"
    assert (wave.cohort_from, wave.cohort_to, wave.programmes) == (2015, 2020, ["A"])
    assert [q.text_ja for q in wave.extra_questions.all()] == ["何があれば戻れますか？"]


def test_a_wave_that_closes_before_it_opens_is_refused(client, jess):
    client.force_login(jess)
    today = timezone.localdate()
    response = client.post(f"{INDEX}new/", wave_form(closes_on=str(today - timedelta(days=1))))
    assert response.status_code == 200
    assert "cannot close before it opens" in response.content.decode()
    assert not Wave.objects.exists()


def test_the_wave_page_previews_the_audience(client, jess, make_wave, make_alumnus):
    make_alumnus(year=2018)
    make_alumnus(year=2018)
    make_alumnus(year=2010)
    wave = make_wave(cohort_from=2015)
    client.force_login(jess)

    page = client.get(f"{INDEX}{wave.pk}/").content.decode()

    assert "Audience now: 2 alumni." in page
    assert "Send the invitations" in page


def test_sending_an_empty_audience_is_a_clear_error_and_sends_nothing(
    client, jess, make_wave, make_alumnus
):
    make_alumnus(nationality="IN")
    wave = make_wave(countries=["BR"])
    client.force_login(jess)

    assert "Nobody matches" in client.get(f"{INDEX}{wave.pk}/").content.decode()
    response = client.post(f"{INDEX}{wave.pk}/send/", follow=True)

    assert "Nobody matches this wave" in response.content.decode()
    assert not Invitation.objects.exists()
    wave.refresh_from_db()
    assert wave.sent_at is None


def test_staff_send_a_wave(client, jess, make_wave, make_alumnus):
    make_alumnus()
    make_alumnus()
    wave = make_wave()
    client.force_login(jess)

    response = client.post(f"{INDEX}{wave.pk}/send/", follow=True)

    assert "2 invitations are being sent." in response.content.decode()
    assert wave.invitations.count() == 2


def test_a_wave_not_yet_open_cannot_be_sent(client, jess, make_wave, make_alumnus):
    make_alumnus()
    today = timezone.localdate()
    wave = make_wave(opens_on=today + timedelta(days=2), closes_on=today + timedelta(days=9))
    client.force_login(jess)

    client.post(f"{INDEX}{wave.pk}/send/")

    assert not Invitation.objects.exists()


@pytest.fixture
def answered_wave(make_wave, make_alumnus, invite):
    """Nine Indian alumni reached (five answered, one unsubscribed), two Thai (one answered),
    one Thai failed; all of the 2018 cohort, Course A."""
    wave = make_wave()
    for n in range(8):
        state = InvitationState.ANSWERED if n < 5 else InvitationState.SENT
        invite(wave, make_alumnus(nationality="IN"), state=state)
    invite(wave, make_alumnus(nationality="TH"), state=InvitationState.ANSWERED)
    invite(wave, make_alumnus(nationality="TH"))
    invite(wave, make_alumnus(nationality="TH"), state=InvitationState.FAILED, sent_at=None)
    invite(wave, make_alumnus(nationality="IN"), state=InvitationState.UNSUBSCRIBED)
    return wave


def test_the_figures_count_and_suppress_small_groups(answered_wave):
    figures = wave_figures(answered_wave)

    assert (figures.invited, figures.sent, figures.failed) == (12, 11, 1)
    assert (figures.answered, figures.unsubscribed) == (6, 1)
    assert figures.rate.value == pytest.approx(6 / 11)
    rows = {row.label: row for row in figures.by_country}
    assert (rows["India"].sent.value, rows["India"].answered.value) == (9, 5)
    assert rows["India"].rate.value == pytest.approx(5 / 9)
    thailand = rows["Thailand"]
    assert thailand.sent.suppressed and thailand.answered.suppressed and thailand.rate.suppressed
    ((cohort),) = figures.by_cohort
    assert (cohort.label, cohort.sent.value, cohort.answered.value) == ("2018", 11, 6)
    ((programme),) = figures.by_programme
    assert programme.label.startswith("Course A")


def test_the_wave_page_shows_the_figures(client, jess, answered_wave):
    client.force_login(jess)
    page = client.get(f"{INDEX}{answered_wave.pk}/").content.decode()

    assert "Response rate by Country (nationality)" in page
    assert '<th scope="row">Thailand</th><td>&lt;5</td><td>&lt;5</td><td>&lt;5</td>' in page
    assert '<th scope="row">India</th><td>9</td><td>5</td><td>55.6%</td>' in page


def test_staff_edit_a_wave_and_come_back_to_its_page(client, jess, make_wave):
    wave = make_wave(programmes=["A", "B"])
    client.force_login(jess)
    page = client.get(f"{INDEX}edit/{wave.pk}/")
    assert page.status_code == 200
    assert re.search(r'value="B"[^>]*checked', page.content.decode())

    data = wave_form(title="Renamed", **{"extra_questions-TOTAL_FORMS": "0"}, programmes=["C"])
    response = client.post(f"{INDEX}edit/{wave.pk}/", data)

    assert response.status_code == 302
    assert response["Location"] == f"{INDEX}{wave.pk}/"
    wave.refresh_from_db()
    assert (wave.title, wave.programmes) == ("Renamed", ["C"])

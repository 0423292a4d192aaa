"""The consent settings page: the current answers, changing each, and the full history."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from club.members.consent import current_consent, record_consent
from club.members.models import ConsentRecord, ConsentSource, Member, Purpose

SETTINGS = "members:consent-settings"


def settings_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse(SETTINGS)


def ticked(**answers: bool) -> dict[str, str]:
    """The POST of the settings form with these purposes ticked (the others unticked)."""
    return {f"consent_{purpose}": "on" for purpose, given in answers.items() if given}


def test_it_is_linked_from_the_account_navigation(client, demo_site, alice):
    client.force_login(alice.user)

    html = client.get(reverse("members:profile")).content.decode()

    assert f'href="{settings_url()}"' in html


def test_it_shows_the_current_answer_per_purpose(client, demo_site, alice):
    record_consent(alice, Purpose.NEWSLETTERS, True, ConsentSource.REGISTRATION)
    record_consent(alice, Purpose.DIRECTORY, False, ConsentSource.REGISTRATION)
    client.force_login(alice.user)

    form = client.get(settings_url()).context["form"]

    assert form["consent_newsletters"].initial is True
    assert form["consent_directory"].initial is False
    # Never asked: the unasked default is what applies, so that is what the page shows.
    assert form["consent_surveys"].initial is True
    assert form["consent_research"].initial is False


def test_changing_one_answer_records_it_from_the_settings_page(client, demo_site, alice):
    record_consent(alice, Purpose.DIRECTORY, True, ConsentSource.REGISTRATION)
    record_consent(alice, Purpose.SURVEYS, True, ConsentSource.REGISTRATION)
    record_consent(alice, Purpose.NEWSLETTERS, False, ConsentSource.REGISTRATION)
    record_consent(alice, Purpose.RESEARCH, False, ConsentSource.REGISTRATION)
    client.force_login(alice.user)

    response = client.post(
        settings_url(), ticked(directory=False, surveys=True, newsletters=False, research=False)
    )

    assert response.status_code == 302 and response["Location"] == settings_url()
    alice.refresh_from_db()
    assert current_consent(alice, Purpose.DIRECTORY) is False
    newest = ConsentRecord.objects.filter(member=alice).first()
    assert (newest.purpose, newest.given, newest.source) == ("directory", False, "settings")
    # Only the changed answer is a new record.
    assert ConsentRecord.objects.filter(member=alice, source=ConsentSource.SETTINGS).count() == 1


def test_saving_unchanged_answers_records_nothing(client, demo_site, alice):
    for purpose in Purpose:
        record_consent(alice, purpose, True, ConsentSource.REGISTRATION)
    client.force_login(alice.user)

    client.post(settings_url(), ticked(**{purpose: True for purpose in Purpose}))

    assert ConsentRecord.objects.filter(member=alice).count() == 4


def test_the_history_lists_every_answer_with_date_policy_and_place(
    client, demo_site, alice, settings
):
    settings.CONSENT_POLICY_VERSION = "policy-v1"
    record_consent(alice, Purpose.RESEARCH, True, ConsentSource.REGISTRATION)
    settings.CONSENT_POLICY_VERSION = "policy-v2"
    record_consent(alice, Purpose.RESEARCH, False, ConsentSource.SETTINGS)
    client.force_login(alice.user)

    html = client.get(settings_url()).content.decode()

    history = html[html.index('id="consent-history"') :]
    assert history.count("<tr>") == 3  # the header and two answers
    assert "Withdrawn" in history and "Given" in history
    assert "Consent settings page" in history and "Registration" in history
    assert "policy-v1" in history and "policy-v2" in history
    assert history.index("policy-v2") < history.index("policy-v1")  # newest first


def test_someone_never_asked_is_told_what_applies(client, demo_site, alice):
    client.force_login(alice.user)

    html = client.get(settings_url()).content.decode()

    assert "You have not been asked yet" in html


def test_only_the_member_themselves_sees_and_changes_their_consent(client, demo_site, alice, bob):
    record_consent(alice, Purpose.NEWSLETTERS, True, ConsentSource.REGISTRATION)
    client.force_login(bob.user)

    page = client.get(settings_url())
    # There is no member id anywhere: Bob can only post for Bob.
    client.post(settings_url(), {"member": alice.pk, **ticked(newsletters=False)})

    assert "Receiving newsletters" in page.content.decode()
    assert page.context["member"] == bob
    alice.refresh_from_db()
    assert alice.consent_newsletters is True
    assert not ConsentRecord.objects.filter(member=alice, source=ConsentSource.SETTINGS).exists()
    assert ConsentRecord.objects.filter(member=bob, source=ConsentSource.SETTINGS).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, demo_site, alice):
    response = client.post(settings_url(), ticked(directory=False))

    assert response.status_code == 302
    assert reverse("members:login") in response["Location"]
    assert not ConsentRecord.objects.exists()


def test_a_change_needs_the_csrf_token(demo_site, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)

    response = client.post(settings_url(), ticked(directory=False))

    assert response.status_code == 403
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_page_renders_in_both_languages(client, demo_site, alice, language):
    record_consent(alice, Purpose.SURVEYS, False, ConsentSource.SETTINGS)
    client.force_login(alice.user)

    response = client.get(settings_url(language))

    assert response.status_code == 200
    assert Member.objects.get(pk=alice.pk).consent_surveys is False

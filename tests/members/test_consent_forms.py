"""Registration and the claim form ask for consent per purpose, unticked, and record each answer."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from club.members.consent import current_consent
from club.members.forms.accounts import ClaimForm, RegistrationForm
from club.members.models import ConsentRecord, ConsentSource, Member, Purpose
from tests.factories import MemberFactory, UserFactory
from tests.members.test_accounts_claim import claim_data, claim_path
from tests.members.test_accounts_register import registration_data

PURPOSES = [purpose.value for purpose in Purpose]


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


@pytest.fixture
def devi(db):
    """An alumna JST imported from a roster, never asked about consent."""
    user = UserFactory(username="devi", email="devi@example.org")
    user.set_unusable_password()
    user.save()
    return MemberFactory(user=user, given_name="Devi", family_name="Prasad")


def checkboxes(html: str) -> dict[str, str]:
    """Each consent checkbox's name and its full tag."""
    return {
        match.group(1): match.group(0)
        for match in re.finditer(r'<input type="checkbox" name="consent_(\w+)"[^>]*>', html)
    }


def answers(member: Member) -> dict[str, tuple[bool, str]]:
    return {
        record.purpose: (record.given, record.source)
        for record in ConsentRecord.objects.filter(member=member)
    }


def test_registration_asks_each_purpose_unticked_with_an_explanation(client, demo_site):
    html = client.get("/en/account/register/").content.decode()

    boxes = checkboxes(html)
    assert sorted(boxes) == sorted(PURPOSES)
    assert not any("checked" in tag for tag in boxes.values())
    assert "How we may use your information" in html
    # Research: say that aggregate figures with suppression stay allowed.
    assert "aggregate figures" in html and "fewer than five" in html


def test_the_claim_form_asks_each_purpose_unticked_even_where_the_default_is_yes(
    client, demo_site, devi
):
    html = client.get(claim_path(devi, client)).content.decode()

    boxes = checkboxes(html)
    assert sorted(boxes) == sorted(PURPOSES)
    assert not any("checked" in tag for tag in boxes.values())


def test_forms_start_unticked():
    for form in (RegistrationForm(), ClaimForm(member=Member(given_name="X"))):
        assert all(form[f"consent_{purpose}"].initial is False for purpose in PURPOSES)


def test_registering_records_one_answer_per_purpose_with_its_source(client, demo_site):
    data = registration_data(consent_directory="on", consent_research="on")

    client.post("/en/account/register/", data)

    member = Member.objects.get(contact_email="lan@example.org")
    assert answers(member) == {
        "directory": (True, ConsentSource.REGISTRATION),
        "surveys": (False, ConsentSource.REGISTRATION),
        "newsletters": (False, ConsentSource.REGISTRATION),
        "research": (True, ConsentSource.REGISTRATION),
    }
    assert current_consent(member, Purpose.SURVEYS) is False
    assert current_consent(member, Purpose.RESEARCH) is True


def test_a_failed_registration_records_no_consent(client, demo_site):
    client.post("/en/account/register/", registration_data(password2="something else"))

    assert not ConsentRecord.objects.exists()


def test_claiming_records_one_answer_per_purpose_with_its_source(client, demo_site, devi):
    path = claim_path(devi, client)

    response = client.post(path, claim_data(consent_surveys="on", consent_newsletters="on"))

    assert response.status_code == 302
    devi.refresh_from_db()
    assert answers(devi) == {
        "directory": (False, ConsentSource.CLAIM),
        "surveys": (True, ConsentSource.CLAIM),
        "newsletters": (True, ConsentSource.CLAIM),
        "research": (False, ConsentSource.CLAIM),
    }
    # Not ticked at the claim: the imported alumna's default listing stops.
    assert current_consent(devi, Purpose.DIRECTORY) is False
    assert devi.consent_newsletters is True


def test_a_claim_that_fails_records_no_consent(client, demo_site, devi):
    path = claim_path(devi, client)

    client.post(path, claim_data(password2="mismatch", consent_surveys="on"))

    assert not ConsentRecord.objects.filter(member=devi).exists()

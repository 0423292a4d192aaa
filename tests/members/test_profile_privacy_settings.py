"""Privacy settings: one visibility per section, and each choice changes what others see."""

from __future__ import annotations

import pytest
from django.urls import reverse

from club.members.sections import Section, Visibility


def privacy_data(**levels: str) -> dict[str, str]:
    data = {f"visibility_{section}": Visibility.PUBLIC.value for section in Section}
    data.update({f"visibility_{name}": level for name, level in levels.items()})
    return data


@pytest.fixture
def signed_in_alice(client, demo_site, alice):
    alice.bio = "Alice studies monsoon rainfall."
    alice.contact_email = "alice.rain@example.org"
    alice.save()
    client.force_login(alice.user)
    return client


def test_the_page_offers_one_choice_per_section_with_explanations(signed_in_alice):
    response = signed_in_alice.get(reverse("members:profile-privacy"))
    page = response.content.decode()

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {f"visibility_{s}" for s in Section}
    for section in Section:
        assert str(section.label) in page
        for level in Visibility:
            assert f'name="visibility_{section}" value="{level}"' in page
    assert "your profile page does not exist for them" in page
    assert "JST staff can always see your whole profile" in page


def test_it_saves_the_chosen_levels(signed_in_alice, alice):
    data = privacy_data(bio=Visibility.PRIVATE, contact=Visibility.CHAPTER)

    response = signed_in_alice.post(reverse("members:profile-privacy"), data)

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.visibility(Section.BIO) == Visibility.PRIVATE
    assert alice.visibility(Section.CONTACT) == Visibility.CHAPTER
    assert alice.visibility(Section.PROFILE) == Visibility.PUBLIC


def test_an_unknown_level_is_a_form_error(signed_in_alice, alice):
    response = signed_in_alice.post(
        reverse("members:profile-privacy"), privacy_data(bio="everybody-and-their-dog")
    )

    assert response.status_code == 200
    assert "visibility_bio" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.visibility(Section.PROFILE) == Visibility.MEMBERS


@pytest.mark.parametrize(
    ("level", "anonymous_sees", "bob_sees", "carol_sees"),
    [
        (Visibility.PUBLIC, True, True, True),
        (Visibility.MEMBERS, False, True, True),
        (Visibility.CHAPTER, False, False, True),
        (Visibility.PRIVATE, False, False, False),
    ],
)
def test_a_saved_level_changes_what_others_see(
    client, signed_in_alice, alice, bob, carol, level, anonymous_sees, bob_sees, carol_sees
):
    client.post(reverse("members:profile-privacy"), privacy_data(bio=level, contact=level))
    url = reverse("members:member-detail", args=[alice.pk])

    for person, expected in ((None, anonymous_sees), (bob, bob_sees), (carol, carol_sees)):
        client.logout()
        if person is not None:
            client.force_login(person.user)
        page = client.get(url).content.decode()
        assert "Alice Anand" in page
        assert ("monsoon rainfall" in page) is expected
        assert ("alice.rain@example.org" in page) is expected


def test_hiding_the_profile_section_makes_the_page_a_404(client, signed_in_alice, alice, bob):
    client.post(reverse("members:profile-privacy"), privacy_data(profile=Visibility.PRIVATE))
    url = reverse("members:member-detail", args=[alice.pk])

    assert client.get(url).status_code == 200  # alice herself
    client.force_login(bob.user)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_another_member_cannot_change_alices_settings(client, demo_site, alice, bob):
    client.force_login(bob.user)

    client.post(
        reverse("members:profile-privacy"),
        {**privacy_data(bio=Visibility.PUBLIC), "id": alice.pk, "pk": alice.pk},
    )

    alice.refresh_from_db()
    bob.refresh_from_db()
    assert alice.visibility(Section.BIO) == Visibility.MEMBERS
    assert bob.visibility(Section.BIO) == Visibility.PUBLIC

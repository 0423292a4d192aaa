"""The public profile page shows exactly what the viewer may see, in constant queries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from club.members.models import FieldTag, MemberLink, MemberStatus, NameOrder, RevisitSource
from club.members.sections import Section, Visibility
from tests.factories import (
    CareerEntryFactory,
    InstitutionFactory,
    MemberFactory,
    ParticipationFactory,
    RevisitFactory,
    SubjectGroupFactory,
    UserFactory,
)

# A text that appears on the page only when its section is shown.
SECTION_MARKERS: dict[Section, list[str]] = {
    Section.BIO: ["Alice builds low-cost water sensors"],
    Section.CONTACT: ["alice.contact@example.org", "https://alice-lab.example.org"],
    Section.CAREER: ["Chief sensor engineer", "Jalsense Labs", "Junior analyst"],
    Section.PARTICIPATION: ["Hokkaido Marker Institute"],
    Section.REVISITS: ["Osaka Marker University", "Came back to Japan"],
    Section.PROFILE: ["Alice Anand", "अनन्या", "Hydrology"],
}


@pytest.fixture
def alice_full(alice):
    """Alice with something in every section; everything public unless a test says otherwise."""
    alice.native_name = "अनन्या आनंद"
    alice.bio = "Alice builds low-cost water sensors."
    alice.contact_email = "alice.contact@example.org"
    alice.position = "Chief sensor engineer"
    alice.organisation = "Jalsense Labs"
    alice.open_to_mentoring = True
    for section in Section:
        setattr(alice, f"visibility_{section}", Visibility.PUBLIC)
    alice.save()
    alice.fields.add("Hydrology")
    MemberLink.objects.create(member=alice, label="Lab", url="https://alice-lab.example.org")
    CareerEntryFactory(
        member=alice, position="Junior analyst", organisation="Old Co", is_current=False
    )
    ParticipationFactory(
        member=alice,
        start_date=date(2017, 7, 1),
        host_institution=InstitutionFactory(name="Hokkaido Marker Institute"),
    )
    RevisitFactory(
        member=alice,
        start_date=date(2019, 4, 1),
        institution=InstitutionFactory(name="Osaka Marker University"),
        source=RevisitSource.JST,
    )
    return alice


def page_as(client, viewer, member) -> tuple[int, str]:
    client.logout()
    if viewer is not None:
        client.force_login(viewer if not hasattr(viewer, "user") else viewer.user)
    response = client.get(reverse("members:member-detail", args=[member.pk]))
    return response.status_code, response.content.decode()


VIEWERS = ["anonymous", "bob", "carol", "alice", "jess"]
# Who sees a section at each level: anonymous, bob (other chapter), carol (same chapter),
# alice herself, jess (JST staff).
EXPECTED = {
    Visibility.PUBLIC: [True, True, True, True, True],
    Visibility.MEMBERS: [False, True, True, True, True],
    Visibility.CHAPTER: [False, False, True, True, True],
    Visibility.PRIVATE: [False, False, False, True, True],
}


@pytest.mark.parametrize("level", list(Visibility))
@pytest.mark.parametrize("section", [section for section in Section if section != Section.PROFILE])
def test_each_level_decides_who_sees_each_section(
    client, demo_site, alice_full, bob, carol, jess, section, level
):
    setattr(alice_full, f"visibility_{section}", level)
    alice_full.save()
    people = {"anonymous": None, "bob": bob, "carol": carol, "alice": alice_full, "jess": jess}

    for viewer, expected in zip(VIEWERS, EXPECTED[level], strict=True):
        status, page = page_as(client, people[viewer], alice_full)
        assert status == 200, viewer
        for marker in SECTION_MARKERS[section]:
            assert (marker in page) is expected, (viewer, marker)
        # The other sections are public and stay visible.
        assert "Alice Anand" in page


@pytest.mark.parametrize("level", list(Visibility))
def test_the_page_is_a_404_for_whoever_may_not_see_the_profile_section(
    client, demo_site, alice_full, bob, carol, jess, level
):
    alice_full.visibility_profile = level
    alice_full.save()
    people = {"anonymous": None, "bob": bob, "carol": carol, "alice": alice_full, "jess": jess}

    for viewer, expected in zip(VIEWERS, EXPECTED[level], strict=True):
        status, page = page_as(client, people[viewer], alice_full)
        assert status == (200 if expected else 404), viewer
        if not expected:
            for markers in SECTION_MARKERS.values():
                assert not any(marker in page for marker in markers), viewer


def test_the_default_profile_is_hidden_from_anonymous_visitors(client, demo_site, alice):
    assert page_as(client, None, alice)[0] == 404


def test_unknown_pending_and_anonymised_members_are_a_404(client, demo_site, bob):
    pending = MemberFactory(status=MemberStatus.PENDING, visibility_profile=Visibility.PUBLIC)
    gone = MemberFactory(
        user=None, status=MemberStatus.ANONYMISED, visibility_profile=Visibility.PUBLIC
    )
    client.force_login(bob.user)

    for pk in (pending.pk, gone.pk, 999_999, 2**70):
        assert client.get(f"/en/members/{pk}/").status_code == 404


def test_it_shows_the_name_in_the_preferred_order(client, demo_site, alice_full, bob):
    alice_full.name_order = NameOrder.FAMILY_FIRST
    alice_full.save()

    status, page = page_as(client, bob, alice_full)

    assert "Anand Alice" in page
    assert "अनन्या आनंद" in page


def test_it_shows_country_mentoring_groups_and_revisit_badge(client, demo_site, alice_full, bob):
    group = SubjectGroupFactory(name="Water and environment")
    alice_full.subject_groups.add(group)

    page = page_as(client, bob, alice_full)[1]

    assert "India" in page
    assert "India chapter" in page
    assert "Water and environment" in page
    assert "Open to mentoring" in page
    assert "Recorded by JST" in page
    assert "Course A: science and technology experience" in page


def test_a_japanese_page_names_the_fields_in_japanese(client, demo_site, alice_full, bob):
    FieldTag.objects.filter(name="Hydrology").update(name_ja="水文学")
    client.force_login(bob.user)

    japanese = client.get(f"/ja/members/{alice_full.pk}/").content.decode()
    english = client.get(f"/en/members/{alice_full.pk}/").content.decode()

    assert "<li>水文学</li>" in japanese and "Hydrology" not in japanese
    assert "<li>Hydrology</li>" in english and "水文学" not in english


def test_the_owner_gets_a_hint_and_can_preview_as_a_visitor(client, demo_site, alice_full, bob):
    alice_full.visibility_bio = Visibility.MEMBERS
    alice_full.save()
    url = reverse("members:member-detail", args=[alice_full.pk])
    client.force_login(alice_full.user)

    own = client.get(url).content.decode()
    as_visitor = client.get(f"{url}?preview=public").content.decode()

    assert "This is your profile" in own
    assert "water sensors" in own
    assert "as a visitor who is not signed in" in as_visitor
    assert "water sensors" not in as_visitor
    assert "Chief sensor engineer" in as_visitor


def test_the_owner_preview_says_when_the_whole_profile_is_hidden(client, demo_site, alice_full):
    alice_full.visibility_profile = Visibility.MEMBERS
    alice_full.save()
    client.force_login(alice_full.user)

    response = client.get(
        reverse("members:member-detail", args=[alice_full.pk]), {"preview": "public"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "for them this page does not exist" in page
    assert "water sensors" not in page


def test_other_viewers_cannot_use_the_preview(client, demo_site, alice_full, bob):
    alice_full.visibility_bio = Visibility.PRIVATE
    alice_full.save()
    client.force_login(bob.user)

    for preview in ("public", "members", "self", "<script>"):
        response = client.get(
            reverse("members:member-detail", args=[alice_full.pk]), {"preview": preview}
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert "This is your profile" not in page
        assert "water sensors" not in page
        assert "<script>" not in page.split("</header>", 1)[1]


def add_history(member, count: int) -> None:
    institution = InstitutionFactory(name="Tohoku University")
    for index in range(count):
        start = date(2000, 1, 1) + timedelta(days=400 * index)
        CareerEntryFactory(
            member=member, position=f"Position {index}", start_date=start, is_current=False
        )
        RevisitFactory(member=member, start_date=date(2030, 1, 1) + timedelta(days=index))
        ParticipationFactory(member=member, start_date=start, host_institution=institution)
        MemberLink.objects.create(member=member, label=f"Link {index}", url="https://x.example")
        member.fields.add(f"Field {index}")


def public_member_with_history(count: int):
    member = MemberFactory(user=UserFactory(), given_name=f"Has{count}")
    for section in Section:
        setattr(member, f"visibility_{section}", Visibility.PUBLIC)
    member.save()
    add_history(member, count)
    return member


@pytest.mark.parametrize("viewer", ["bob", "anonymous", "self", "jess"])
def test_the_page_costs_the_same_queries_however_long_the_history(
    client, demo_site, bob, jess, viewer, django_assert_max_num_queries
):
    small, large = public_member_with_history(2), public_member_with_history(30)

    def prepare(member) -> str:
        person = {"bob": bob.user, "jess": jess, "anonymous": None, "self": member.user}[viewer]
        client.logout()
        if person is not None:
            client.force_login(person)
        url = reverse("members:member-detail", args=[member.pk])
        client.get(url)  # warm caches (site root, renditions) outside the measurement
        return url

    url = prepare(small)
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(url).status_code == 200
    # Read the count now: every new request clears the connection's query log.
    small_count = len(small_queries)
    url = prepare(large)
    with django_assert_max_num_queries(small_count):
        response = client.get(url)

    page = response.content.decode()
    assert "Position 29" in page
    assert "Link 29" in page
    assert small_count <= 25

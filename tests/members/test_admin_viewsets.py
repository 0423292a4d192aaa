"""The Wagtail admin for members data: who gets in, listings, filters and search."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from club.members.models import Chapter, Institution, InstitutionAlias, MemberStatus
from club.members.programmes import Programme
from tests.factories import (
    InstitutionFactory,
    MemberFactory,
    ParticipationFactory,
    SubjectGroupFactory,
)

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/members/"
INSTITUTIONS = "/admin/snippets/members/institution/"
CHAPTERS = "/admin/chapters/"
GROUPS = "/admin/subject-groups/"


def listed(response) -> list:
    return list(response.context["object_list"])


def listed_names(response) -> list[str]:
    return sorted(member.display_name for member in listed(response))


def test_admin_urls_are_where_the_tests_expect():
    assert reverse("member-admin:index") == MEMBERS
    assert reverse("member-admin:export") == MEMBERS + "export/"
    assert reverse("wagtailsnippets_members_institution:list") == INSTITUTIONS
    assert reverse("chapter-admin:index") == CHAPTERS
    assert reverse("subjectgroup-admin:index") == GROUPS


@pytest.mark.parametrize("url", [MEMBERS, INSTITUTIONS, CHAPTERS, GROUPS])
def test_staff_can_open_every_listing(client, jess, alice, bob, carol, url):
    client.force_login(jess)

    response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", [MEMBERS, INSTITUTIONS, CHAPTERS, MEMBERS + "export/"])
@pytest.mark.parametrize("who", ["anonymous", "alice", "carol"])
def test_members_and_visitors_are_kept_out_of_the_admin(client, alice, carol, url, who):
    if who != "anonymous":
        client.force_login({"alice": alice, "carol": carol}[who].user)

    response = client.get(url)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response.url
    assert "Alice Anand" not in response.content.decode()


def test_member_listing_shows_the_columns(client, jess, alice):
    ParticipationFactory(member=alice, programme=Programme.HIGH_SCHOOL, fiscal_year=2019)
    client.force_login(jess)

    response = client.get(MEMBERS)

    html = response.content.decode()
    assert "Alice Anand" in html
    assert "HSP 2019" in html
    headings = [str(column.label) for column in response.context["table"].columns.values()]
    assert headings[:5] == ["Name", "Country of residence", "Nationality", "Status", "Programmes"]


def test_member_listing_filters_by_country(client, jess, alice, bob):
    client.force_login(jess)

    response = client.get(MEMBERS, {"country": "IN"})

    names = listed_names(response)
    assert "Alice Anand" in names
    assert "Bob Boonmee" not in names


def test_member_listing_filters_by_nationality_and_status(client, jess, alice, bob):
    bob.nationality = "TH"
    bob.save()
    pending = MemberFactory(given_name="Pat", family_name="Pending", nationality="TH")
    pending.status = MemberStatus.PENDING
    pending.save()
    client.force_login(jess)

    by_nationality = listed_names(client.get(MEMBERS, {"nationality": "TH"}))
    by_both = listed_names(client.get(MEMBERS, {"nationality": "TH", "status": "pending"}))

    assert {"Bob Boonmee", "Pat Pending"} <= set(by_nationality)
    assert "Alice Anand" not in by_nationality
    assert "Pat Pending" in by_both
    assert "Bob Boonmee" not in by_both


def test_programme_and_year_match_the_same_participation(client, jess, alice, bob):
    ParticipationFactory(member=alice, programme=Programme.COURSE_A, fiscal_year=2018)
    ParticipationFactory(
        member=bob, programme=Programme.COURSE_A, fiscal_year=2016, start_date=date(2016, 7, 1)
    )
    ParticipationFactory(
        member=bob, programme=Programme.HIGH_SCHOOL, fiscal_year=2018, start_date=date(2018, 5, 1)
    )
    client.force_login(jess)

    response = client.get(MEMBERS, {"programme": "A", "fiscal_year": "2018"})
    programme_only = client.get(MEMBERS, {"programme": "A"})

    assert "Alice Anand" in listed_names(response)
    assert "Bob Boonmee" not in listed_names(response)
    assert {"Alice Anand", "Bob Boonmee"} <= set(listed_names(programme_only))


def test_member_listing_filters_by_chapter_and_subject_group(
    client, jess, alice, bob, carol, india
):
    materials = SubjectGroupFactory(slug="materials")
    materials.memberships.create(member=bob)
    client.force_login(jess)

    by_chapter = listed_names(client.get(MEMBERS, {"chapter": india.pk}))
    by_group = listed_names(client.get(MEMBERS, {"subject_group": materials.pk}))

    assert {"Alice Anand", "Carol Chandra"} <= set(by_chapter)
    assert "Bob Boonmee" not in by_chapter
    assert by_group == ["Bob Boonmee"]


def test_member_listing_searches_names_and_email(client, jess, alice, bob):
    client.force_login(jess)

    by_name = listed_names(client.get(MEMBERS, {"q": "boonmee"}))
    by_email = listed_names(client.get(MEMBERS, {"q": "alice@example"}))

    assert by_name == ["Bob Boonmee"]
    assert by_email == ["Alice Anand"]


@pytest.mark.parametrize("query", [{"country": "XX"}, {"chapter": "abc"}, {"p": "zzz"}])
def test_bad_filter_values_never_500(client, jess, alice, query):
    client.force_login(jess)

    response = client.get(MEMBERS, query)

    assert response.status_code in (200, 404)


def test_staff_can_edit_a_member(client, jess, alice):
    client.force_login(jess)

    response = client.get(reverse("member-admin:edit", args=[alice.pk]))

    assert response.status_code == 200
    assert "Sakura Science history" in response.content.decode()


def test_institution_listing_filters_and_lists_aliases(client, jess):
    iith = InstitutionFactory(name="Indian Institute of Technology Hyderabad", country="IN")
    InstitutionAlias.objects.create(institution=iith, name="IIT Hyderabad")
    InstitutionFactory(name="Chulalongkorn University", country="TH")
    client.force_login(jess)

    response = client.get(INSTITUTIONS, {"country": "IN"})
    edit = client.get(reverse("wagtailsnippets_members_institution:edit", args=[iith.pk]))

    names = [institution.name for institution in listed(response)]
    assert "Indian Institute of Technology Hyderabad" in names
    assert "Chulalongkorn University" not in names
    assert edit.status_code == 200
    assert "IIT Hyderabad" in edit.content.decode()


def test_institution_is_a_snippet():
    from wagtail.snippets.models import get_snippet_models

    assert Institution in get_snippet_models()


def test_chapter_listing_shows_counts_coordinators_and_manage_link(client, jess, alice, carol):
    client.force_login(jess)

    response = client.get(CHAPTERS)

    html = response.content.decode()
    india = next(chapter for chapter in listed(response) if chapter.slug == "india")
    assert india.member_count == 2
    assert "Carol Chandra" in html
    assert reverse("members:chapter-manage", kwargs={"slug": "india"}) in html
    assert f"{MEMBERS}?chapter={india.pk}" in html


def test_members_menu_groups_the_viewsets(client, jess):
    client.force_login(jess)

    html = client.get("/admin/").content.decode()

    assert "Members" in html
    assert "Institutions" in html
    assert "Export members (CSV)" in html


def test_staff_edits_are_saved_but_status_stays_read_only(client, jess, alice):
    client.force_login(jess)
    edit_url = reverse("member-admin:edit", args=[alice.pk])
    form = client.get(edit_url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or name.startswith("links-"):
            continue
        data[name] = value
    data.update(
        {
            "position": "Associate professor",
            "fields": "Robotics, Materials",
            "status": MemberStatus.ANONYMISED,
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0",
            "links-MAX_NUM_FORMS": "1000",
        }
    )

    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors
    alice.refresh_from_db()
    assert alice.position == "Associate professor"
    assert sorted(tag.name for tag in alice.fields.all()) == ["Materials", "Robotics"]
    assert alice.status == MemberStatus.ACTIVE


def test_staff_can_add_a_chapter(client, jess):
    client.force_login(jess)

    response = client.post(
        reverse("chapter-admin:add"),
        {"name": "Nepal chapter", "name_ja": "", "slug": "nepal-test", "country": "NP"},
    )

    assert response.status_code == 302
    assert Chapter.objects.get(slug="nepal-test").country.code == "NP"

"""Bad filters get a clear message (HTTP 400), never a server error."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.messages import get_messages

from club.outcomes.filters import OutcomeFilterForm, describe_selection
from club.outcomes.queries import Selection

ADMIN_DASHBOARD = "/admin/outcomes/"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"cohort_from": "2019", "cohort_to": "2016"}, "The cohort range is reversed"),
        ({"country": "XX"}, "“XX” is not a country we know"),
        ({"country": "<script>"}, "is not a country we know"),
        ({"programme": "Z"}, "“Z” is not a Sakura Science programme"),
        ({"cohort_from": "last year"}, "Enter the cohort as a year"),
        ({"cohort_to": "99999"}, "less than or equal to 2100"),
        ({"host": "999999"}, "That host institution does not exist"),
        ({"host": "kyoto"}, "That host institution does not exist"),
        ({"chapter": "atlantis"}, "That chapter does not exist"),
    ],
)
def test_bad_filters_are_explained(client, jess, alumni, query, message):
    client.force_login(jess)

    response = client.get(ADMIN_DASHBOARD, query)

    assert response.status_code == 400
    assert response.context["report"] is None
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_a_reversed_range_on_the_chapter_page(client, carol, india, alumni):
    client.force_login(carol.user)

    response = client.get("/en/outcomes/chapter/india/", {"cohort_from": 2020, "cohort_to": 2015})

    assert response.status_code == 400
    assert "“from” (2020) is after “to” (2015)" in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_with_bad_filters_goes_back_to_the_dashboard(client, jess, alumni, fmt):
    client.force_login(jess)

    response = client.get(f"{ADMIN_DASHBOARD}export.{fmt}", {"country": "XX"})

    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN_DASHBOARD}?country=XX"
    assert any("not a country we know" in str(m) for m in get_messages(response.wsgi_request))


def test_an_unknown_export_format_is_not_found(client, jess):
    client.force_login(jess)

    assert client.get(f"{ADMIN_DASHBOARD}export.pdf", follow=True).status_code == 404
    assert client.get("/en/outcomes/chapter/india/export.json", follow=True).status_code == 404


def test_a_valid_form_gives_the_selection(alumni, hosts, india):
    form = OutcomeFilterForm(
        {"country": "IN", "programme": "B", "cohort_from": "2016", "cohort_to": "2019",
         "host": str(hosts["tohoku"].pk), "chapter": "india"}
    )  # fmt: skip

    assert form.is_valid(), form.errors
    assert form.selection() == Selection("IN", "B", 2016, 2019, hosts["tohoku"], india)


def test_an_empty_query_selects_everyone(db):
    form = OutcomeFilterForm({})

    assert form.is_valid()
    assert form.selection() == Selection()


def test_the_same_year_twice_is_one_cohort(db):
    assert OutcomeFilterForm({"cohort_from": "2018", "cohort_to": "2018"}).is_valid()


def test_the_selection_in_words(hosts, india):
    selection = Selection("IN", "B", 2016, 2019, hosts["kyoto"], india, date(2026, 3, 31), 2)
    words = dict(describe_selection(selection))

    assert words == {
        "Country (nationality)": "India",
        "Programme": "Course B: joint research",
        "Cohorts (fiscal years)": "2016–2019",
        "Host institution in Japan": "Kyoto University",
        "Chapter": "India chapter",
        "Figures as of": "2026-03-31",
        "Known status within": "2 years",
    }
    assert dict(describe_selection(Selection(cohort_from=2018)))["Cohorts (fiscal years)"] == (
        "2018 and later"
    )


def test_the_country_filter_lists_only_countries_with_enough_alumni(alumni):
    codes = [code for code, _name in OutcomeFilterForm().fields["country"].choices]

    # India has 8; Thailand (2) and China (1) are not offered: the option would name them.
    assert codes == ["", "IN"]


def test_a_country_without_alumni_is_not_offered(client, jess, alumni):
    client.force_login(jess)

    response = client.get(ADMIN_DASHBOARD, {"country": "FR"})

    assert response.status_code == 400
    assert "“FR” is not a country we know" in response.content.decode()
    assert 'value="FR"' not in response.content.decode()

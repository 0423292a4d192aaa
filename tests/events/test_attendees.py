"""The door list and its CSV export: organisers only, names only, safe in spreadsheets."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from club.events.attendance import respond
from club.events.models import RSVP


@pytest.fixture
def india_event(make_event, india, make_member, alice):
    event = make_event(chapter=india, capacity=2)
    respond(event, alice, going=True)
    respond(event, make_member(given_name='=HYPERLINK("http://evil")', family_name="X"), going=True)
    respond(event, make_member(given_name="Wanda", family_name="Waiting"), going=True)
    respond(event, make_member(given_name="Norbert", family_name="No"), going=False)
    return event


def people(alice, bob, carol, jess):
    return {"alice": alice.user, "bob": bob.user, "carol": carol.user, "jess": jess}


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("alice", 403), ("bob", 403), ("carol", 200), ("jess", 200)],
)
@pytest.mark.parametrize("route", ["attendees/", "attendees/csv/", "check-in/"])
def test_only_organisers_open_the_door_list(
    client, india_event, alice, bob, carol, jess, role, expected, route
):
    if role != "anonymous":
        client.force_login(people(alice, bob, carol, jess)[role])

    response = client.get(india_event.url + route)

    assert response.status_code == expected


def test_the_door_list_shows_seats_then_the_waitlist(client, india_event, carol):
    client.force_login(carol.user)

    html = client.get(india_event.url + "attendees/").content.decode()

    assert "Alice Anand" in html
    assert html.index("Alice Anand") < html.index("Wanda Waiting")
    assert "2 going, 1 on the waitlist, 0 checked in." in html


def test_the_csv_lists_everyone_with_formulas_defused(client, india_event, carol):
    client.force_login(carol.user)

    response = client.get(india_event.url + "attendees/csv/")

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Name", "Name in native script", "Status"]
    names = [row[0] for row in rows[1:]]
    assert "Alice Anand" in names
    assert '\'=HYPERLINK("http://evil") X' in names
    statuses = {row[0]: row[2] for row in rows[1:]}
    assert statuses["Wanda Waiting"] == "On the waitlist"
    assert statuses["Norbert No"] == "Not going"
    waitlist_positions = {row[0]: row[3] for row in rows[1:]}
    assert waitlist_positions["Wanda Waiting"] == "1"


def test_the_csv_holds_no_contact_details(client, india_event, carol, alice):
    client.force_login(carol.user)

    text = client.get(india_event.url + "attendees/csv/").content.decode()

    assert alice.user.email not in text


def test_a_thailand_event_door_list_is_closed_to_the_india_coordinator(
    client, make_event, thailand, carol, jess
):
    event = make_event(chapter=thailand)
    client.force_login(carol.user)
    denied = client.get(event.url + "attendees/csv/")
    client.force_login(jess)
    allowed = client.get(event.url + "attendees/csv/")

    assert denied.status_code == 403
    assert allowed.status_code == 200


def test_the_event_page_links_organisers_to_their_tools(client, india_event, carol, alice):
    client.force_login(carol.user)
    organiser_html = client.get(india_event.url).content.decode()
    client.force_login(alice.user)
    member_html = client.get(india_event.url).content.decode()

    assert "Attendee list" in organiser_html
    assert "Edit this event" in organiser_html
    assert "Attendee list" not in member_html


def test_answering_tells_members_their_name_is_shared(client, make_event, alice):
    event = make_event()
    client.force_login(alice.user)

    html = client.get(event.url).content.decode()

    assert "Answering shares your name with this event" in html


def test_the_japanese_door_list_says_when_people_replied(client, india_event, carol):
    # "Answered" means "replied on" here, not "answered" as for a Q&A question.
    client.force_login(carol.user)

    html = client.get(india_event.url.replace("/en/", "/ja/", 1) + "attendees/").content.decode()

    assert "回答日時" in html
    assert "回答済み" not in html


# Every time on the door list and in its CSV: one localized format, on the event's clock,
# with the zone named (it read "12/06/2026 8:09 p.m." next to a bare "20:21", zone unsaid).

ANSWERED = datetime(2026, 12, 6, 14, 39, tzinfo=UTC)  # 20:09 in New Delhi (UTC+5:30)
CHECKED_IN = datetime(2026, 12, 6, 14, 51, tzinfo=UTC)  # 20:21 in New Delhi


@pytest.fixture
def checked_in_event(india_event, alice):
    RSVP.objects.filter(event=india_event, member=alice).update(
        responded_at=ANSWERED, checked_in_at=CHECKED_IN
    )
    return india_event


def test_the_door_list_shows_every_time_in_one_format_with_the_zone(
    client, checked_in_event, carol
):
    client.force_login(carol.user)

    html = client.get(checked_in_event.url + "attendees/").content.decode()

    assert "Times are in India Standard Time (UTC+5:30)." in html
    assert ">Dec. 6, 2026, 8:09 p.m.</time>" in html
    assert ">Dec. 6, 2026, 8:21 p.m.</time>" in html
    assert "12/06/2026" not in html
    assert ">20:21<" not in html


def test_the_japanese_door_list_uses_the_japanese_format(client, checked_in_event, carol, ja):
    client.force_login(carol.user)
    japanese = checked_in_event.get_translation(ja)

    html = client.get(japanese.url + "attendees/").content.decode()

    assert ">2026年12月6日20:09</time>" in html
    assert ">2026年12月6日20:21</time>" in html
    assert "UTC+5:30" in html


def test_the_csv_uses_the_list_format_and_names_the_zone_in_its_headings(
    client, checked_in_event, carol
):
    client.force_login(carol.user)

    text = client.get(checked_in_event.url + "attendees/csv/").content.decode("utf-8")

    header, *rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    assert header[4:] == [
        "Answered – India Standard Time (UTC+5:30)",
        "Checked in – India Standard Time (UTC+5:30)",
    ]
    alice = next(row for row in rows if row[0] == "Alice Anand")
    assert alice[4:] == ["Dec. 6, 2026, 8:09 p.m.", "Dec. 6, 2026, 8:21 p.m."]

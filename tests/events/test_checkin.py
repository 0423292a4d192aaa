"""QR check-in: genuine tickets work once; forged, foreign and repeated ones are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import formats, timezone

from club.events.attendance import respond
from club.events.checkin import SALT, check_in, ticket_token
from club.events.models import RSVP, RSVPStatus


@pytest.fixture
def india_event(make_event, india):
    return make_event(chapter=india, capacity=10)


@pytest.fixture
def ticket(india_event, alice):
    return respond(india_event, alice, going=True).rsvp


def test_a_genuine_ticket_checks_the_member_in(india_event, ticket, carol):
    result = check_in(india_event, ticket_token(ticket), carol.user)

    ticket.refresh_from_db()
    assert result.ok
    assert "Alice Anand" in result.message
    assert ticket.checked_in_at is not None
    assert ticket.checked_in_by == carol.user


def test_a_second_scan_says_when_the_member_was_checked_in(india_event, ticket, carol):
    first_time = timezone.now().replace(second=0, microsecond=0)
    check_in(india_event, ticket_token(ticket), carol.user, now=first_time)

    again = check_in(
        india_event, ticket_token(ticket), carol.user, now=first_time + timedelta(hours=1)
    )

    # The date and time as the door list shows them, not a bare "20:21".
    local = formats.date_format(timezone.localtime(first_time, india_event.zone), "DATETIME_FORMAT")
    assert not again.ok
    assert again.message == f"Alice Anand is already checked in ({local})."
    ticket.refresh_from_db()
    assert ticket.checked_in_at == first_time


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: token.replace(token.split(":")[1], str(int(token.split(":")[1]) + 1), 1),
        lambda token: token.split(":", 2)[0] + ":" + token.split(":", 2)[1],  # no signature
        lambda token: "",
        lambda token: "x" * 5000,
        lambda token: "<script>alert(1)</script>",
    ],
    ids=["signature", "rsvp-id", "unsigned", "empty", "huge", "html"],
)
def test_a_forged_or_damaged_code_is_refused(india_event, ticket, carol, tamper):
    result = check_in(india_event, tamper(ticket_token(ticket)), carol.user)

    assert not result.ok
    assert "not a valid ticket" in result.message
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_a_code_signed_with_another_salt_is_refused(india_event, ticket, carol):
    other = signing.Signer(salt=SALT + ".other").sign(f"{ticket.event_id}:{ticket.pk}")

    assert not check_in(india_event, other, carol.user).ok


def test_a_ticket_for_another_event_is_refused(make_event, india, india_event, ticket, carol):
    other_event = make_event(chapter=india)

    result = check_in(other_event, ticket_token(ticket), carol.user)

    assert not result.ok
    assert result.message == "This ticket is for another event."
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None


def test_a_cancelled_seat_cannot_be_checked_in(india_event, ticket, alice, carol):
    token = ticket_token(ticket)
    respond(india_event, alice, going=False)

    result = check_in(india_event, token, carol.user)

    assert not result.ok
    assert "does not have a confirmed seat" in result.message


def test_the_japanese_page_checks_in_against_the_same_event(india_event, ticket, carol, ja):
    japanese = india_event.get_translation(ja).specific

    assert check_in(japanese, ticket_token(ticket), carol.user).ok


# The pages.


def test_a_confirmed_attendee_sees_their_qr_code(client, india_event, ticket, alice):
    client.force_login(alice.user)

    html = client.get(india_event.url + "rsvp/").content.decode()

    assert 'src="data:image/svg+xml' in html
    assert ticket_token(ticket) in html


def test_a_waitlisted_member_has_no_ticket(client, make_event, make_member, alice):
    event = make_event(capacity=1)
    respond(event, make_member(), going=True)
    respond(event, alice, going=True)
    client.force_login(alice.user)

    html = client.get(event.url + "rsvp/").content.decode()

    assert "number 1 in line" in html
    assert "data:image/svg+xml" not in html


def test_the_organiser_checks_in_on_the_page(client, india_event, ticket, carol):
    client.force_login(carol.user)

    first = client.post(india_event.url + "check-in/", {"code": ticket_token(ticket)})
    second = client.post(india_event.url + "check-in/", {"code": ticket_token(ticket)})
    forged = client.post(india_event.url + "check-in/", {"code": ticket_token(ticket) + "x"})

    assert "Welcome, Alice Anand!" in first.content.decode()
    assert "already checked in (" in second.content.decode()
    assert "not a valid ticket" in forged.content.decode()
    assert RSVP.objects.get(pk=ticket.pk).checked_in_at is not None


def test_check_in_page_has_a_scanner_and_a_text_field(client, india_event, carol):
    client.force_login(carol.user)

    html = client.get(india_event.url + "check-in/").content.decode()

    assert 'name="code"' in html
    assert 'id="check-in-scan"' in html
    assert "js/events.js" in html


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_members_who_do_not_organise_cannot_check_people_in(
    client, india_event, ticket, alice, bob, who
):
    client.force_login({"alice": alice, "bob": bob}[who].user)

    response = client.post(india_event.url + "check-in/", {"code": ticket_token(ticket)})

    assert response.status_code == 403
    assert RSVP.objects.get(pk=ticket.pk).checked_in_at is None


def test_a_coordinator_of_another_chapter_cannot_check_in(client, make_event, thailand, carol):
    event = make_event(chapter=thailand)

    response = client.get(event.url + "check-in/")
    client.force_login(carol.user)
    denied = client.get(event.url + "check-in/")

    assert response.status_code == 302  # visitors go to sign in
    assert denied.status_code == 403


def test_marking_present_by_hand_follows_the_same_rules(client, india_event, ticket, carol):
    client.force_login(carol.user)

    client.post(india_event.url + "attendees/", {"rsvp": ticket.pk})
    again = client.post(india_event.url + "attendees/", {"rsvp": ticket.pk}, follow=True)
    nonsense = client.post(india_event.url + "attendees/", {"rsvp": "abc"}, follow=True)

    assert RSVP.objects.get(pk=ticket.pk).status == RSVPStatus.GOING
    assert RSVP.objects.get(pk=ticket.pk).checked_in_at is not None
    assert "already checked in (" in again.content.decode()
    assert nonsense.status_code == 200

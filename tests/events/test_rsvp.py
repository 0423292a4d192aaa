"""RSVP: seats, the waitlist and its automatic promotion, deadlines, and the one-answer rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from club.events.attendance import RSVPRefused, availability, fill_free_seats, respond
from club.events.models import RSVP, EventPage, RSVPStatus
from club.members.models import MemberStatus
from tests.events.conftest import at


def rsvp_url(event: EventPage) -> str:
    return event.url + "rsvp/"


def test_going_takes_a_seat(make_event, alice):
    event = make_event(capacity=2)

    outcome = respond(event, alice, going=True)

    assert outcome.changed
    assert outcome.rsvp.status == RSVPStatus.GOING
    assert availability(event).left == 1


def test_when_full_the_next_member_joins_the_waitlist_in_order(make_event, make_member):
    event = make_event(capacity=1)
    first, second, third = make_member(), make_member(), make_member()

    statuses = [respond(event, m, going=True).rsvp.status for m in (first, second, third)]

    assert statuses == [RSVPStatus.GOING, RSVPStatus.WAITLIST, RSVPStatus.WAITLIST]
    waiting = list(RSVP.objects.filter(event=event).waitlist().values_list("member", flat=True))
    assert waiting == [second.pk, third.pk]


def test_cancelling_a_seat_promotes_the_first_on_the_waitlist(make_event, make_member):
    event = make_event(capacity=1)
    holder, next_in_line, later = make_member(), make_member(), make_member()
    for member in (holder, next_in_line, later):
        respond(event, member, going=True)

    outcome = respond(event, holder, going=False)

    assert outcome.rsvp.status == RSVPStatus.CANCELLED
    assert [r.member_id for r in outcome.promoted] == [next_in_line.pk]
    assert RSVP.objects.get(event=event, member=next_in_line).status == RSVPStatus.GOING
    assert RSVP.objects.get(event=event, member=later).status == RSVPStatus.WAITLIST


def test_leaving_the_waitlist_promotes_nobody(make_event, make_member):
    event = make_event(capacity=1)
    holder, waiting = make_member(), make_member()
    respond(event, holder, going=True)
    respond(event, waiting, going=True)

    outcome = respond(event, waiting, going=False)

    assert outcome.rsvp.status == RSVPStatus.CANCELLED
    assert outcome.promoted == []
    assert availability(event).going == 1


def test_a_newcomer_does_not_jump_the_waitlist(make_event, make_member):
    event = make_event(capacity=1)
    holder, waiting = make_member(), make_member()
    respond(event, holder, going=True)
    respond(event, waiting, going=True)
    # Someone frees a seat while the waitlist exists: it goes to the queue, not to a newcomer.
    respond(event, holder, going=False)

    newcomer = respond(event, make_member(), going=True)

    assert RSVP.objects.get(event=event, member=waiting).status == RSVPStatus.GOING
    assert newcomer.rsvp.status == RSVPStatus.WAITLIST


def test_answering_going_twice_changes_nothing(make_event, alice):
    event = make_event(capacity=5)
    respond(event, alice, going=True)

    again = respond(event, alice, going=True)

    assert not again.changed
    assert RSVP.objects.filter(event=event, member=alice).count() == 1


def test_not_going_without_a_seat_is_recorded_as_not_going(make_event, alice):
    event = make_event()

    outcome = respond(event, alice, going=False)

    assert outcome.rsvp.status == RSVPStatus.NOT_GOING


def test_a_member_who_cancelled_can_come_back_if_a_seat_is_free(make_event, alice):
    event = make_event(capacity=1)
    respond(event, alice, going=True)
    respond(event, alice, going=False)

    outcome = respond(event, alice, going=True)

    assert outcome.rsvp.status == RSVPStatus.GOING


def test_unlimited_capacity_never_waitlists(make_event, make_member):
    event = make_event(capacity=None)

    statuses = {respond(event, make_member(), going=True).rsvp.status for _ in range(5)}

    assert statuses == {RSVPStatus.GOING}
    assert availability(event).left is None


def test_the_database_allows_one_rsvp_per_member_per_event(make_event, alice):
    event = make_event()
    RSVP.objects.create(event=event, member=alice, status=RSVPStatus.GOING)

    with pytest.raises(IntegrityError), transaction.atomic():
        RSVP.objects.create(event=event, member=alice, status=RSVPStatus.NOT_GOING)


def test_japanese_and_english_pages_share_the_same_seats(make_event, make_member):
    event = make_event(capacity=1)
    japanese = event.get_translation(_ja())
    respond(japanese.specific, make_member(), going=True)

    outcome = respond(event, make_member(), going=True)

    assert outcome.rsvp.status == RSVPStatus.WAITLIST
    assert RSVP.objects.filter(event=event).count() == 2  # all on the original page


def _ja():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="ja")


def test_going_after_the_deadline_is_refused_with_the_date(make_event, alice):
    event = make_event(rsvp_deadline=timezone.now() + timedelta(days=1))

    with pytest.raises(RSVPRefused, match="closed on"):
        respond(event, alice, going=True, now=timezone.now() + timedelta(days=2))
    assert not RSVP.objects.filter(event=event).exists()


def test_the_closed_notice_names_the_zone_for_people(make_event, alice):
    event = make_event(time_zone="Asia/Kolkata", rsvp_deadline=timezone.now() + timedelta(days=1))

    with pytest.raises(RSVPRefused, match=r"\(India Standard Time \(UTC\+5:30\)\)\.$"):
        respond(event, alice, going=True, now=timezone.now() + timedelta(days=2))


def test_the_deadline_defaults_to_the_start(make_event, alice):
    event = make_event()

    with pytest.raises(RSVPRefused, match="closed on"):
        respond(event, alice, going=True, now=at(event, minutes=1))


def test_a_past_event_refuses_every_answer(make_event, alice):
    event = make_event(days=-3)

    with pytest.raises(RSVPRefused, match="over"):
        respond(event, alice, going=True)
    with pytest.raises(RSVPRefused, match="over"):
        respond(event, alice, going=False)


def test_a_seat_given_back_after_the_start_promotes_nobody(make_event, make_member):
    event = make_event(capacity=1)
    holder, waiting = make_member(), make_member()
    respond(event, holder, going=True)
    respond(event, waiting, going=True)

    outcome = respond(event, holder, going=False, now=at(event, minutes=30))

    assert outcome.promoted == []
    assert RSVP.objects.get(member=waiting, event=event).status == RSVPStatus.WAITLIST


def test_pending_members_cannot_answer(make_event, make_member):
    member = make_member(status=MemberStatus.PENDING)

    with pytest.raises(RSVPRefused):
        respond(make_event(), member, going=True)


def test_a_larger_capacity_seats_people_from_the_waitlist(make_event, make_member):
    event = make_event(capacity=1)
    members = [make_member() for _ in range(3)]
    for member in members:
        respond(event, member, going=True)
    event.capacity = 2

    event.save_revision().publish()  # as an editor in the admin would

    assert RSVP.objects.get(event=event, member=members[1]).status == RSVPStatus.GOING
    assert RSVP.objects.get(event=event, member=members[2]).status == RSVPStatus.WAITLIST
    assert fill_free_seats(event) == []


def test_a_smaller_capacity_keeps_confirmed_seats(make_event, make_member):
    event = make_event(capacity=3)
    for _ in range(3):
        respond(event, make_member(), going=True)
    event.capacity = 1
    event.save_revision().publish()

    assert availability(event).going == 3
    assert availability(event).left == 0
    assert respond(event, make_member(), going=True).rsvp.status == RSVPStatus.WAITLIST


# Through the pages.


def test_rsvp_by_post_records_the_answer_and_says_so(client, make_event, alice):
    event = make_event(capacity=3)
    client.force_login(alice.user)

    response = client.post(rsvp_url(event), {"answer": "going"}, follow=True)

    assert response.status_code == 200
    assert RSVP.objects.get(event=event, member=alice).status == RSVPStatus.GOING
    assert "You are going" in response.content.decode()


def test_rsvp_through_the_japanese_page_counts_for_the_event(client, make_event, alice):
    event = make_event(capacity=3)
    japanese = event.get_translation(_ja())
    client.force_login(alice.user)

    response = client.post(japanese.url + "rsvp/", {"answer": "going"})

    assert response.status_code == 302
    assert RSVP.objects.get(member=alice).event_id == event.pk


def test_rsvp_after_the_deadline_is_refused_with_a_message(client, make_event, alice):
    event = make_event(days=-0.01, hours=5)  # started a quarter of an hour ago
    client.force_login(alice.user)

    response = client.post(rsvp_url(event), {"answer": "going"}, follow=True)

    assert response.status_code == 200
    assert "RSVPs for this event closed on" in response.content.decode()
    assert not RSVP.objects.filter(event=event).exists()


def test_rsvp_to_a_past_event_is_refused_with_a_message(client, make_event, alice):
    event = make_event(days=-10)
    client.force_login(alice.user)

    response = client.post(rsvp_url(event), {"answer": "going"}, follow=True)

    assert "This event is over" in response.content.decode()
    assert not RSVP.objects.filter(event=event).exists()


@pytest.mark.parametrize("answer", ["", "maybe", "going" * 100])
def test_a_bad_answer_is_a_message_not_an_error(client, make_event, alice, answer):
    event = make_event()
    client.force_login(alice.user)

    response = client.post(rsvp_url(event), {"answer": answer}, follow=True)

    assert response.status_code == 200
    assert "Please choose whether you are going." in response.content.decode()


def test_visitors_are_sent_to_sign_in_before_answering(client, make_event):
    event = make_event()

    response = client.post(rsvp_url(event), {"answer": "going"})

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not RSVP.objects.exists()


def test_staff_without_a_profile_are_told_rsvps_are_for_members(client, make_event, jess):
    event = make_event()
    client.force_login(jess)

    page = client.get(rsvp_url(event))
    posted = client.post(rsvp_url(event), {"answer": "going"}, follow=True)

    assert "RSVPs are for club members" in page.content.decode()
    assert "Only active club members" in posted.content.decode()
    assert not RSVP.objects.exists()


def test_the_event_page_shows_places_left_and_the_waitlist(client, make_event, make_member, alice):
    event = make_event(capacity=1)
    respond(event, make_member(), going=True)
    respond(event, make_member(), going=True)
    client.force_login(alice.user)

    html = client.get(event.url).content.decode()

    assert "All places are taken" in html
    assert "1 person on the waitlist" in html
    assert "Join the waitlist" in html

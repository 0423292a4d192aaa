"""The online join link is in the HTML only for members with a confirmed seat."""

from __future__ import annotations

import pytest

from club.events.attendance import respond

JOIN = "https://meet.example.org/secret-room-42"


@pytest.fixture
def online_event(make_event, india):
    return make_event(chapter=india, capacity=1, mode="hybrid", join_url=JOIN)


def html_for(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url).content.decode()


def test_visitors_never_receive_the_link(client, online_event):
    assert JOIN not in html_for(client, None, online_event.url)


def test_members_without_a_seat_never_receive_the_link(client, online_event, alice):
    html = html_for(client, alice.user, online_event.url)

    assert JOIN not in html
    assert "shown here to members with a confirmed seat" in html


def test_waitlisted_members_never_receive_the_link(client, online_event, make_member, alice):
    respond(online_event, make_member(), going=True)
    respond(online_event, alice, going=True)

    assert JOIN not in html_for(client, alice.user, online_event.url)
    assert JOIN not in html_for(client, alice.user, online_event.url + "rsvp/")


def test_confirmed_members_see_the_link_in_both_languages(client, online_event, alice, ja):
    respond(online_event, alice, going=True)
    japanese = online_event.get_translation(ja)

    assert JOIN in html_for(client, alice.user, online_event.url)
    assert JOIN in html_for(client, alice.user, online_event.url + "rsvp/")
    assert JOIN in html_for(client, alice.user, japanese.url)


def test_the_link_goes_away_when_the_seat_is_given_back(client, online_event, alice):
    respond(online_event, alice, going=True)
    respond(online_event, alice, going=False)

    assert JOIN not in html_for(client, alice.user, online_event.url)


def test_organisers_without_a_seat_do_not_see_it_on_the_page(client, online_event, carol):
    assert JOIN not in html_for(client, carol.user, online_event.url)


def test_the_public_calendar_file_has_no_link(client, online_event):
    response = client.get(online_event.url + "calendar/")

    assert response.status_code == 200
    assert JOIN not in response.content.decode()


def test_in_person_events_show_no_online_section(client, make_event, alice):
    event = make_event(mode="in_person", join_url=JOIN)
    respond(event, alice, going=True)

    html = html_for(client, alice.user, event.url)

    assert JOIN not in html

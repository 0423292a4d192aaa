"""Organising: coordinators create and edit their own chapter's events; JST staff every event."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from club.events.attendance import respond
from club.events.models import RSVP, EventPage, RSVPStatus

MANAGE = "/en/events/manage/"
NEW = "/en/events/manage/new/"


def form_data(**overrides) -> dict:
    data = {
        "title_en": "Pune alumni evening",
        "title_ja": "プネー同窓会",
        "summary_en": "An evening for alumni in Pune.",
        "summary_ja": "",
        "time_zone": "Asia/Kolkata",
        "start": "2027-03-06T18:00",
        "end": "2027-03-06T21:00",
        "rsvp_deadline": "",
        "capacity": "25",
        "mode": "in_person",
        "venue_en": "IISER Pune",
        "venue_ja": "",
        "address": "Pashan, Pune",
        "map_url": "",
        "join_url": "",
        "agenda_en": "18:00-18:30 | Welcome | Dr. Rao\n18:30 | Dinner",
        "agenda_ja": "",
        "image_alt": "",
        "report": "",
    }
    data.update(overrides)
    return data


def test_a_coordinator_creates_an_event_for_their_chapter_in_both_languages(
    client, demo_site, india, carol
):
    client.force_login(carol.user)

    response = client.post(NEW, form_data(chapter=india.pk))

    assert response.status_code == 302
    english = EventPage.objects.get(title="Pune alumni evening")
    japanese = EventPage.objects.get(
        translation_key=english.translation_key, locale__language_code="ja"
    )
    assert english.live and japanese.live
    assert english.chapter == india
    assert japanese.title == "プネー同窓会"
    assert japanese.summary == "An evening for alumni in Pune."  # falls back to English
    assert english.start == datetime(2027, 3, 6, 18, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert english.capacity == 25
    sessions = [block.value for block in english.agenda]
    assert [s["title"] for s in sessions] == ["Welcome", "Dinner"]
    assert sessions[0]["speakers"] == "Dr. Rao"
    assert english.get_latest_revision().user == carol.user
    assert response["Location"] == english.url


def test_a_coordinator_cannot_create_an_event_for_another_chapter(
    client, demo_site, thailand, carol
):
    client.force_login(carol.user)

    response = client.post(NEW, form_data(chapter=thailand.pk))

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not EventPage.objects.filter(title="Pune alumni evening").exists()


def test_a_coordinator_must_name_a_chapter(client, demo_site, carol):
    client.force_login(carol.user)

    response = client.post(NEW, form_data(chapter=""))

    assert response.status_code == 200
    assert not EventPage.objects.filter(title="Pune alumni evening").exists()


def test_a_coordinator_cannot_edit_a_thailand_event(client, make_event, thailand, carol):
    event = make_event(chapter=thailand, title="Bangkok evening")
    client.force_login(carol.user)

    opened = client.get(f"{MANAGE}{event.pk}/")
    posted = client.post(f"{MANAGE}{event.pk}/", form_data(chapter=thailand.pk, title_en="Hacked"))

    assert opened.status_code == 403
    assert posted.status_code == 403
    assert EventPage.objects.get(pk=event.pk).title == "Bangkok evening"


def test_a_coordinator_cannot_move_their_event_to_another_chapter(
    client, make_event, india, thailand, carol
):
    event = make_event(chapter=india)
    client.force_login(carol.user)

    response = client.post(f"{MANAGE}{event.pk}/", form_data(chapter=thailand.pk))

    assert response.status_code == 200
    assert EventPage.objects.get(pk=event.pk).chapter == india


def test_a_coordinator_edits_their_chapters_event_in_both_languages(
    client, make_event, india, carol, ja
):
    event = make_event(chapter=india, title="Old title")
    client.force_login(carol.user)

    form = client.get(f"{MANAGE}{event.pk}/").content.decode()
    response = client.post(
        f"{MANAGE}{event.pk}/",
        form_data(chapter=india.pk, title_en="New title", title_ja="新しい題"),
    )

    assert 'value="Old title"' in form
    assert response.status_code == 302
    assert EventPage.objects.get(pk=event.pk).title == "New title"
    assert event.get_translation(ja).title == "新しい題"
    assert EventPage.objects.filter(translation_key=event.translation_key).count() == 2


def test_staff_edit_any_event_and_may_host_without_a_chapter(client, make_event, thailand, jess):
    event = make_event(chapter=thailand)
    client.force_login(jess)

    edited = client.post(
        f"{MANAGE}{event.pk}/", form_data(chapter=thailand.pk, title_en="JST edit")
    )
    created = client.post(NEW, form_data(chapter="", title_en="JST evening"))

    assert edited.status_code == 302
    assert EventPage.objects.get(pk=event.pk).title == "JST edit"
    assert created.status_code == 302
    assert EventPage.objects.get(title="JST evening").chapter is None


@pytest.mark.parametrize("who", ["anonymous", "alice", "bob"])
def test_members_who_coordinate_nothing_cannot_organise(client, demo_site, alice, bob, who):
    if who != "anonymous":
        client.force_login({"alice": alice, "bob": bob}[who].user)

    listing = client.get(MANAGE)
    new = client.post(NEW, form_data())

    expected = 302 if who == "anonymous" else 403
    assert listing.status_code == expected
    assert new.status_code == expected
    assert not EventPage.objects.filter(title="Pune alumni evening").exists()


def test_the_manage_list_shows_only_the_coordinators_events(
    client, make_event, india, thailand, carol
):
    make_event(chapter=india, title="Our India event")
    make_event(chapter=thailand, title="Their Thailand event")
    client.force_login(carol.user)

    html = client.get(MANAGE).content.decode()

    assert "Our India event" in html
    assert "Their Thailand event" not in html


def test_the_zone_choices_name_each_zone_for_people(client, demo_site, carol):
    client.force_login(carol.user)

    html = client.get(NEW).content.decode()

    assert '<option value="Asia/Kolkata">Asia/Kolkata – India Standard Time (UTC+5:30)' in html
    assert '<option value="Asia/Tokyo" selected>Asia/Tokyo – Japan Standard Time (UTC+9)' in html


def test_an_unknown_event_id_is_not_found(client, demo_site, jess):
    client.force_login(jess)

    assert client.get(f"{MANAGE}999999/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end": "2027-03-06T17:00"}, "cannot end before it starts"),
        ({"rsvp_deadline": "2027-03-07T10:00"}, "must be before the end"),
        ({"start": "not a date"}, "Enter a valid date/time"),
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice"),
        ({"capacity": "0"}, "greater than or equal to 1"),
        ({"capacity": "lots"}, "Enter a whole number"),
        ({"map_url": "javascript:alert(1)"}, "Enter a valid URL"),
        ({"venue_en": ""}, "Say where the event takes place"),
        ({"agenda_en": "soon | Welcome"}, "Line 1: start with a time"),
        ({"agenda_en": "10:00 | Welcome\n25:00 | Late"}, "Line 2: start with a time"),
        ({"agenda_en": "10:00"}, "Line 1: add a title"),
        ({"title_en": ""}, "This field is required"),
        ({"start": "0001-01-01T00:00"}, "Choose a date between 1990 and 2100"),
        ({"end": "9999-12-31T23:59"}, "Choose a date between 1990 and 2100"),
        ({"rsvp_deadline": "0001-01-01T00:00"}, "Choose a date between 1990 and 2100"),
    ],
)
def test_bad_input_is_explained_on_the_form(client, demo_site, india, carol, overrides, message):
    client.force_login(carol.user)

    response = client.post(NEW, form_data(chapter=india.pk, **overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.filter(title="Pune alumni evening").exists()


def test_a_truncated_image_is_refused_on_the_form(client, demo_site, india, carol):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    picture = BytesIO()
    Image.new("RGB", (400, 300), "pink").save(picture, "PNG")
    cut = SimpleUploadedFile("cut.png", picture.getvalue()[:200], content_type="image/png")
    client.force_login(carol.user)

    response = client.post(NEW, {**form_data(chapter=india.pk, image_alt="x"), "image": cut})

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not EventPage.objects.filter(title="Pune alumni evening").exists()


def test_a_typed_id_that_is_not_ascii_digits_is_a_message_not_an_error(
    client, make_event, india, carol
):
    event = make_event(chapter=india)
    client.force_login(carol.user)

    response = client.post(event.url + "attendees/", {"rsvp": "²"}, follow=True)

    assert response.status_code == 200
    assert "Choose someone on the list" in response.content.decode()


def test_a_bad_image_upload_is_refused_on_the_form(client, demo_site, india, carol):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(carol.user)
    fake = SimpleUploadedFile("photo.jpg", b"not an image", content_type="image/jpeg")

    response = client.post(NEW, {**form_data(chapter=india.pk, image_alt="x"), "image": fake})

    assert response.status_code == 200
    assert not EventPage.objects.filter(title="Pune alumni evening").exists()


def test_raising_the_capacity_seats_the_waitlist(client, make_event, make_member, india, carol):
    event = make_event(
        chapter=india, capacity=1, start=datetime(2027, 3, 6, 12, 30, tzinfo=ZoneInfo("UTC"))
    )
    respond(event, make_member(), going=True)
    waiting = respond(event, make_member(), going=True).rsvp
    client.force_login(carol.user)

    client.post(f"{MANAGE}{event.pk}/", form_data(chapter=india.pk, capacity="2"))

    assert RSVP.objects.get(pk=waiting.pk).status == RSVPStatus.GOING

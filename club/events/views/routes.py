"""The sub-URLs of the events index (listing, calendars, organisers' area) and of each event."""

from __future__ import annotations

from club.events.views import manage, organisers, public
from club.page_routes import page_route

EVENT_INDEX_ROUTES = [
    page_route("", public.listing, name="listing"),
    page_route("calendar/<slug:chapter>/", public.chapter_calendar, name="chapter-calendar"),
    page_route("manage/", manage.manage_list, name="manage"),
    page_route("manage/new/", manage.edit_event, name="create"),
    page_route("manage/<int:event_id>/", manage.edit_event, name="edit"),
]

EVENT_ROUTES = [
    page_route("", public.event_detail, name="detail"),
    page_route("rsvp/", public.rsvp, name="rsvp"),
    page_route("calendar/", public.event_calendar, name="ics"),
    page_route("attendees/", organisers.attendees, name="attendees"),
    page_route("attendees/csv/", organisers.attendees_csv, name="attendees-csv"),
    page_route("check-in/", organisers.check_in, name="check-in"),
]

"""The organisers' pages of an event: the door list, its CSV export, and check-in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from club.bounds import parse_id
from club.events import attendance
from club.events.checkin import check_in as check_in_ticket
from club.events.checkin import check_in_by_hand
from club.events.door_list import checked_in_count, door_list, door_list_csv
from club.events.models import EventPage, RSVPStatus
from club.events.permissions import can_organise
from club.events.views.public import subpage_url


def _refuse_unless_organiser(request: HttpRequest, event: EventPage) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_organise(request.user, event):
        raise PermissionDenied(_("Only this event's organisers can open this page."))
    return None


def _context(request: HttpRequest, event: EventPage) -> dict[str, Any]:
    return {
        "page": event,
        "attendees_url": subpage_url(request, event, "attendees"),
        "csv_url": subpage_url(request, event, "attendees-csv"),
        "check_in_url": subpage_url(request, event, "check-in"),
        "availability": attendance.availability(event),
        "checked_in_count": checked_in_count(event),
    }


def attendees(request: HttpRequest, event: EventPage) -> HttpResponse:
    """The door list; POST marks a guest present by hand (no code at hand)."""
    refusal = _refuse_unless_organiser(request, event)
    if refusal:
        return refusal
    if request.method == "POST":
        rsvp_id = parse_id(request.POST.get("rsvp", ""))
        if rsvp_id is None:
            messages.error(request, _("Choose someone on the list."))
        else:
            result = check_in_by_hand(event, rsvp_id, request.user)
            (messages.success if result.ok else messages.error)(request, result.message)
        return HttpResponseRedirect(subpage_url(request, event, "attendees"))
    rows = door_list(event)
    context = {**_context(request, event), "rows": rows, "statuses": RSVPStatus}
    return TemplateResponse(request, "events/attendees.html", context)


def attendees_csv(request: HttpRequest, event: EventPage) -> HttpResponse:
    refusal = _refuse_unless_organiser(request, event)
    if refusal:
        return refusal
    response = HttpResponse(door_list_csv(event), content_type="text/csv; charset=utf-8")
    filename = f"{event.canonical.slug or 'event'}-attendees.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def check_in(request: HttpRequest, event: EventPage) -> HttpResponse:
    """Scan or type a ticket code; the result is shown at once, ready for the next guest."""
    refusal = _refuse_unless_organiser(request, event)
    if refusal:
        return refusal
    result = None
    if request.method == "POST":
        result = check_in_ticket(event, request.POST.get("code", ""), request.user)
    context = {**_context(request, event), "result": result}
    return TemplateResponse(request, "events/check_in.html", context)

"""What members and visitors see: listings, the event page, RSVPs and calendar files."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from club.events import attendance
from club.events.calendar import CONTENT_TYPE, calendar_bytes, event_ics, ics_filename
from club.events.checkin import ticket_qr_data_uri, ticket_token
from club.events.listings import PAST_PER_PAGE, EventFilter, host_chapters, host_countries
from club.events.models import RSVP, EventIndexPage, EventPage, RSVPStatus
from club.events.permissions import can_create_events, can_organise
from club.members.models import Chapter
from club.members.roles import active_member
from club.pagination import page_or_404


def subpage_url(request: HttpRequest, page: Page, name: str, **kwargs: Any) -> str:
    """The URL of one of a routable page's routes, e.g. an event's RSVP page."""
    # Wagtail's Page is untyped.
    return cast(str, (page.get_url(request) or "/") + page.reverse_subpage(name, kwargs=kwargs))


def listing(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    """Upcoming and past events, optionally of one chapter or country."""
    chosen = EventFilter.from_query(request.GET)
    now = timezone.now()
    events = index.events()
    chapters = host_chapters(events.live().public().filter(locale_id=index.locale_id))
    past = page_or_404(
        chosen.apply(events.past(index.locale_id, now)), request.GET.get("page"), PAST_PER_PAGE
    )
    response: HttpResponse = index.render(
        request,
        context_overrides={
            "filter": chosen,
            "upcoming_events": chosen.apply(events.upcoming(index.locale_id, now)),
            "past_events": past,
            "chapters": chapters,
            "countries": host_countries(chapters),
            "can_create_events": can_create_events(request.user),
        },
    )
    return response


def chapter_calendar(request: HttpRequest, index: EventIndexPage, chapter: str) -> HttpResponse:
    """A chapter's upcoming events (``chapter``: its slug) as an iCalendar feed to subscribe to."""
    host = get_object_or_404(Chapter, slug=chapter)
    events = index.events().upcoming(index.locale, timezone.now()).hosted_by(host)
    name = f"{_('Sakura Science Club')}: {host.localized_name}"
    response = HttpResponse(calendar_bytes(events, name=name), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{host.slug}.ics"'
    return response


def event_calendar(request: HttpRequest, event: EventPage) -> HttpResponse:
    """The event as an .ics file (never with the join link: this file is public)."""
    response = HttpResponse(event_ics(event), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(event)}"'
    return response


def _rsvp_context(request: HttpRequest, event: EventPage) -> dict[str, Any]:
    """What the event page and the RSVP page show about the viewer's answer."""
    canonical = event.canonical
    member = active_member(request.user)
    rsvp = RSVP.objects.filter(event=canonical, member=member).first() if member else None
    confirmed = rsvp is not None and rsvp.status == RSVPStatus.GOING
    return {
        "member": member,
        "rsvp": rsvp,
        "confirmed": confirmed,
        # The join link exists in the HTML only for a confirmed seat, never hidden by CSS.
        "join_url": canonical.join_url if confirmed and canonical.is_online else "",
        "availability": attendance.availability(canonical),
        "closed_reason": attendance.closed_reason(canonical),
        "is_over": timezone.now() >= canonical.end,
        "waitlist_position": attendance.waitlist_position(rsvp) if rsvp else None,
        "can_organise": can_organise(request.user, event),
        "rsvp_url": subpage_url(request, event, "rsvp"),
    }


def event_detail(request: HttpRequest, event: EventPage) -> HttpResponse:
    context = _rsvp_context(request, event)
    if context["can_organise"]:
        index = event.get_parent().specific
        context["edit_url"] = subpage_url(request, index, "edit", event_id=event.pk)
    context["report"] = event.localized_report()
    context["ics_url"] = subpage_url(request, event, "ics")
    response: HttpResponse = event.render(request, context_overrides=context)
    return response


ANSWERS = {"going": True, "not_going": False}


def rsvp(request: HttpRequest, event: EventPage) -> HttpResponse:
    """The member's own RSVP: their answer, ticket (QR code) and join link; POST answers."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        return _answer(request, event)
    context = _rsvp_context(request, event)
    rsvp = context["rsvp"]
    if context["confirmed"] and not context["is_over"]:
        context["qr_code"] = ticket_qr_data_uri(rsvp)
        context["ticket_code"] = ticket_token(rsvp)
    return TemplateResponse(request, "events/rsvp.html", {**context, "page": event})


def _answer(request: HttpRequest, event: EventPage) -> HttpResponse:
    back = HttpResponseRedirect(subpage_url(request, event, "rsvp"))
    answer = request.POST.get("answer", "")
    if answer not in ANSWERS:
        messages.error(request, _("Please choose whether you are going."))
        return back
    try:
        outcome = attendance.respond(event, active_member(request.user), going=ANSWERS[answer])
    except attendance.RSVPRefused as refusal:
        messages.error(request, refusal.message)
        return back
    status = outcome.rsvp.status
    if not outcome.changed:
        messages.info(request, _("Your answer was already recorded."))
    elif status == RSVPStatus.GOING:
        messages.success(request, _("You are going. A confirmation is on its way by email."))
    elif status == RSVPStatus.WAITLIST:
        messages.warning(
            request,
            _("The event is full, so you are on the waitlist. We will email you if a seat frees."),
        )
    elif status == RSVPStatus.CANCELLED:
        messages.success(request, _("You have given back your place. Thank you for telling us."))
    else:
        messages.success(request, _("Thank you; we have noted that you are not going."))
    return back

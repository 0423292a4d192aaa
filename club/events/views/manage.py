"""The organisers' area: the events they may run, and the form to create or edit one.

Coordinators work here for their own chapters' events; JST staff for every event
(they also have the Wagtail admin). Permissions come from club.events.permissions.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from club.events.editing import event_versions, save_event
from club.events.forms import EventForm
from club.events.models import EventIndexPage, EventPage
from club.events.permissions import can_create_events, can_organise, organised_chapters
from club.events.views.public import subpage_url
from club.members.roles import manages_all_events


def manage_list(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    """Every event the user organises, newest first, with links to run it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_create_events(request.user):
        raise PermissionDenied(_("Only chapter coordinators and JST staff organise events."))
    events = EventPage.objects.child_of(index).select_related("chapter").order_by("-start")
    if not manages_all_events(request.user):
        events = events.filter(chapter__in=organised_chapters(request.user))
    now = timezone.now()
    rows = [
        {
            "event": event,
            "is_past": event.end < now,
            "edit_url": subpage_url(request, index, "edit", event_id=event.pk),
            "attendees_url": subpage_url(request, event, "attendees"),
            "check_in_url": subpage_url(request, event, "check-in"),
        }
        for event in events
    ]
    context = {
        "page": index,
        "rows": rows,
        "create_url": subpage_url(request, index, "create"),
        "chapters": organised_chapters(request.user),
    }
    return TemplateResponse(request, "events/manage/list.html", context)


def _event_in(index: EventIndexPage, event_id: int) -> EventPage:
    event = EventPage.objects.filter(pk=event_id).select_related("locale").first()
    if event is None or event.get_parent().translation_key != index.translation_key:
        raise Http404("No such event")
    return event


def edit_event(
    request: HttpRequest, index: EventIndexPage, event_id: int | None = None
) -> HttpResponse:
    """Create (``event_id`` None) or edit an event; both languages are published on save."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = _event_in(index, event_id) if event_id is not None else None
    allowed = can_organise(request.user, event) if event else can_create_events(request.user)
    if not allowed:
        raise PermissionDenied(_("Only this chapter's coordinators and JST staff can do this."))

    initial = {}
    if event is not None:
        versions = event_versions(event)
        english = versions.get(settings.LANGUAGE_CODE) or event.canonical
        initial = EventForm.initial_for(english, versions.get("ja"))
    bound = request.method == "POST"
    form = EventForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        user=request.user,
        initial=initial,
    )
    if bound and form.is_valid():
        saved = save_event(index, form.cleaned_data, request.user, event)
        messages.success(request, _("The event is saved and published in both languages."))
        shown = saved.get_translation_or_none(index.locale) or saved
        return HttpResponseRedirect(shown.get_url(request))
    context = {
        "page": index,
        "form": form,
        "event": event,
        "manage_url": subpage_url(request, index, "manage"),
    }
    return TemplateResponse(request, "events/manage/form.html", context)

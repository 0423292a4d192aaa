"""The organisers' event form: both languages on one screen, times in the event's zone."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from club.bounds import validate_sane_date
from club.events.agenda import agenda_text, parse_agenda
from club.events.models import EventMode, EventPage
from club.events.permissions import organised_chapters
from club.events.times import zone_label
from club.members.roles import manages_all_events
from club.news.models import NewsPage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from club.members.models import Chapter


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, with a file that cannot be decoded (truncated, corrupt) a field
    error: Pillow raises OSError while Wagtail measures it, which became an HTTP 500."""

    def to_python(self, data: Any) -> Any:
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError) as error:
            raise forms.ValidationError(
                self.error_messages["invalid_image_known_format"], code="invalid_image"
            ) from error


DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
AGENDA_HELP = _(
    "One session per line: time | title | speakers | description, for example "
    "“10:00-10:30 | Opening remarks | Dr. Priya Rao | Welcome”. Times are in the event's zone."
)
LOCAL_TIMES = ("start", "end", "rsvp_deadline")


def _zones() -> list[tuple[str, str]]:
    # Organisers know their city's tz name; the readable name and offset confirm the choice.
    return [
        (zone, f"{zone} – {zone_label(zone)}")
        for zone in sorted(zoneinfo.available_timezones())
        if "/" in zone
    ]


class EventForm(forms.Form):
    """Creates or edits an event in English and Japanese (Japanese falls back to English)."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=255)
    title_ja = forms.CharField(label=_("Title (Japanese)"), max_length=255, required=False)
    summary_en = forms.CharField(
        label=_("Summary (English)"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    summary_ja = forms.CharField(
        label=_("Summary (Japanese)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    chapter: forms.ModelChoiceField[Chapter] = forms.ModelChoiceField(
        label=_("Hosting chapter"), queryset=None, required=False
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_zones, initial="Asia/Tokyo")
    start = forms.DateTimeField(
        label=_("Starts"), widget=DATETIME_INPUT, validators=[validate_sane_date]
    )
    end = forms.DateTimeField(
        label=_("Ends"), widget=DATETIME_INPUT, validators=[validate_sane_date]
    )
    rsvp_deadline = forms.DateTimeField(
        label=_("RSVP deadline"),
        required=False,
        widget=DATETIME_INPUT,
        validators=[validate_sane_date],
        help_text=_("Leave empty to take answers until the event starts."),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_("Leave empty for no limit. When full, members join a waitlist."),
    )
    mode = forms.ChoiceField(label=_("Format"), choices=EventMode.choices)
    venue_en = forms.CharField(label=_("Venue (English)"), max_length=250, required=False)
    venue_ja = forms.CharField(label=_("Venue (Japanese)"), max_length=250, required=False)
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    map_url = forms.URLField(
        label=_("Map link"), max_length=500, required=False, assume_scheme="https"
    )
    join_url = forms.URLField(
        label=_("Online join link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to members with a confirmed seat, and in their emails."),
    )
    agenda_en = forms.CharField(
        label=_("Agenda (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=AGENDA_HELP,
    )
    agenda_ja = forms.CharField(
        label=_("Agenda (Japanese)"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    image = DecodedImageField(label=_("Image"), required=False)
    image_alt = forms.CharField(label=_("Image description"), max_length=250, required=False)
    report: forms.ModelChoiceField[NewsPage] = forms.ModelChoiceField(
        label=_("Activity report"),
        queryset=NewsPage.objects.none(),
        required=False,
        help_text=_("Once the event has happened, link the news item that reports on it."),
    )

    FIELDSETS = (
        (_("What"), ("title_en", "title_ja", "summary_en", "summary_ja", "chapter")),
        (_("When"), ("time_zone", "start", "end", "rsvp_deadline", "capacity")),
        (_("Where"), ("mode", "venue_en", "venue_ja", "address", "map_url", "join_url")),
        (_("Agenda"), ("agenda_en", "agenda_ja")),
        (_("Image and report"), ("image", "image_alt", "report")),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chapter = cast("forms.ModelChoiceField[Chapter]", self.fields["chapter"])
        chapter.queryset = organised_chapters(user).order_by("name")
        if not manages_all_events(user):
            # Coordinators always host as one of their chapters; only JST hosts chapterless events.
            chapter.required = True
            chapter.empty_label = None
        report = cast("forms.ModelChoiceField[NewsPage]", self.fields["report"])
        report.queryset = (
            NewsPage.objects.live().filter(locale__language_code="en").order_by("-date")[:300]
        )

    def fieldsets(self) -> list[tuple[StrOrPromise, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_agenda_en(self) -> list[tuple[str, dict[str, Any]]]:
        return parse_agenda(self.cleaned_data.get("agenda_en", ""))

    def clean_agenda_ja(self) -> list[tuple[str, dict[str, Any]]]:
        return parse_agenda(self.cleaned_data.get("agenda_ja", ""))

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean returns cleaned_data, typed there as maybe None.
        data = self.cleaned_data
        zone_name = data.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in LOCAL_TIMES:
                # The browser sends wall-clock time; it means that time in the event's zone.
                if isinstance(data.get(name), datetime):
                    naive = (
                        timezone.make_naive(data[name])
                        if timezone.is_aware(data[name])
                        else data[name]
                    )
                    data[name] = naive.replace(tzinfo=zone)
        start, end, deadline = data.get("start"), data.get("end"), data.get("rsvp_deadline")
        if start and end and end < start:
            self.add_error("end", _("An event cannot end before it starts."))
        if deadline and end and deadline > end:
            self.add_error("rsvp_deadline", _("The RSVP deadline must be before the end."))
        mode = data.get("mode")
        if mode in (EventMode.IN_PERSON, EventMode.HYBRID) and not data.get("venue_en"):
            self.add_error("venue_en", _("Say where the event takes place."))
        if data.get("image") and not data.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        return data

    @staticmethod
    def initial_for(english: EventPage, japanese: EventPage | None) -> dict[str, Any]:
        """The form's initial values from an event's two language versions."""
        zone = english.zone

        def local(moment: datetime | None) -> datetime | None:
            return timezone.localtime(moment, zone).replace(tzinfo=None) if moment else None

        other = japanese or english
        return {
            "title_en": english.title,
            "title_ja": other.title if japanese else "",
            "summary_en": english.summary,
            "summary_ja": other.summary if japanese else "",
            "chapter": english.chapter_id,
            "time_zone": english.time_zone,
            "start": local(english.start),
            "end": local(english.end),
            "rsvp_deadline": local(english.rsvp_deadline),
            "capacity": english.capacity,
            "mode": english.mode,
            "venue_en": english.venue,
            "venue_ja": other.venue if japanese else "",
            "address": english.address,
            "map_url": english.map_url,
            "join_url": english.join_url,
            "agenda_en": agenda_text(english.agenda),
            "agenda_ja": agenda_text(other.agenda) if japanese else "",
            "image_alt": english.hero_image_alt,
            "report": english.report_id,
        }

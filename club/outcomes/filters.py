"""The dashboard's filters: a validated form that turns a query string into a Selection.

"Country" is the alumnus's nationality (the country they came from), not where they
live now; see docs/outcomes.md.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.models import Chapter, Institution
from club.members.programmes import Programme
from club.outcomes.models import Alumnus
from club.outcomes.queries import Selection
from club.outcomes.suppression import THRESHOLD

FIRST_COHORT = 2000
LAST_COHORT = 2100
# Nothing was recorded before the club existed; earlier "as of" days would all read zero.
FIRST_AS_OF = date(2000, 1, 1)
MAX_COVERAGE_YEARS = 20


def alumni_countries() -> list[tuple[str, str]]:
    """The nationalities of at least THRESHOLD counted alumni, by name in the active language.

    A list of all 249 ISO countries would mostly offer empty selections; and a country offered
    for one or two alumni would itself say that they exist.
    """
    present = set(
        Alumnus.objects.exclude(nationality="")
        .values("nationality")
        .annotate(people=Count("pk"))
        .filter(people__gte=THRESHOLD)
        .values_list("nationality", flat=True)
    )
    return [(code, str(name)) for code, name in countries if code in present]


if TYPE_CHECKING:
    _InstitutionField = forms.ModelChoiceField[Institution]
else:  # Django's fields are generic only in django-stubs.
    _InstitutionField = forms.ModelChoiceField


class InstitutionChoiceField(_InstitutionField):
    """Host institutions by their name in the active language."""

    def label_from_instance(self, obj: Institution) -> str:
        return obj.localized_name


class OutcomeFilterForm(forms.Form):
    """Country, programme, cohort range, host institution and chapter; all optional."""

    country = forms.ChoiceField(
        label=_("Country (nationality)"),
        required=False,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a country we know; pick one from the list.")
        },
    )
    programme = forms.ChoiceField(
        label=_("Programme"),
        required=False,
        choices=[("", _("All programmes")), *Programme.choices],
        error_messages={"invalid_choice": _("“%(value)s” is not a Sakura Science programme.")},
    )
    cohort_from = forms.IntegerField(
        label=_("Cohorts from (fiscal year)"),
        required=False,
        min_value=FIRST_COHORT,
        max_value=LAST_COHORT,
        error_messages={"invalid": _("Enter the cohort as a year, such as 2016.")},
    )
    cohort_to = forms.IntegerField(
        label=_("Cohorts to (fiscal year)"),
        required=False,
        min_value=FIRST_COHORT,
        max_value=LAST_COHORT,
        error_messages={"invalid": _("Enter the cohort as a year, such as 2019.")},
    )
    host = InstitutionChoiceField(
        label=_("Host institution in Japan"),
        required=False,
        queryset=Institution.objects.filter(country="JP").order_by("name"),
        empty_label=_("All host institutions"),
        error_messages={"invalid_choice": _("That host institution does not exist.")},
    )
    chapter = forms.ModelChoiceField(
        label=_("Chapter"),
        required=False,
        queryset=Chapter.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All chapters"),
        error_messages={"invalid_choice": _("That chapter does not exist.")},
    )

    as_of = forms.DateField(
        label=_("Figures as of (date)"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Count only what was on record at the end of that day, so the figures stay the"
            " same later. Empty: today."
        ),
        error_messages={"invalid": _("Enter the date as year-month-day, such as 2026-03-31.")},
    )
    coverage_years = forms.IntegerField(
        label=_("Known status within (years)"),
        required=False,
        min_value=1,
        max_value=MAX_COVERAGE_YEARS,
        error_messages={"invalid": _("Enter a whole number of years, such as 3.")},
    )

    def __init__(self, *args: Any, chapter: Chapter | None = None, **kwargs: Any) -> None:
        """``chapter`` fixes the chapter (a coordinator's view) and drops the chapter field."""
        super().__init__(*args, **kwargs)
        self.fixed_chapter = chapter
        if chapter is not None:
            del self.fields["chapter"]
        self.fields["coverage_years"].help_text = _(
            "A profile confirmation this recent makes a status known. Empty: %(years)s."
        ) % {"years": settings.OUTCOMES_COVERAGE_YEARS}
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = [("", _("All countries")), *alumni_countries()]

    def clean_as_of(self) -> date | None:
        day: date | None = self.cleaned_data.get("as_of")
        if day is None:
            return None
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(
                _(
                    "%(day)s is in the future: figures can be taken as of today (%(today)s) or"
                    " an earlier day."
                ),
                code="future",
                params={"day": day.isoformat(), "today": today.isoformat()},
            )
        if day < FIRST_AS_OF:
            raise forms.ValidationError(
                _("Pick a day from %(first)s onwards."),
                code="too_early",
                params={"first": FIRST_AS_OF.isoformat()},
            )
        return day

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean returns cleaned_data, typed there as maybe None.
        cleaned = self.cleaned_data
        start, end = cleaned.get("cohort_from"), cleaned.get("cohort_to")
        if start is not None and end is not None and start > end:
            raise forms.ValidationError(
                _(
                    "The cohort range is reversed: “from” (%(start)s) is after “to” (%(end)s)."
                    " Swap the two years."
                ),
                code="reversed_range",
                params={"start": start, "end": end},
            )
        return cleaned

    def selection(self) -> Selection:
        """The Selection of a valid form."""
        data = self.cleaned_data
        return Selection(
            nationality=data.get("country") or "",
            programme=data.get("programme") or "",
            cohort_from=data.get("cohort_from"),
            cohort_to=data.get("cohort_to"),
            host=data.get("host"),
            chapter=self.fixed_chapter or data.get("chapter"),
            as_of=data.get("as_of"),
            coverage_years=data.get("coverage_years"),
        )


def describe_selection(selection: Selection) -> list[tuple[str, str]]:
    """The filters in words, one (label, value) pair each, for the page and the exports."""
    everyone = str(_("All"))
    if selection.cohort_from and selection.cohort_to:
        cohorts = f"{selection.cohort_from}–{selection.cohort_to}"
    elif selection.cohort_from:
        cohorts = str(_("%(year)s and later") % {"year": selection.cohort_from})
    elif selection.cohort_to:
        cohorts = str(_("up to %(year)s") % {"year": selection.cohort_to})
    else:
        cohorts = everyone
    programme = str(Programme(selection.programme).label) if selection.programme else everyone
    return [
        (
            str(_("Country (nationality)")),
            str(countries.name(selection.nationality)) if selection.nationality else everyone,
        ),
        (str(_("Programme")), programme),
        (str(_("Cohorts (fiscal years)")), cohorts),
        (
            str(_("Host institution in Japan")),
            selection.host.localized_name if selection.host else everyone,
        ),
        (
            str(_("Chapter")),
            selection.chapter.localized_name if selection.chapter else everyone,
        ),
        (
            str(_("Figures as of")),
            date_format(selection.as_of, "Y-m-d")
            if selection.as_of
            else str(_("Today (%(day)s)") % {"day": date_format(timezone.localdate(), "Y-m-d")}),
        ),
        (
            str(_("Known status within")),
            str(_("%(years)s years") % {"years": selection.window_years}),
        ),
    ]

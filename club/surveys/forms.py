"""The answer form: the core questions, the wave's extra questions, and new re-visits.

Re-visits go through the profile's own ``RevisitForm`` (and so the Revisit model's checks:
not before the programme, no end before the start), plus the site's date range; a position
goes through the profile's ``CareerEntryForm``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.bounds import validate_sane_date
from club.members.forms.profile import CareerEntryForm, DateInput, RevisitForm
from club.members.models import Member, Revisit
from club.surveys.models import Wave

# A re-visit may be planned (a place accepted for next April), not decades ahead.
PLANNED_AHEAD = timedelta(days=2 * 366)


class SurveyRevisitForm(RevisitForm):
    """A re-visit declared in an answer: the profile's form, with dates kept in range."""

    def _in_range(self, field: str) -> date | None:
        day: date | None = self.cleaned_data.get(field)
        if day is None:
            return None
        validate_sane_date(day)
        if day > timezone.localdate() + PLANNED_AHEAD:
            raise forms.ValidationError(_("This date is too far in the future."))
        return day

    def clean_start_date(self) -> date | None:
        return self._in_range("start_date")

    def clean_end_date(self) -> date | None:
        return self._in_range("end_date")


if TYPE_CHECKING:
    _Base = BaseInlineFormSet[Revisit, Member, SurveyRevisitForm]
else:
    _Base = BaseInlineFormSet


class NewRevisitFormSet(_Base):
    """Only new re-visits: the known ones are shown above the form, not edited here."""

    def get_queryset(self) -> QuerySet[Revisit]:
        return Revisit.objects.none()


RevisitAnswerFormSet = inlineformset_factory(
    Member,
    Revisit,
    form=SurveyRevisitForm,
    formset=NewRevisitFormSet,
    extra=2,
    max_num=10,
    validate_max=True,
    can_delete=False,
)


class PositionForm(CareerEntryForm):
    """The current position: optional, but a position needs its organisation and start."""

    class Meta(CareerEntryForm.Meta):
        fields = ["position", "organisation", "start_date"]
        widgets = {"start_date": DateInput()}
        labels = {"start_date": _("In this position since")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    @property
    def answered(self) -> bool:
        return bool(self.cleaned_data.get("position") or self.cleaned_data.get("organisation"))

    def clean_start_date(self) -> date | None:
        day: date | None = self.cleaned_data.get("start_date")
        if day is not None:
            validate_sane_date(day)
            if day > timezone.localdate():
                raise forms.ValidationError(_("This date is in the future."))
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.answered:
            for field in ("position", "organisation", "start_date"):
                if not cleaned.get(field) and field not in self.errors:
                    self.add_error(field, _("Please fill this in too."))
        return cleaned

    def _post_clean(self) -> None:
        # The model's checks only apply to a position actually given.
        if self.answered:
            self.instance.is_current = True
            super()._post_clean()  # type: ignore[misc]


def _country_choices() -> list[tuple[str, str]]:
    return [("", "---------"), *((code, str(name)) for code, name in countries)]


class AnswerForm(forms.Form):
    """Country of residence and the wave's extra questions (free text)."""

    country = forms.ChoiceField(
        label=_("Country of residence"), choices=_country_choices, required=False
    )

    def __init__(self, *args: Any, wave: Wave, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(wave.extra_questions.all())
        for question in self.questions:
            self.fields[f"extra_{question.pk}"] = forms.CharField(
                label=question.localized_text,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def extra_answers(self) -> dict[str, str]:
        return {
            str(question.pk): self.cleaned_data.get(f"extra_{question.pk}", "")
            for question in self.questions
        }

"""Plain HTML forms for the Q&A, used when WebSockets are not available."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from club.qa.models import ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH, QuestionState


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VoteForm(forms.Form):
    action = forms.ChoiceField(choices=[("up", _("Upvote")), ("down", _("Remove my vote"))])


class ModerateForm(forms.Form):
    state = forms.ChoiceField(choices=QuestionState.choices)

"""The wave page in the Wagtail admin: audience preview, send, reminders and the figures."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from club.members.programmes import Programme
from club.members.roles import runs_surveys
from club.surveys.audience import EmptyAudience, audience_size
from club.surveys.models import Wave
from club.surveys.stats import wave_figures
from club.surveys.tasks import send_reminders, send_wave

REPORT_URL = "surveys-admin:report"


class WaveForm(WagtailAdminModelForm):
    """The wave's definition; programmes as checkboxes (stored as a list of codes)."""

    programmes = forms.MultipleChoiceField(
        label=_("Programmes"),
        choices=Programme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every programme."),
    )


class RunsSurveysMixin:
    """Refuse anyone without the run-surveys capability."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not runs_surveys(request.user):
            raise PermissionDenied
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        return response


class WaveCreateView(CreateView):
    def get_success_url(self) -> str:
        return reverse(REPORT_URL, args=[self.object.pk])


class WaveEditView(EditView):
    def get_success_url(self) -> str:
        return reverse(REPORT_URL, args=[self.object.pk])


@method_decorator(never_cache, name="dispatch")
class WaveReportView(RunsSurveysMixin, WagtailAdminTemplateMixin, TemplateView):
    """The wave page: what it asks, of whom, and what came back."""

    template_name = "surveys/admin/wave.html"
    header_icon = "mail"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.wave = get_object_or_404(Wave, pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(self.wave)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("surveys-admin:index"), "label": _("Survey waves")},
            {"url": "", "label": str(self.wave)},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        wave = self.wave
        context.update(
            wave=wave,
            audience_size=audience_size(wave),
            figures=wave_figures(wave),
            is_open=wave.is_open(),
            not_yet_open=timezone.now() < wave.opens_at,
            edit_url=reverse("surveys-admin:edit", args=[wave.pk]),
        )
        return context


class SendWaveView(RunsSurveysMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        wave = get_object_or_404(Wave, pk=pk)
        if not wave.is_open():
            messages.error(request, _("A wave can be sent only while it is open."))
        else:
            try:
                count = send_wave(wave)
            except EmptyAudience:
                messages.error(request, EmptyAudience.message)
            else:
                text = ngettext(
                    "%(count)s invitation is being sent.",
                    "%(count)s invitations are being sent.",
                    count,
                )
                messages.success(request, text % {"count": count})
        return redirect(REPORT_URL, pk=wave.pk)


class RemindView(RunsSurveysMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        wave = get_object_or_404(Wave, pk=pk)
        count = send_reminders(wave)
        text = ngettext(
            "%(count)s reminder is being sent.", "%(count)s reminders are being sent.", count
        )
        messages.success(request, text % {"count": count})
        return redirect(REPORT_URL, pk=wave.pk)

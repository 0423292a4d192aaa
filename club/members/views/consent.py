"""The member's consent settings, and the one-click "still true" confirmation.

Like the rest of the account area, these work only on the signed-in user's own member:
nobody can see or change another member's consents.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from club.members.consent import confirm_profile, consent_history, record_consents
from club.members.forms.consent import ConsentSettingsForm
from club.members.models import ConfirmationKind, ConsentSource, Member
from club.members.views.profile import member_area, render_area


@require_http_methods(["GET", "POST"])
@member_area
def consent_settings(request: HttpRequest, member: Member) -> HttpResponse:
    """The current answer per purpose, a form to change each, and the full history."""
    form = ConsentSettingsForm(request.POST if request.method == "POST" else None, member=member)
    if form.is_bound and form.is_valid():
        changed = form.changed_answers()
        if changed:
            record_consents(member, changed, ConsentSource.SETTINGS)
            messages.success(request, _("Your consent settings have been saved."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("members:consent-settings")
    return render_area(request, "consent.html", member, form=form, history=consent_history(member))


@require_POST
@member_area
def still_true(request: HttpRequest, member: Member) -> HttpResponse:
    """One click: the member says their profile is current."""
    confirm_profile(member, ConfirmationKind.STILL_TRUE)
    messages.success(request, _("Thank you! Your profile is confirmed as up to date."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("members:profile")
    return redirect(target)


urlpatterns: list[URLPattern] = [
    path("account/consent/", consent_settings, name="consent-settings"),
    path("account/profile/still-true/", still_true, name="profile-still-true"),
]

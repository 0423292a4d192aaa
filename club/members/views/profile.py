"""The "my profile" area: a signed-in member edits their own profile, and only their own.

There are deliberately no pk-based URLs here: every view works on the member of
the signed-in user, so nobody can reach another member's data by changing an id.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from club.bounds import parse_id
from club.members.consent import confirm_profile
from club.members.forms.profile import (
    CareerFormSet,
    DeleteAccountForm,
    LinkFormSet,
    PhotoForm,
    PrivacyForm,
    ProfileForm,
    RevisitFormSet,
    save_declarations,
)
from club.members.lifecycle import anonymise_member, export_member_data
from club.members.models import (
    ConfirmationKind,
    FieldTag,
    Institution,
    Member,
    MemberStatus,
    RevisitSource,
)
from club.members.photos import remove_photo, replace_photo
from club.members.revisits import Outcome, withdraw_declaration
from club.members.sections import Section

MemberView = Callable[..., HttpResponse]


class SignedInRequest(HttpRequest):
    """A request that passed ``login_required``, so its user is a real account (for typing)."""

    user: User


def own_member(request: HttpRequest) -> Member | None:
    """The signed-in user's own member profile, if they have one (read with the user and
    its photo, club/members/backends.py: no query of its own)."""
    member: Member | None = getattr(request.user, "member", None)
    if member is None or member.status == MemberStatus.ANONYMISED:
        return None
    return member


def member_area(view: MemberView) -> MemberView:
    """Sign-in required; the view receives the user's own member, or a friendly 404 page."""

    @wraps(view)
    @login_required
    @never_cache
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        member = own_member(request)
        if member is None:
            return render(request, "members/profile/no_member.html", status=404)
        return view(request, member, *args, **kwargs)

    return wrapper


def render_area(
    request: HttpRequest, template: str, member: Member, **context: Any
) -> HttpResponse:
    """A page of the account area, with its navigation marking the current view."""
    match = request.resolver_match
    return render(
        request,
        f"members/profile/{template}",
        {"member": member, "area_view": match.url_name if match else None, **context},
    )


@require_GET
@member_area
def profile_overview(request: HttpRequest, member: Member) -> HttpResponse:
    prefetch_related_objects([member], "links", "fields", "careers", "chapters", "subject_groups")
    levels = {section.value: member.visibility(section).label for section in Section}
    return render_area(
        request,
        "overview.html",
        member,
        levels=levels,
        participations=member.participations.select_related("host_institution"),
        revisits=member.revisits.select_related("institution"),
    )


@require_http_methods(["GET", "POST"])
@member_area
def profile_edit(request: HttpRequest, member: Member) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, instance=member)
    links = LinkFormSet(data, instance=member, prefix="links")
    if data is not None and form.is_valid() and links.is_valid():
        with transaction.atomic():
            form.save()
            links.save()
            confirm_profile(member, ConfirmationKind.PROFILE_SAVE)
        messages.success(request, _("Your profile has been saved."))
        return redirect("members:profile")
    curated = FieldTag.objects.filter(curated=True).order_by("name")
    return render_area(request, "edit.html", member, form=form, links=links, curated_fields=curated)


@require_http_methods(["GET", "POST"])
@member_area
def profile_careers(request: HttpRequest, member: Member) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    formset = CareerFormSet(data, instance=member, prefix="careers")
    if data is not None and formset.is_valid():
        with transaction.atomic():
            formset.save()
            confirm_profile(member, ConfirmationKind.PROFILE_SAVE)
        messages.success(request, _("Your career has been saved."))
        return redirect("members:profile-careers")
    return render_area(request, "careers.html", member, formset=formset)


@require_http_methods(["GET", "POST"])
@member_area
def profile_revisits(request: HttpRequest, member: Member) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    if data is not None and "withdraw" in data:
        return _withdraw_declaration(request, member, data["withdraw"])
    formset = RevisitFormSet(data, instance=member, prefix="revisits")
    if data is not None and formset.is_valid():
        with transaction.atomic():
            outcomes = save_declarations(formset)
            confirm_profile(member, ConfirmationKind.PROFILE_SAVE)
        messages.success(request, _("Your re-visits to Japan have been saved."))
        merged = (Outcome.CONFIRMED, Outcome.UNCHANGED)
        if confirmed := sum(outcome in merged for outcome in outcomes):
            messages.info(
                request,
                ngettext(
                    "JST had already recorded %(count)s of these stays: your declaration now"
                    " confirms JST's record.",
                    "JST had already recorded %(count)s of these stays: your declarations now"
                    " confirm JST's records.",
                    confirmed,
                )
                % {"count": confirmed},
            )
        return redirect("members:profile-revisits")
    return render_area(
        request,
        "revisits.html",
        member,
        formset=formset,
        recorded=member.revisits.recorded_by_jst().select_related("institution"),
        first_participation=member.participations.order_by("end_date").first(),
        japan_institutions=Institution.objects.filter(country="JP").values_list("name", flat=True),
    )


def _withdraw_declaration(request: HttpRequest, member: Member, value: str) -> HttpResponse:
    pk = parse_id(value)
    revisit = member.revisits.filter(pk=pk, source=RevisitSource.BOTH).first() if pk else None
    if revisit is None:
        messages.error(request, _("That re-visit is not one you declared."))
    else:
        with transaction.atomic():
            withdraw_declaration(revisit)
            confirm_profile(member, ConfirmationKind.PROFILE_SAVE)
        messages.success(
            request, _("Your declaration was withdrawn; JST's record of the stay remains.")
        )
    return redirect("members:profile-revisits")


@require_GET
@member_area
def profile_participations(request: HttpRequest, member: Member) -> HttpResponse:
    participations = member.participations.select_related("sending_institution", "host_institution")
    return render_area(request, "participations.html", member, participations=participations)


@require_http_methods(["GET", "POST"])
@member_area
def profile_photo(request: SignedInRequest, member: Member) -> HttpResponse:
    if request.method == "POST" and "remove" in request.POST:
        if member.photo_id:
            remove_photo(member)
            messages.success(request, _("Your photo has been removed."))
        return redirect("members:profile-photo")
    posted = request.method == "POST"
    form = PhotoForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        replace_photo(member, form.cleaned_data["photo"], uploaded_by=request.user)
        messages.success(request, _("Your new photo has been saved."))
        return redirect("members:profile-photo")
    return render_area(request, "photo.html", member, form=form)


@require_http_methods(["GET", "POST"])
@member_area
def profile_privacy(request: HttpRequest, member: Member) -> HttpResponse:
    form = PrivacyForm(request.POST if request.method == "POST" else None, instance=member)
    if form.is_bound and form.is_valid():
        form.save()
        messages.success(request, _("Your privacy settings have been saved."))
        return redirect("members:profile-privacy")
    return render_area(request, "privacy.html", member, form=form)


@require_GET
@member_area
def profile_export(request: HttpRequest, member: Member) -> HttpResponse:
    body = json.dumps(export_member_data(member), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"sakura-science-club-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@member_area
def profile_delete(request: SignedInRequest, member: Member) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        anonymise_member(member)
        logout(request)
        messages.success(request, _("Your account has been deleted. Thank you for being with us."))
        return redirect("/")
    return render_area(request, "delete.html", member, form=form)


urlpatterns: list[URLPattern] = [
    path("account/profile/", profile_overview, name="profile"),
    path("account/profile/edit/", profile_edit, name="profile-edit"),
    path("account/profile/careers/", profile_careers, name="profile-careers"),
    path("account/profile/revisits/", profile_revisits, name="profile-revisits"),
    path(
        "account/profile/participations/",
        profile_participations,
        name="profile-participations",
    ),
    path("account/profile/photo/", profile_photo, name="profile-photo"),
    path("account/profile/privacy/", profile_privacy, name="profile-privacy"),
    path("account/profile/export.json", profile_export, name="profile-export"),
    path("account/profile/delete/", profile_delete, name="profile-delete"),
]

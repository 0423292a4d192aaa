"""Re-visits in the Wagtail admin: JST staff record, change and remove them.

Every save goes through ``club.members.revisits``: a stay the member declared already
becomes one re-visit confirmed by both, and removing JST's record of such a stay leaves
the member's declaration. Staff need the re-visit model permissions (the JST staff group).
"""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from club.members.models import Member, MemberStatus, Revisit, RevisitSource
from club.members.revisits import Outcome, Stay, record_by_jst, withdraw_jst_record

MEMBER_SEARCH_FIELDS = ("given_name", "family_name", "native_name", "roster_id", "contact_email")
REVISIT_SEARCH_FIELDS = [f"member__{name}" for name in MEMBER_SEARCH_FIELDS]


class MemberSearchForm(BaseFilterForm):
    """The member chooser's search box: every word must match a name, the roster ID or e-mail."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Name, roster ID or e-mail")}),
        required=False,
    )

    def filter(self, objects: QuerySet[Member]) -> QuerySet[Member]:
        query = (self.cleaned_data.get("q") or "").strip()[:200]
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        for word in query.split()[:5]:
            condition = Q()
            for name in MEMBER_SEARCH_FIELDS:
                condition |= Q(**{f"{name}__icontains": word})
            objects = objects.filter(condition)
        return objects


class MemberChooseView(ChooseView):
    filter_form_class = MemberSearchForm


class MemberChooseResultsView(ChooseResultsView):
    filter_form_class = MemberSearchForm


class MemberChooserViewSet(ChooserViewSet):
    """Choose a member (not a deleted one) for a re-visit."""

    model = Member
    icon = "user"
    choose_one_text = _("Choose a member")
    choose_another_text = _("Choose another member")
    choose_view_class = MemberChooseView
    choose_results_view_class = MemberChooseResultsView
    # Only the re-visit form uses it; other forms keep their own member fields.
    register_widget = False
    per_page = 20

    def get_object_list(self) -> QuerySet[Member]:
        return Member.objects.exclude(status=MemberStatus.ANONYMISED).order_by(
            "family_name", "given_name", "pk"
        )


member_chooser_viewset = MemberChooserViewSet("member_chooser", url_prefix="member-chooser")


def _stay(revisit: Revisit) -> Stay:
    return Stay(
        kind=revisit.kind,
        institution=revisit.institution,
        start_date=revisit.start_date,
        end_date=revisit.end_date,
        funding=revisit.funding,
        source_note=revisit.source_note,
    )


OUTCOME_MESSAGES = {
    Outcome.CREATED: _("Re-visit “%(object)s” recorded by JST."),
    Outcome.CONFIRMED: _(
        "Re-visit “%(object)s” recorded: the member had declared the same stay, so it is now"
        " one re-visit confirmed by both."
    ),
    Outcome.UPDATED: _("JST had recorded this stay already: re-visit “%(object)s” updated."),
    Outcome.UNCHANGED: _("JST had recorded this stay already; nothing changed."),
}


class RevisitCreateView(generic.CreateView):
    """Saves through the reconciliation service, which may confirm an existing row instead."""

    outcome = Outcome.CREATED

    def save_instance(self) -> Revisit:
        revisit: Revisit = self.form.instance
        saved, self.outcome = record_by_jst(revisit.member, _stay(revisit))
        log(saved, "wagtail.create" if self.outcome == Outcome.CREATED else "wagtail.edit",
            user=self.request.user)  # fmt: skip
        return saved

    def get_success_message(self, instance: Revisit) -> str:
        return str(OUTCOME_MESSAGES[self.outcome] % {"object": instance})


class RevisitEditView(generic.EditView):
    """Saving in the admin makes the stay JST's record (confirming a member's declaration)."""

    outcome = Outcome.UPDATED

    def save_instance(self) -> Revisit:
        revisit: Revisit = self.form.instance
        saved, self.outcome = record_by_jst(revisit.member, _stay(revisit), revisit)
        log(saved, "wagtail.edit", user=self.request.user)
        return saved

    def get_success_message(self) -> str:
        return str(OUTCOME_MESSAGES[self.outcome] % {"object": self.object})


class RevisitDeleteView(generic.DeleteView):
    """Removes JST's record; a stay the member declared too stays as their declaration."""

    @property
    def confirmation_message(self) -> str:
        if self.object.source == RevisitSource.BOTH:
            return str(
                _(
                    "The member declared this stay too. Removing JST's record keeps their"
                    " declaration. Remove JST's record?"
                )
            )
        return str(_("Are you sure you want to delete this re-visit?"))

    def delete_action(self) -> None:
        kept = self.object.source == RevisitSource.BOTH
        log(self.object, "wagtail.edit" if kept else "wagtail.delete", user=self.request.user)
        withdraw_jst_record(self.object)


class RevisitIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[Revisit]:
        queryset: QuerySet[Revisit] = (
            super().get_base_queryset().select_related("member", "institution")
        )
        return queryset


class RevisitViewSet(ModelViewSet):
    """Re-visits to Japan, from every source; added and changed here as JST's records."""

    model = Revisit
    name = "revisit-admin"
    url_prefix = "revisits"
    icon = "globe"
    menu_label = _("Re-visits")
    index_view_class = RevisitIndexView
    add_view_class = RevisitCreateView
    edit_view_class = RevisitEditView
    delete_view_class = RevisitDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    ordering = ["-start_date", "pk"]
    list_display = ["member", "kind", "institution", "start_date", "end_date", "source"]
    list_filter = ["source", "kind", "funding"]
    search_fields = REVISIT_SEARCH_FIELDS
    search_backend_name = None
    panels = [
        FieldPanel("member", widget=member_chooser_viewset.widget_class),
        FieldPanel("kind"),
        FieldPanel("institution"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("funding"),
        FieldPanel("source_note"),
    ]


@hooks.register("register_admin_viewset")
def register_member_chooser() -> ChooserViewSet:
    return member_chooser_viewset

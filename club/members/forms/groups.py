"""Forms for chapter and subject-group pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from club.members.groups import Group
from club.members.models import Member


class MembershipAction(models.TextChoices):
    REMOVE = "remove", _("Remove from the group")
    MAKE_COORDINATOR = "make_coordinator", _("Make coordinator")
    MAKE_MEMBER = "make_member", _("Make plain member")


class MembershipActionForm(forms.Form):
    """One action a coordinator takes on one membership of their group."""

    action = forms.ChoiceField(choices=MembershipAction.choices)
    member = forms.IntegerField(min_value=1)

    error_messages = {
        "not_in_group": _("That person is not a member of this group."),
    }

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group

    def clean_member(self) -> Member:
        """The member must belong to this group; ids from other groups are refused."""
        membership = (
            self.group.memberships.select_related("member")
            .filter(member_id=self.cleaned_data["member"])
            .first()
        )
        if membership is None:
            raise forms.ValidationError(self.error_messages["not_in_group"], code="not_in_group")
        return membership.member

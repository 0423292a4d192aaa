"""Sign in with a username or an email address, either in any letter case."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpRequest


class UsernameOrEmailBackend(ModelBackend):
    """ModelBackend that also accepts the account's email address, case-insensitively.

    A username match wins over an email match; an email shared by several accounts
    signs in the one whose password fits.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if not username or password is None:
            return None
        login = username.strip()
        candidates = (
            user_model._default_manager.filter(Q(username__iexact=login) | Q(email__iexact=login))
            .annotate(
                by_username=Case(
                    When(username__iexact=login, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("by_username", "pk")[:5]
        )
        found = False
        for user in candidates:
            found = True
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        if not found:
            # Hash anyway, so a missing account takes as long as a wrong password.
            user_model().set_password(password)
        return None

    def get_user(self, user_id: Any) -> Any:
        # The header asks for user.member on every page, the account area for its photo:
        # one query for all three.
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("member__photo").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        """ModelBackend's answer in one query (its own takes one for user and one for group
        permissions), cached on the user the same way."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            held = Permission.objects.all()
            if not user_obj.is_superuser:
                held = held.filter(Q(user=user_obj) | Q(group__user=user_obj))
            names = held.values_list("content_type__app_label", "codename").order_by()
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in names.distinct()}
        return user_obj._perm_cache  # type: ignore[no-any-return]

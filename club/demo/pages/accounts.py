"""Sign-in accounts with well-known passwords, for a local demo only."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model

DEMO_ADMIN = ("admin", "sakura-demo")


def create_demo_accounts(report: Callable[[str], None]) -> None:
    username, password = DEMO_ADMIN
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": "admin@example.org"}
    )
    if created:
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
    report(f"demo admin account '{username}'")

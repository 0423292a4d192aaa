"""Who may open what: every role against every protected member view, in one table."""

from __future__ import annotations

import pytest
from django.urls import reverse

OK = {200}
LOGIN = {302}  # sent to the sign-in page
DENIED = {403, 404}
ADMIN_LOGIN = {302}  # Wagtail sends people without admin access to its own login

ROLES = ["anonymous", "alice", "bob", "carol", "jess"]

# (view, {role: allowed statuses}). Alice and Bob are members (India, Thailand), Carol
# coordinates India, Jess is JST staff without a profile of her own.
MATRIX = [
    (("members:profile", {}), dict(anonymous=LOGIN, alice=OK, bob=OK, carol=OK, jess=DENIED)),
    (("members:profile-edit", {}), dict(anonymous=LOGIN, alice=OK, bob=OK, carol=OK, jess=DENIED)),
    (
        ("members:profile-export", {}),
        dict(anonymous=LOGIN, alice=OK, bob=OK, carol=OK, jess=DENIED),
    ),
    (
        ("members:profile-delete", {}),
        dict(anonymous=LOGIN, alice=OK, bob=OK, carol=OK, jess=DENIED),
    ),
    (
        ("members:member-detail", {"pk": "alice"}),
        dict(anonymous=DENIED, alice=OK, bob=OK, carol=OK, jess=OK),
    ),
    (
        ("members:chapter-manage", {"slug": "india"}),
        dict(anonymous=LOGIN, alice=DENIED, bob=DENIED, carol=OK, jess=OK),
    ),
    (
        ("members:chapter-manage", {"slug": "thailand"}),
        dict(anonymous=LOGIN, alice=DENIED, bob=DENIED, carol=DENIED, jess=OK),
    ),
    (
        ("members:chapter-detail", {"slug": "india"}),
        dict(anonymous=OK, alice=OK, bob=OK, carol=OK, jess=OK),
    ),
    (("directory:index", {}), dict(anonymous=OK, alice=OK, bob=OK, carol=OK, jess=OK)),
    (
        ("wagtailadmin_home", {}),
        dict(anonymous=ADMIN_LOGIN, alice=ADMIN_LOGIN, bob=ADMIN_LOGIN, carol=ADMIN_LOGIN, jess=OK),
    ),
    (
        ("member-admin:export", {}),
        dict(anonymous=ADMIN_LOGIN, alice=ADMIN_LOGIN, bob=ADMIN_LOGIN, carol=ADMIN_LOGIN, jess=OK),
    ),
]


@pytest.fixture
def people(alice, bob, carol, jess):
    return {"alice": alice.user, "bob": bob.user, "carol": carol.user, "jess": jess}


@pytest.mark.parametrize(
    ("view", "expected"), MATRIX, ids=lambda v: str(v[0]) if isinstance(v, tuple) else ""
)
@pytest.mark.parametrize("role", ROLES)
def test_role_can_only_open_what_it_may(client, demo_site, people, view, expected, role):
    name, kwargs = view
    kwargs = {k: (people[v].member.pk if v in people else v) for k, v in kwargs.items()}
    if role != "anonymous":
        client.force_login(people[role])

    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code in expected[role], (
        f"{role} on {name}: {response.status_code}, expected {sorted(expected[role])}"
    )


def test_members_cannot_edit_someone_else_by_posting_their_id(client, alice, bob):
    client.force_login(bob.user)

    client.post(
        reverse("members:profile-edit"),
        {"id": alice.pk, "member": alice.pk, "given_name": "Hijacked"},
    )

    alice.refresh_from_db()
    assert alice.given_name == "Alice"

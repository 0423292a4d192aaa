"""Who may open what: every role against every protected member view, in one table."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from club.events.permissions import can_create_events
from club.members import roles
from club.members.privacy import Viewer, can_see
from club.members.sections import Section
from club.outcomes.access import may_see_chapter, outcome_chapters
from club.qa.access import is_moderator
from club.qa.models import QuestionChannel
from tests.factories import MemberFactory, UserFactory

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
        ("members:consent-settings", {}),
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


# Each JST staff capability has a permission of its own: holding one grants that capability
# and no other. Checked through the decisions the pages use, on real rows.

CAPABILITY_PERMISSIONS = {
    "view all profiles": roles.VIEW_ALL_PROFILES,
    "see outcomes": roles.SEE_ALL_OUTCOMES,
    "manage events": roles.MANAGE_ALL_EVENTS,
    "moderate Q&A": roles.MODERATE_ALL_QA,
}


@pytest.fixture
def protected(db, india):
    """Something behind each capability: a private section, a chapter's figures, a channel."""
    hidden = MemberFactory(contact_email="hidden@example.org", visibility_contact="private")
    channel = QuestionChannel.objects.create(title="Members corner", slug="members-corner")
    return hidden, india, channel


def _capabilities(user, protected) -> dict[str, bool]:
    hidden, chapter, channel = protected
    return {
        "view all profiles": can_see(Viewer.for_user(user), hidden, Section.CONTACT),
        "see outcomes": may_see_chapter(user, chapter) and bool(outcome_chapters(user)),
        "manage events": can_create_events(user),
        "moderate Q&A": is_moderator(user, channel),
    }


def _user_with(*permissions: str):
    user = UserFactory()
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)  # a fresh permission cache


@pytest.mark.parametrize("capability", CAPABILITY_PERMISSIONS)
def test_each_capability_permission_grants_exactly_its_capability(protected, capability):
    user = _user_with(CAPABILITY_PERMISSIONS[capability])

    granted = _capabilities(user, protected)

    assert granted == {name: name == capability for name in CAPABILITY_PERMISSIONS}


def test_without_a_capability_permission_a_signed_in_user_has_none(protected):
    assert not any(_capabilities(_user_with(), protected).values())


def test_the_jst_staff_group_holds_every_capability(protected, jess):
    assert all(_capabilities(jess, protected).values())


def test_a_capability_lapses_with_the_account(protected):
    user = _user_with(*CAPABILITY_PERMISSIONS.values())
    user.is_active = False

    assert not any(_capabilities(user, protected).values())


def test_seeing_every_profile_does_not_manage_groups(client, india):
    user = _user_with(roles.VIEW_ALL_PROFILES, "wagtailadmin.access_admin")
    client.force_login(user)

    response = client.get(reverse("members:chapter-manage", kwargs={"slug": india.slug}))

    assert response.status_code in DENIED
    assert not roles.can_manage_group(user, india)
    assert roles.can_manage_group(_user_with("members.change_chapter"), india)


def test_every_migrate_gives_existing_staff_back_every_capability(protected, jess):
    capabilities = [name.split(".")[1] for name in roles.CAPABILITIES]
    group = Group.objects.get(name=roles.JST_STAFF_GROUP)
    group.permissions.remove(*Permission.objects.filter(codename__in=capabilities))
    assert not _capabilities(get_user_model().objects.get(pk=jess.pk), protected)["manage events"]

    roles.ensure_staff_group()  # the post_migrate receiver

    assert all(_capabilities(get_user_model().objects.get(pk=jess.pk), protected).values())

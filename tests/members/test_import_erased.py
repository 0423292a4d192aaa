"""A member who deleted their membership stays deleted when JST's roster is imported again."""

from __future__ import annotations

import pytest

from club.members.lifecycle import anonymise_member
from club.members.models import ErasedIdentity, Member, MemberStatus
from tests.members.test_import_command import person, run, write_roster, yamada


def active_names() -> set[str]:
    return {m.display_name for m in Member.objects.filter(status=MemberStatus.ACTIVE)}


@pytest.fixture
def imported_then_deleted(db, tmp_path):
    roster = write_roster(tmp_path / "roster.csv", [person(), yamada()])
    run(roster)
    priya = Member.objects.get(roster_id="SSP-2019-0001")
    anonymise_member(priya)
    return roster


def test_reimporting_the_roster_does_not_bring_a_deleted_member_back(imported_then_deleted):
    out, _err = run(imported_then_deleted)

    assert active_names() == {"Yamada Taro"}
    assert Member.objects.filter(status=MemberStatus.ANONYMISED).count() == 1
    assert "Skipped 1 row of an alumnus who deleted their membership (line 2)." in out


def test_the_email_alone_is_recognised_too(imported_then_deleted, tmp_path):
    roster = write_roster(
        tmp_path / "no-id.csv", [person(roster_id="", email="PRIYA.SHARMA@example.org")]
    )

    run(roster)

    assert active_names() == {"Yamada Taro"}


def test_only_keyed_hashes_are_kept(imported_then_deleted):
    digests = list(ErasedIdentity.objects.values_list("digest", flat=True))

    assert len(digests) == 2  # the roster ID and the email (no account email beyond it)
    assert not any("SSP" in d or "priya" in d for d in digests)
    assert all(len(d) == 64 for d in digests)


def test_hashes_survive_a_secret_key_rotation(imported_then_deleted, settings):
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-secret-key-" * 4, [old_key]

    assert ErasedIdentity.objects.erased({1: ("SSP-2019-0001", []), 2: ("SSP-2018-0042", [])}) == {
        1
    }

"""Months read as each language writes them: 2023年4月 in Japanese, April 2023 in English."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import CareerEntryFactory, RevisitFactory


@pytest.fixture
def signed_in_alice(client, alice):
    CareerEntryFactory(member=alice, start_date=date(2023, 4, 1), is_current=True)
    RevisitFactory(member=alice, start_date=date(2019, 10, 1), end_date=date(2021, 3, 31))
    client.force_login(alice.user)
    return alice


def test_career_and_revisit_months_are_japanese_on_japanese_pages(
    client, demo_site, signed_in_alice
):
    html = client.get("/ja/account/profile/").content.decode()

    assert "2023年4月" in html
    assert "2019年10月" in html
    assert "4月 2023" not in html


def test_career_and_revisit_months_are_english_on_english_pages(client, demo_site, signed_in_alice):
    html = client.get("/en/account/profile/").content.decode()

    assert "April 2023" in html
    assert "October 2019" in html

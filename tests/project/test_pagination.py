"""One page of a long list; a page number that people can type wrongly is a 404."""

from __future__ import annotations

import pytest
from django.http import Http404

from club.pagination import page_or_404

ITEMS = list(range(25))


@pytest.mark.parametrize("raw", [None, "", "1"])
def test_no_page_number_is_the_first_page(raw):
    assert list(page_or_404(ITEMS, raw, 10).object_list) == list(range(10))


def test_it_returns_the_asked_page():
    page = page_or_404(ITEMS, "3", 10)

    assert page.number == 3
    assert list(page.object_list) == [20, 21, 22, 23, 24]


@pytest.mark.parametrize("raw", ["0", "-1", "4", "abc", "²", "1.5", "9" * 5000])
def test_it_rejects_a_malformed_or_missing_page_with_a_404(raw):
    with pytest.raises(Http404):
        page_or_404(ITEMS, raw, 10)

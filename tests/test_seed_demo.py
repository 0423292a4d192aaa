"""seed_demo builds the bilingual demo site and is idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from club.members.models import Chapter
from club.pages.models import ProgrammePage


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "chapters": Chapter.objects.count(),
        "tags": Tag.objects.count(),
    }


def test_running_twice_duplicates_nothing(demo_site):
    before = snapshot()

    call_command("seed_demo", stdout=StringIO())

    assert snapshot() == before


def test_seed_builds_both_languages(demo_site):
    english = ProgrammePage.objects.filter(locale__language_code="en")
    japanese = ProgrammePage.objects.filter(locale__language_code="ja")

    assert english.count() == japanese.count() == 8
    assert set(english.values_list("translation_key", flat=True)) == set(
        japanese.values_list("translation_key", flat=True)
    )


def test_seed_rejects_negative_member_count(demo_site):
    with pytest.raises(CommandError):
        call_command("seed_demo", "--members", "-1", stdout=StringIO())

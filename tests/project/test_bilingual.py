"""Text kept in English and Japanese fields: Japanese pages show the Japanese when there is one."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from club.bilingual import Shown, pick, pick_either


@pytest.mark.parametrize(
    ("language", "english", "japanese", "shown"),
    [
        ("ja", "Tokyo", "東京", "東京"),
        ("ja", "Tokyo", "", "Tokyo"),
        ("en", "Tokyo", "東京", "Tokyo"),
        ("en", "", "東京", ""),
    ],
)
def test_pick_shows_japanese_only_on_japanese_pages(language, english, japanese, shown):
    with translation.override(language):
        assert pick(english, japanese) == shown


@pytest.mark.parametrize(
    ("language", "english", "japanese", "shown"),
    [
        ("ja", "Bio", "経歴", Shown("経歴", "ja")),
        ("en", "Bio", "経歴", Shown("Bio", "en")),
        ("en", "", "経歴", Shown("経歴", "ja")),
        ("ja", "Bio", "", Shown("Bio", "en")),
    ],
)
def test_pick_either_falls_back_to_japanese_when_there_is_no_english(
    language, english, japanese, shown
):
    with translation.override(language):
        assert pick_either(english, japanese) == shown


def test_the_template_tag_gives_the_text_and_its_language():
    template = Template(
        "{% load bilingual %}{% in_language en ja as bio %}<p lang='{{ bio.language }}'>"
        "{{ bio.text }}</p>"
    )
    with translation.override("ja"):
        html = template.render(Context({"en": "Bio", "ja": "経歴"}))

    assert html == "<p lang='ja'>経歴</p>"

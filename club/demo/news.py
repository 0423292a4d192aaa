"""Japanese names for the demo news tags (the tags themselves come with the demo news)."""

from __future__ import annotations

from collections.abc import Callable

from taggit.models import Tag

from club.news.models import NewsTagName

JAPANESE_TAG_NAMES = {
    "Africa": "アフリカ",
    "Agriculture": "農学",
    "Alumni meeting": "同窓会",
    "Asia": "アジア",
    "Biology": "生物学",
    "Chemistry": "化学",
    "Course A": "Aコース",
    "Course B": "Bコース",
    "Course C": "Cコース",
    "Course D": "Dコース",
    "Forum": "フォーラム",
    "High School Program": "高校生プログラム",
    "India": "インド",
    "LOTUS": "LOTUS",
    "Materials": "材料",
    "Medical engineering": "医工学",
    "Nobel laureates": "ノーベル賞受賞者",
    "Physics": "物理学",
    "Y-tec": "Y-tec",
}


def seed_tag_names(report: Callable[[str], None]) -> int:
    """Give the demo tags that exist their Japanese names; safe to run again."""
    named = 0
    for tag in Tag.objects.filter(name__in=JAPANESE_TAG_NAMES):
        NewsTagName.objects.update_or_create(
            tag=tag, defaults={"name_ja": JAPANESE_TAG_NAMES[tag.name]}
        )
        named += 1
    report(f"{named} news tags named in Japanese")
    return named

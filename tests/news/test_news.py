"""News listing: tags, pagination, feeds and per-locale dates."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from club.news.models import NEWS_PER_PAGE, NewsPage

ATOM = "{http://www.w3.org/2005/Atom}"


def test_listing_shows_newest_first_and_paginates(client, demo_site):
    total = NewsPage.objects.live().filter(locale__language_code="en").count()
    assert total > NEWS_PER_PAGE, "the demo site should need a second page of news"

    first = client.get("/en/news/").content.decode()
    second = client.get("/en/news/", {"page": 2}).content.decode()

    cards = first.split('class="card-grid"', 1)[1]
    assert cards.index("Fourth Japan-India University Forum") < cards.index("Y-tec: young")
    assert "Page 1 of 2" in first
    assert first.count('class="card"') == NEWS_PER_PAGE
    assert second.count('class="card"') == total - NEWS_PER_PAGE


def test_tag_filter_shows_only_tagged_news(client, demo_site):
    html = client.get("/en/news/", {"tag": "forum"}).content.decode()

    assert "Second Asia University Forum in Tokyo" in html
    assert "Nobel laureate Hiroshi Amano" not in html
    assert "News tagged “Forum”" in html


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "99999"},
        {"tag": "no-such-tag"},
        {"page": "1e3"},
        {"tag": "x" * 5000},
    ],
)
def test_malformed_listing_queries_are_404_not_500(client, demo_site, query):
    assert client.get("/en/news/", query).status_code == 404


def test_rss_feed_is_valid_xml_with_items(client, demo_site):
    response = client.get("/en/news/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert "The 6th India alumni meeting in New Delhi" in titles
    assert channel.find("item").findtext("link").startswith("http://")


def test_atom_feed_is_valid_xml_in_japanese(client, demo_site):
    response = client.get("/ja/news/feed/atom/")

    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert "第6回インド同窓会をニューデリーで開催" in titles


def test_dates_are_formatted_per_locale(client, demo_site):
    english = client.get("/en/news/sixth-india-alumni-meeting/").content.decode()
    japanese = client.get("/ja/news/sixth-india-alumni-meeting/").content.decode()

    assert "Jan. 25, 2025" in english
    assert "2025年1月25日" in japanese


def test_news_page_shows_hosting_chapter_and_tags(client, demo_site):
    html = client.get("/en/news/lotus-kek-superkekb/").content.decode()

    assert "Hosted by India chapter" in html
    assert "?tag=lotus" in html


def test_a_tag_with_control_characters_is_an_unknown_tag(client, demo_site):
    """PostgreSQL refuses a NUL in a query: junk in ?tag= must be a 404, never a 500."""
    assert client.get("/en/news/?tag=lo%00tus").status_code == 404
    assert client.get("/en/news/?tag=%00lotus%0d%0a").status_code == 200  # the tag, trimmed


def test_a_translation_keeps_the_source_slug_when_its_title_changes(demo_site, ja):
    source = NewsPage.objects.get(slug="sixth-india-alumni-meeting", locale__language_code="en")
    NewsPage.objects.filter(translation_key=source.translation_key, locale=ja).delete()

    translation = source.copy_for_translation(ja)
    assert translation.slug == source.slug
    # What the admin sends for a never-published page: a slug synced from the new title.
    translation.title = "第6回インド同窓会"
    translation.slug = "第6回インド同窓会"
    translation.save_revision().publish()

    translation.refresh_from_db()
    assert translation.slug == "sixth-india-alumni-meeting"
    assert translation.url == "/ja/news/sixth-india-alumni-meeting/"


def test_the_source_page_keeps_its_own_slug(demo_site):
    source = NewsPage.objects.get(slug="sixth-india-alumni-meeting", locale__language_code="en")
    source.slug = "india-meeting-2025"
    source.save_revision().publish()

    source.refresh_from_db()
    assert source.slug == "india-meeting-2025"


def test_feed_dates_are_the_article_dates_not_the_publication_time(client, demo_site):
    page = NewsPage.objects.get(slug="sixth-india-alumni-meeting", locale__language_code="en")
    page.save_revision().publish()  # published again today: still the January article

    rss = ET.fromstring(client.get("/en/news/feed/rss/").content).find("channel")
    item = next(i for i in rss.findall("item") if i.findtext("link").endswith(page.url))
    assert item.findtext("pubDate").startswith("Sat, 25 Jan 2025 00:00:00")

    atom = ET.fromstring(client.get("/en/news/feed/atom/").content)
    entry = next(
        e
        for e in atom.findall(f"{ATOM}entry")
        if e.find(f"{ATOM}link").get("href").endswith(page.url)
    )
    assert entry.findtext(f"{ATOM}published").startswith("2025-01-25T00:00:00")


@pytest.fixture
def japanese_tag_names(demo_site):
    from club.demo.news import seed_tag_names

    seed_tag_names(report=lambda _: None)


def test_japanese_pages_show_tags_by_their_japanese_names(client, japanese_tag_names):
    page = NewsPage.objects.live().filter(locale__language_code="ja", tags__slug="forum").first()

    listing = client.get("/ja/news/").content.decode()
    filtered = client.get("/ja/news/", {"tag": "forum"}).content.decode()
    article = client.get(page.url).content.decode()

    assert ">フォーラム</a>" in listing
    assert ">Forum</a>" not in listing
    assert "「フォーラム」" in filtered or "フォーラム" in filtered.split('class="filter-note"')[1]
    assert ">フォーラム</a>" in article
    assert ">Forum</a>" in client.get("/en/news/").content.decode()


def test_the_japanese_feed_categories_are_japanese(client, japanese_tag_names):
    rss = ET.fromstring(client.get("/ja/news/feed/rss/").content).find("channel")
    categories = {c.text for item in rss.findall("item") for c in item.findall("category")}

    assert "フォーラム" in categories
    assert "Forum" not in categories


def test_a_tag_without_a_japanese_name_keeps_its_name(client, demo_site):
    from club.news.models import NewsTagName

    NewsTagName.objects.filter(tag__slug="forum").delete()  # the demo names it
    page = NewsPage.objects.live().filter(locale__language_code="ja", tags__slug="forum").first()

    assert ">Forum</a>" in client.get(page.url).content.decode()


def test_the_admin_tag_box_has_an_accessible_name(demo_site):
    from club.news.tag_widget import LabelledTagWidget

    form_class = NewsPage.get_edit_handler().get_form_class()
    html = form_class.base_fields["tags"].widget.render("tags", "", {"id": "id_tags"})

    assert isinstance(form_class.base_fields["tags"].widget, LabelledTagWidget)
    assert "placeholderText&quot;: &quot;Add tags" in html

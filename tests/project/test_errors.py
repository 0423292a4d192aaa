"""Unknown URLs get a styled 404 in the visitor's language."""

from __future__ import annotations


def test_unknown_english_url_is_a_styled_404(client, demo_site):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Page not found" in html
    assert 'class="site-header"' in html


def test_unknown_japanese_url_is_a_japanese_404(client, demo_site):
    response = client.get("/ja/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "ページが見つかりません" in html

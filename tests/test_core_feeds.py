"""Unit tests of the feed core: item selection, enclosures, feed HTML, newsletter settings."""

from datetime import datetime

import pytest

from trainersite.core.dates import zone
from trainersite.core.errors import ContentError
from trainersite.blog.feeds import FeedChannel, FeedItem, build_feed, feed_html, image_enclosure, newest
from trainersite.blog.models import Author, Post
from trainersite.blog.newsletter import parse_newsletter

TZ = zone("Europe/Amsterdam")


def item(n: int, **changes) -> FeedItem:
    post = Post(source=f"posts/{n}.md", title=f"P{n}", date=datetime(2020, 1, n, tzinfo=TZ), date_has_time=False,
                date_text="", slug=f"p{n}", url=f"blog/p{n}/", body="", guid=f"urn:uuid:{n}",
                authors=(Author("a", "A", email="a@example.nl"),), **changes)
    return FeedItem(post, f"<p>Body {n}</p>", f"Samenvatting {n}")


def test_newest_skips_drafts_and_scheduled_and_cuts():
    items = [item(1), item(2, draft=True), item(3, scheduled=True), item(4), item(5)]
    assert [i.post.slug for i in newest(items, 2)] == ["p5", "p4"]


def test_feed_html_absolute_and_without_permalinks():
    item = FeedItem(post=None, html='<h2 id="k">Kop<a class="headerlink" href="#k">¶</a></h2><p><a href="../x/">x</a></p>', summary="")
    html = feed_html(item, "https://e.nl/blog/p/", "Lees verder")
    assert html == ('<h2>Kop</h2><p><a href="https://e.nl/blog/x/">x</a></p>'
                    '<p><a href="https://e.nl/blog/p/">Lees verder</a></p>')


def test_image_enclosure_local_and_remote():
    local = image_enclosure("/assets/a.png", "https://e.nl/", lambda path: 42 if path == "assets/a.png" else None)
    assert (local.url, local.length, local.mime) == ("https://e.nl/assets/a.png", 42, "image/png")
    remote = image_enclosure("https://cdn.nl/b.jpg", "https://e.nl/", lambda path: None)
    assert (remote.url, remote.length, remote.mime) == ("https://cdn.nl/b.jpg", 0, "image/jpeg")


def test_last_build_date_is_the_newest_post_not_the_clock():
    channel = FeedChannel("T", "D", "https://e.nl/", "https://e.nl/feed.xml", "nl")
    first = build_feed(channel, [item(2), item(1)]).rss_str()
    assert b"<lastBuildDate>Thu, 02 Jan 2020 00:00:00 +0100</lastBuildDate>" in first
    assert build_feed(channel, [item(2), item(1)]).rss_str() == first


def test_newsletter_settings():
    assert not parse_newsletter(None, {"email": "i@example.nl"}).has_form
    assert parse_newsletter({"signup_url": "https://x.nl/s"}).has_form
    with pytest.raises(ContentError, match="extra.newsletter.signup_url"):
        parse_newsletter({"signup_url": "javascript:alert(1)"})
    with pytest.raises(ContentError, match="extra.newsletter.lijst"):
        parse_newsletter({"lijst": "x"})

"""Related posts (shared categories and tags, ties by recency) and previous/next by date."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sitebuilder import post_text

from trainersite.blog.models import Author, Category, Post
from trainersite.blog.related import neighbours, related_posts

TZ = ZoneInfo("Europe/Amsterdam")
AUTHOR = Author("a", "A")


def make(slug: str, day: int, categories=(), tags=(), **extra) -> Post:
    return Post(
        source=f"posts/{slug}.md", title=slug.title(), date=datetime(2020, 1, 1, tzinfo=TZ) + timedelta(days=day),
        date_has_time=False, date_text="", slug=slug, url=f"blog/{slug}/", body="", guid=slug, authors=(AUTHOR,),
        categories=tuple(Category(name, name.lower()) for name in categories), tags=tuple(tags), **extra,
    )


def newest_first(*posts: Post) -> list[Post]:
    return sorted(posts, key=lambda post: post.sort_key, reverse=True)


def slugs(posts) -> list[str]:
    return [post.slug for post in posts]


def test_most_shared_first_then_newest_and_unrelated_posts_are_left_out():
    me = make("me", 10, ["Klachten", "Telefonie"], ["boos", "excuses"])
    three = make("three", 1, ["Klachten", "Telefonie"], ["Boos"])  # tags compare case-insensitively
    two_old = make("two-old", 2, ["Klachten"], ["excuses"])
    two_new = make("two-new", 8, ["Telefonie"], ["boos"])
    one = make("one", 9, ["Klachten"])
    none = make("none", 11, ["Chat"], ["mail"])
    related = related_posts(newest_first(me, three, two_old, two_new, one, none))
    assert slugs(related["me"]) == ["three", "two-new", "two-old"]
    assert slugs(related["none"]) == []


def test_drafts_and_scheduled_posts_are_never_suggested():
    me = make("me", 5, ["Klachten"])
    draft = make("draft", 6, ["Klachten"], draft=True)
    later = make("later", 7, ["Klachten"], scheduled=True)
    old = make("old", 1, ["Klachten"])
    related = related_posts(newest_first(me, draft, later, old))
    assert slugs(related["me"]) == ["old"]
    assert slugs(related["draft"]) == ["me", "old"]


def test_neighbours_follow_the_date_order():
    a, b, c = make("a", 1), make("b", 2), make("c", 3)
    near = neighbours(newest_first(a, b, c))
    assert (near["b"].older.slug, near["b"].newer.slug) == ("a", "c")
    assert near["a"].older is None and near["c"].newer is None


def test_two_thousand_posts_stay_fast():
    categories = [f"cat{n}" for n in range(20)]
    posts = [
        make(f"p{n}", n, [categories[n % 20], categories[(n * 7) % 20]], [f"tag{n % 50}", f"tag{n % 13}"])
        for n in range(2000)
    ]
    started = time.perf_counter()
    related = related_posts(newest_first(*posts))
    assert time.perf_counter() - started < 5
    assert len(related) == 2000 and all(len(found) == 3 for found in related.values())


def test_post_page_links_related_posts_and_neighbours_deterministically(site):
    site.post("a.md", post_text("Oud klachtenstuk", "2019-01-01", categories=["Klachten"], tags=["boos"]))
    site.post("b.md", post_text("Nieuw klachtenstuk", "2021-01-01", categories=["Klachten"]))
    site.post("c.md", post_text("Het stuk zelf", "2020-01-01", categories=["Klachten"], tags=["boos"]))
    site.post("d.md", post_text("Over chat", "2022-01-01", categories=["Chat"]))
    first = site.build()
    assert first.returncode == 0, first.output
    html = first.page("blog/het-stuk-zelf/")
    section = re.search(r'<section class="ts-related">.*?</section>', html, re.DOTALL).group(0)
    assert "Lees ook" in section
    assert re.findall(r'href="([^"]+)"', section) == ["../oud-klachtenstuk/", "../nieuw-klachtenstuk/"]
    nav = re.search(r'<nav class="ts-post-nav".*?</nav>', html, re.DOTALL).group(0)
    assert 'href="../oud-klachtenstuk/" rel="prev"' in nav and "Vorig bericht" in nav
    assert 'href="../nieuw-klachtenstuk/" rel="next"' in nav and "Volgend bericht" in nav
    again = site.build()
    assert again.page("blog/het-stuk-zelf/") == html

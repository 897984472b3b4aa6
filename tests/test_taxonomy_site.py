"""Whole-site tests of tag pages and author pages: built in a temporary folder, read as HTML/XML."""

from __future__ import annotations

import json
import re

import feedparser
import pytest

from sitebuilder import SiteBuilder, post_text

from trainersite.blog.models import Author
from trainersite.blog.taxonomy import build_taxonomy, canonical_tags, post_tags
from trainersite.core.errors import ContentError
from trainersite.core.i18n import labels_for
from trainersite.core.urls import UrlScheme


def cards(html: str) -> list[str]:
    return re.findall(r'class="ts-card__title"><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = SiteBuilder(tmp_path_factory.mktemp("taxonomy"))
    site.plugin("trainersite-blog")["per_page"] = 3
    # Posts 1-7 carry the tag "Klacht" in three spellings; odd posts are Joost's.
    for n in range(1, 8):
        tag = ["Klacht", "klacht", "Klácht"][n % 3]
        tags = [tag, "Telefoon"] if n % 2 else [tag]
        site.post(f"2020-01-{n:02d}-p{n}.md", post_text(
            f"Bericht {n}", f"2020-01-{n:02d}", tags=tags, author="joost" if n % 2 else "annelies"))
    site.post("2021-05-05-beide.md", post_text("Samen geschreven", "2021-05-05", authors=["annelies", "joost"], tags=["Luisteren"]))
    site.post("2021-06-06-concept.md", post_text("Geheim concept", "2021-06-06", tags=["Klacht", "Geheim"], author="joost", draft=True))
    site.post("2099-01-01-toekomst.md", post_text("Nog niet", "2099-01-01", tags=["Klacht"], author="joost"))
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def test_tags_differing_in_case_or_accents_are_one_tag_with_the_oldest_spelling(built):
    assert built.exists("blog/tag/klacht/")
    assert sorted(p.name for p in (built.site / "blog" / "tag").iterdir() if p.is_dir()) == ["klacht", "luisteren", "telefoon"]
    html = built.page("blog/tag/klacht/")
    assert "<h1>Tag: klacht</h1>" in html  # post 1 (2020-01-01) wrote "klacht"


def test_tag_pages_list_exactly_the_right_posts_newest_first_and_paginate(built):
    pages = [built.page("blog/tag/klacht/"), built.page("blog/tag/klacht/pagina/2/"), built.page("blog/tag/klacht/pagina/3/")]
    titles = [title for html in pages for title in cards(html)]
    assert titles == [f"Bericht {n}" for n in range(7, 0, -1)]  # no draft, no future post
    assert "Pagina 1 van 3" in pages[0] and 'href="pagina/2/"' in pages[0]
    assert 'href="../../"' in pages[2] and "Pagina 3 van 3" in pages[2]  # back to page 1
    assert not built.exists("blog/tag/klacht/pagina/4/")
    assert cards(built.page("blog/tag/telefoon/")) == ["Bericht 7", "Bericht 5", "Bericht 3"]
    assert not built.exists("blog/tag/geheim/")  # only a draft used it


def test_tag_index_lists_every_tag_with_its_count_and_no_feed_by_default(built):
    html = built.page("blog/tag/")
    assert "<h1>Tags</h1>" in html
    items = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="ts-count">\(([^)]+)\)', html)
    assert items == [("klacht/", "klacht", "7 berichten"), ("luisteren/", "Luisteren", "1 bericht"), ("telefoon/", "Telefoon", "4 berichten")]
    assert not (built.site / "blog" / "tag" / "klacht" / "feed.xml").exists()
    assert "feed.xml" not in built.page("blog/tag/klacht/").split('<div class="md-content"')[1].split("ts-blog-links")[0]


def test_tags_under_posts_and_on_cards_link_to_their_pages(built):
    post = built.page("blog/bericht-5/")
    assert '<a class="ts-tag" href="../tag/klacht/" rel="tag">Klácht</a>' in post  # the post's own spelling
    assert '<a class="ts-tag" href="../tag/telefoon/" rel="tag">Telefoon</a>' in post
    index = built.page("blog/")
    assert 'href="tag/luisteren/" rel="tag">Luisteren</a>' in index
    tag_page = built.page("blog/tag/klacht/")
    assert 'href="../../bericht-7/"' in tag_page  # the tag page links back to its posts
    assert 'href="tag/">Tags</a>' in index  # the blog's own links lead to the tag index


def test_author_pages_show_photo_bio_email_and_exactly_their_posts(built):
    html = built.page("blog/auteur/joost/")
    assert "<h1>Joost Hendriks</h1>" in html
    assert 'src="../../../assets/images/authors/joost.svg"' in html
    assert "Gastauteur en teamleider klantenservice." in html
    assert 'href="mailto:joost@example.nl"' in html
    titles = cards(html) + cards(built.page("blog/auteur/joost/pagina/2/"))
    assert titles == ["Samen geschreven", "Bericht 7", "Bericht 5", "Bericht 3", "Bericht 1"]  # no draft, no future post
    assert "Pagina 1 van 2" in html and not built.exists("blog/auteur/joost/pagina/3/")
    annelies = cards(built.page("blog/auteur/annelies/")) + cards(built.page("blog/auteur/annelies/pagina/2/"))
    assert annelies == ["Samen geschreven", "Bericht 6", "Bericht 4", "Bericht 2"]


def test_author_page_has_profile_page_json_ld(built):
    html = built.page("blog/auteur/annelies/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "ProfilePage" and data["url"] == "https://www.example.nl/blog/auteur/annelies/"
    person = data["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Annelies Verbeek"
    assert person["image"] == "https://www.example.nl/assets/images/authors/annelies.svg"
    assert person["email"] == "mailto:info@example.nl" and person["description"].startswith("Trainer en coach")
    assert [part["headline"] for part in data["hasPart"]] == ["Samen geschreven", "Bericht 6", "Bericht 4"]


def test_every_byline_and_author_box_links_to_the_author_page(built):
    html = built.page("blog/samen-geschreven/")
    byline = html.split('class="ts-meta__author"')[1].split("</span>")[0]
    assert '<a href="../auteur/annelies/" rel="author">Annelies Verbeek</a>' in byline
    assert '<a href="../auteur/joost/" rel="author">Joost Hendriks</a>' in byline
    box = html.split('class="ts-author-box"')[1].split("</aside>")[0]
    assert box.count('href="../auteur/joost/"') == 2 and box.count('href="../auteur/annelies/"') == 2
    posting = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert posting["author"] == [
        {"@type": "Person", "name": "Annelies Verbeek", "url": "https://www.example.nl/blog/auteur/annelies/"},
        {"@type": "Person", "name": "Joost Hendriks", "url": "https://www.example.nl/blog/auteur/joost/"},
    ]


def test_tag_and_author_pages_are_in_the_sitemap(built):
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("blog/tag/", "blog/tag/klacht/", "blog/tag/klacht/pagina/2/", "blog/auteur/joost/", "blog/auteur/annelies/"):
        assert f"<loc>https://www.example.nl/{path}</loc>" in sitemap


def test_tag_feeds_and_url_patterns_are_options(site: SiteBuilder):
    site.plugin("trainersite-blog").update(tag_feeds=True, tag_url="onderwerp/{slug}/", tag_index_url="onderwerp/",
                                           author_url="wie/{key}/")
    site.post("2020-01-01-a.md", post_text("Alfa", "2020-01-01", tags=["Klachten"]))
    site.post("2020-01-02-b.md", post_text("Bravo", "2020-01-02", tags=["klachten", "Toon"]))
    result = site.build()
    assert result.returncode == 0, result.output
    feed = feedparser.parse((result.site / "onderwerp" / "klachten" / "feed.xml").read_bytes())
    assert not feed.bozo and [e.title for e in feed.entries] == ["Bravo", "Alfa"]
    assert feed.feed.title == "Verbeek Klantcontact: Klachten"
    html = result.page("onderwerp/klachten/")
    assert 'href="feed.xml">RSS-feed van deze tag</a>' in html and 'type="application/rss+xml"' in html
    assert result.exists("onderwerp/") and result.exists("wie/annelies/")


@pytest.mark.parametrize(
    ("meta", "error"),
    [
        ({"tags": ["Klacht", "!!!"]}, ContentError("posts/2020-01-01-x.md", "tags", "tags with at least one letter or digit", "!!!")),
        ({"author": "piet"}, ContentError("posts/2020-01-01-x.md", "author", "an author key from mkdocs.yml (annelies, joost)", "piet")),
    ],
)
def test_bad_tag_or_author_is_one_line_naming_file_and_key(site: SiteBuilder, meta, error):
    site.post("2020-01-01-x.md", post_text("X", "2020-01-01", **meta))
    result = site.build()
    assert result.returncode != 0
    assert "Traceback" not in result.output
    dutch = error.message("nl")  # the example site speaks Dutch
    assert "verwacht" in dutch and [line for line in result.output.splitlines() if line.endswith(dutch)], result.output


def test_bad_url_pattern_is_one_line(site: SiteBuilder):
    site.plugin("trainersite-blog")["author_url"] = "blog/auteur/{naam}/"
    result = site.build()
    assert result.returncode != 0
    assert "Traceback" not in result.output
    error = ContentError("mkdocs.yml", "trainersite-blog.author_url", "a URL pattern with {key} and no other braces",
                         "blog/auteur/{naam}/")
    assert error.message("nl") in result.output


# -- pure functions ---------------------------------------------------------------------------------


def _post(source: str, day: int, tags: tuple[str, ...], authors=(Author("a", "A"),)):
    from datetime import datetime, timezone

    from trainersite.blog.models import Post

    return Post(source=source, title=source, date=datetime(2020, 1, day, tzinfo=timezone.utc), date_has_time=False,
                date_text="", slug=source, url=f"blog/{source}/", body="", guid=source, authors=authors, tags=tags)


def test_post_tags_fold_case_and_accents_and_keep_the_posts_order():
    assert [(t.name, t.slug) for t in post_tags(_post("x", 1, ("Één", "een", "Twee")))] == [("Één", "een"), ("Twee", "twee")]
    with pytest.raises(ContentError, match=r"^x: 'tags': expected tags with at least one letter or digit, got '\?\?'$"):
        post_tags(_post("x", 1, ("??",)))


def test_canonical_tag_is_the_oldest_spelling():
    posts = [_post("new", 9, ("KLACHT",)), _post("old", 1, ("klacht",))]
    assert canonical_tags(posts)["klacht"].name == "klacht"


def test_authors_whose_keys_share_an_address_are_an_error():
    authors = {"Piet": Author("Piet", "P"), "piet": Author("piet", "p")}
    with pytest.raises(ContentError, match=r"^mkdocs.yml: 'authors.piet': expected a key of its own"):
        build_taxonomy([], authors, UrlScheme(), 10, labels_for("nl"))


def test_an_author_without_posts_still_has_a_page():
    taxonomy = build_taxonomy([], {"a": Author("a", "A")}, UrlScheme(), 10, labels_for("en"))
    assert [page.url for page in taxonomy.author_pages] == ["blog/auteur/a/"] and taxonomy.author_pages[0].posts == ()

"""Unit tests of excerpts, read time, link rewriting, URLs and the listing model."""

from datetime import datetime, timedelta

import pytest

from trainersite.core.errors import ContentError

from trainersite.core.dates import zone
from trainersite.core.html_tools import absolutize_links, excerpt, read_minutes, rebase_links
from trainersite.core.i18n import labels_for
from trainersite.blog.listing import build_blog
from trainersite.blog.models import Author, Category, Post
from trainersite.core.urls import UrlScheme, slugify

TZ = zone("Europe/Amsterdam")
URLS = UrlScheme()


def make_post(n: int, categories=("Communicatie",)) -> Post:
    return Post(
        source=f"posts/{n}.md", title=f"Post {n}", date=datetime(2020, 1, 1, tzinfo=TZ) + timedelta(days=n),
        date_has_time=False, date_text="", slug=f"post-{n}", url=f"blog/post-{n}/", body="", guid=str(n),
        authors=(Author("a", "A"),), categories=tuple(Category(c, slugify(c)) for c in categories),
    )


def test_slugify_folds_accents_and_case():
    assert slugify("Één vraag, privé!") == "een-vraag-prive"
    assert slugify("Communicatie") == slugify("communicatie")


def test_excerpt_prefers_summary_then_marker_then_first_paragraph():
    html = "<p>Intro</p>\n<!-- more -->\n<p>Rest</p>"
    assert excerpt(html, "Samen <vatting>") == "<p>Samen &lt;vatting&gt;</p>"
    assert excerpt(html) == "<p>Intro</p>"
    assert excerpt("<h2>Kop</h2><p>Eerste</p><p>Tweede</p>") == "<p>Eerste</p>"


def test_read_minutes_rounds_up():
    assert read_minutes("<p>" + "woord " * 401 + "</p>") == 3
    assert read_minutes("<p>kort</p>") == 1


def test_rebase_links_for_a_listing_page():
    fragment = '<a href="../andere/">x</a><img src="../../assets/a.png"><a href="#k">k</a><a href="https://x.nl/">e</a>'
    rebased = rebase_links(fragment, "blog/post/", "blog/pagina/2/")
    assert 'href="../../andere/"' in rebased and 'src="../../../assets/a.png"' in rebased
    assert 'href="#k"' in rebased and 'href="https://x.nl/"' in rebased
    assert rebase_links(fragment, "blog/post/", "blog/ander/") == fragment


def test_absolutize_links():
    out = absolutize_links('<a href="../x/">x</a><img src="../../a.png" srcset="../../a.png 1x, ../../b.png 2x">', "https://e.nl/blog/p/")
    assert 'href="https://e.nl/blog/x/"' in out and 'src="https://e.nl/a.png"' in out
    assert "https://e.nl/b.png 2x" in out


def test_blog_model_paginates_and_groups():
    posts = [make_post(n, ("Communicatie", "Telefonie") if n % 2 else ("Communicatie",)) for n in range(23)]
    blog = build_blog(posts, URLS, 10, labels_for("nl"))
    assert [p.url for p in blog.index] == ["blog/", "blog/pagina/2/", "blog/pagina/3/"]
    assert blog.index[0].posts[0].slug == "post-22" and len(blog.index[2].posts) == 3
    assert blog.index[1].newer_url == "blog/" and blog.index[1].older_url == "blog/pagina/3/"
    counts = {s.category.slug: s.count for s in blog.categories}
    assert counts == {"communicatie": 23, "telefonie": 11}
    assert [p.url for p in blog.category_pages if p.category.slug == "telefonie"] == [
        "blog/categorie/telefonie/", "blog/categorie/telefonie/pagina/2/"]
    assert [a.year for a in blog.archive] == [2020]


def test_category_spelling_from_oldest_post():
    posts = [make_post(1, ("communicatie",)), make_post(2, ("Communicatie",))]
    blog = build_blog(posts, URLS, 10, labels_for("nl"))
    assert [s.category.name for s in blog.categories] == ["communicatie"]


def test_empty_blog_still_has_an_index_page():
    assert len(build_blog([], URLS, 10, labels_for("nl")).index) == 1


@pytest.mark.parametrize(
    ("pattern", "option"),
    [({"post": "blog/{titel}/"}, "post_url"), ({"archive": "archief/{year/"}, "archive_url"), ({"page": "pagina/"}, "page_url")],
)
def test_a_url_pattern_without_its_field_is_refused_by_the_scheme(pattern, option):
    with pytest.raises(ContentError) as caught:
        UrlScheme(**pattern)
    assert str(caught.value).startswith(f"mkdocs.yml: 'trainersite-blog.{option}': expected a URL pattern with {{")

"""`aliases:` old addresses become redirect pages; a clash with a page or another alias fails the build."""

from __future__ import annotations

import re

import pytest
from sitebuilder import post_text

from trainersite.blog.aliases import alias_url
from trainersite.core.errors import ContentError


@pytest.mark.parametrize(
    "alias, url",
    [
        ("/2011/09/06/doe-niet-zo-moeilijk/", "2011/09/06/doe-niet-zo-moeilijk/"),
        ("2011/09/06/doe-niet-zo-moeilijk", "2011/09/06/doe-niet-zo-moeilijk/"),
        ("https://oud.example.nl/2011/09/06/doe-niet-zo-moeilijk/", "2011/09/06/doe-niet-zo-moeilijk/"),
        ("/?p=123", "p/123/"),
        ("/index.php?p=123", "p/123/"),
        ("/blog/?page_id=7&lang=nl", "blog/page_id/7/lang/nl/"),
        ("/2011/09/caf%C3%A9/", "2011/09/café/"),
    ],
)
def test_old_addresses_map_to_folders(alias, url):
    assert alias_url(alias, "posts/x.md") == url


@pytest.mark.parametrize("alias", ["/", "", "/../geheim/", "?"])
def test_addresses_without_a_folder_are_refused(alias):
    with pytest.raises(ContentError, match=r"^posts/x.md: 'aliases': expected old addresses"):
        alias_url(alias, "posts/x.md")


def _refresh_target(html: str) -> str:
    return re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)


def test_each_alias_redirects_to_its_post(site):
    site.post(
        "2011-09-06-moeilijk.md",
        post_text("Doe niet zo moeilijk", "2011-09-06", aliases=["/2011/09/06/doe-niet-zo-moeilijk/", "/?p=123"]),
    )
    site.post("2012-01-01-ander.md", post_text("Een ander bericht", "2012-01-01", aliases=["/oud/ander/"]))
    result = site.build()
    assert result.returncode == 0, result.output
    post = "https://www.example.nl/blog/doe-niet-zo-moeilijk/"
    for url, relative in [
        ("2011/09/06/doe-niet-zo-moeilijk/", "../../../../blog/doe-niet-zo-moeilijk/"),
        ("p/123/", "../../blog/doe-niet-zo-moeilijk/"),
    ]:
        html = result.page(url)
        assert _refresh_target(html) == relative
        assert f'<link rel="canonical" href="{post}">' in html
        assert f'<a href="{relative}">Doe niet zo moeilijk</a>' in html
        assert '<meta name="robots" content="noindex">' in html
        # The relative target really is the post page, seen from the redirect's folder.
        assert (result.site / url / relative / "index.html").resolve() == (result.site / "blog/doe-niet-zo-moeilijk/index.html").resolve()
    assert "../../blog/een-ander-bericht/" == _refresh_target(result.page("oud/ander/"))
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "p/123" not in sitemap and "2011/09/06" not in sitemap


def test_a_draft_publishes_no_redirect(site):
    site.post("concept.md", post_text("Concept", "2012-01-01", draft=True, aliases=["/?p=9"]))
    result = site.build()
    assert result.returncode == 0, result.output
    assert not result.exists("p/9/")


def test_alias_on_a_real_page_fails_naming_the_post_and_key(site):
    site.page("over.md", "# Over mij\n")
    site.post("2012-01-01-x.md", post_text("Een bericht", "2012-01-01", aliases=["/over/"]))
    result = site.build()
    assert result.returncode != 0
    assert "posts/2012-01-01-x.md: 'aliases': verwacht een oud adres dat nog vrij is, maar /over/ is de pagina docs/over.md" in result.output
    assert "Traceback" not in result.output


def test_alias_on_a_blog_page_fails(site):
    site.post("2012-01-01-x.md", post_text("Een bericht", "2012-01-01"))
    site.post("2013-01-01-y.md", post_text("Nog een", "2013-01-01", aliases=["/blog/een-bericht/"]))
    result = site.build()
    assert result.returncode != 0
    assert "posts/2013-01-01-y.md: 'aliases'" in result.output and "/blog/een-bericht/" in result.output


def test_two_posts_with_one_alias_fail_naming_both(site):
    site.post("2012-01-01-x.md", post_text("Een bericht", "2012-01-01", aliases=["/?p=5"]))
    site.post("2013-01-01-y.md", post_text("Nog een", "2013-01-01", aliases=["/index.php?p=5"]))
    result = site.build()
    assert result.returncode != 0
    assert re.search(r"posts/\S+\.md: 'aliases': verwacht een eigen oud adres, maar /p/5/ is ook een alias van posts/\S+\.md", result.output)

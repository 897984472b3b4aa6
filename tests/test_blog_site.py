"""Whole-site tests of the blog: build a small site in a temporary folder, read the HTML."""

import re

import pytest

from sitebuilder import SiteBuilder, post_text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = SiteBuilder(tmp_path_factory.mktemp("blog"))
    for n in range(1, 24):  # 23 posts over 2019-2021, 12 in Telefonie
        year = 2019 + n % 3
        categories = ["Communicatie", "Telefonie"] if n % 2 else ["communicatie"]
        site.post(
            f"{year}-03-{n:02d}-post-{n}.md",
            post_text(f"Bericht nummer {n}", f"{year}-03-{n:02d}", f"Inleiding {n}.\n\n<!-- more -->\n\nRest {n}.",
                      categories=categories, tags=["tip"]),
        )
    site.post("2011-09-06-doe.md", post_text("Doe niet zo moeilijk", "2011-09-06", "word " * 700, updated="2012-01-10",
                                            author="joost", categories=["Privé & Werk"], summary="Over <eenvoud> & taal"))
    site.post("2020-05-05-concept.md", post_text("Geheim concept", "2020-05-05", draft=True))
    site.post("2099-01-01-toekomst.md", post_text("Nog niet", "2099-01-01"))
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def cards(html: str) -> list[str]:
    return re.findall(r'class="ts-card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_post_page_shows_title_author_dutch_dates_categories_tags_read_time(built):
    html = built.page("blog/doe-niet-zo-moeilijk/")
    assert "<h1>Doe niet zo moeilijk</h1>" in html
    assert "Joost Hendriks" in html
    assert '<time class="ts-meta__date" datetime="2011-09-06">6 september 2011</time>' in html
    assert "10 januari 2012" in html
    assert "4 min leestijd" in html  # 700 words at 200 per minute
    assert 'href="../categorie/prive-werk/"' in html and "Privé &amp; Werk" in html
    assert "Over &lt;eenvoud&gt; &amp; taal" in html  # summary as meta description, escaped


def test_blog_index_is_paginated_newest_first(built):
    first = built.page("blog/")
    assert len(cards(first)) == 10
    assert cards(first)[0] == "Bericht nummer 23"  # 2021-03-23 is the newest
    assert 'href="pagina/2/"' in first and "Pagina 1 van 3" in first
    third = built.page("blog/pagina/3/")
    assert len(cards(third)) == 4 and 'href="../2/"' in third and "Pagina 3 van 3" in third
    assert not built.exists("blog/pagina/4/")


def test_cards_show_date_categories_excerpt_and_read_more(built):
    html = built.page("blog/")
    assert "Inleiding 23." in html and "Rest 23." not in html
    assert "Lees meer" in html and "23 maart 2021" in html
    assert 'href="categorie/telefonie/"' in html


def test_categories_are_merged_across_case_and_counted(built):
    index = built.page("blog/categorie/")
    assert re.search(r'href="communicatie/">Communicatie</a> <span class="ts-count">\(23 berichten\)', index)
    assert re.search(r'href="telefonie/">Telefonie</a> <span class="ts-count">\(12 berichten\)', index)
    assert not built.exists("blog/categorie/communicatie-2/")
    assert len(cards(built.page("blog/categorie/telefonie/"))) == 10
    assert len(cards(built.page("blog/categorie/telefonie/pagina/2/"))) == 2


def test_yearly_archive(built):
    assert "Bericht nummer 3" in built.page("blog/archief/2019/")
    assert "Doe niet zo moeilijk" in built.page("blog/archief/2011/")
    assert "Bericht nummer 3" not in built.page("blog/archief/2020/")


def test_drafts_and_future_posts_are_not_built(built):
    assert not built.exists("blog/geheim-concept/") and not built.exists("blog/nog-niet/")
    everything = "".join(p.read_text(encoding="utf-8") for p in built.site.rglob("*.html"))
    everything += "".join(p.read_text(encoding="utf-8") for p in built.site.rglob("*.xml"))
    assert "Geheim concept" not in everything and "Nog niet" not in everything


def test_home_page_shows_latest_posts(built):
    html = built.page("")
    assert "Laatste berichten" in html and cards(html)[0] == "Bericht nummer 23"


def test_posts_are_not_in_the_navigation(built):
    nav = built.page("").split('class="md-nav', 1)[1]
    assert "Bericht nummer" not in nav.split("</nav>", 1)[0]


def test_every_page_links_the_feed(built):
    for url in ("", "blog/", "blog/doe-niet-zo-moeilijk/", "blog/categorie/telefonie/"):
        assert '<link rel="alternate feed" type="application/rss+xml"' in built.page(url)


def test_english_site(site):
    site.configure(theme={"language": "en"})
    site.post("2011-09-06-a.md", post_text("A post", "2011-09-06", "word " * 300))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/a-post/")
    assert "September 6, 2011" in html and "2 min read" in html


def test_drafts_are_built_and_marked_in_serve_mode_only(tmp_path, monkeypatch):
    """`mkdocs serve` passes command='serve' to on_startup: the preview holds the draft, marked; a build does not."""
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = SiteBuilder(tmp_path)
    site.post("2020-05-05-concept.md", post_text("Geheim concept", "2020-05-05", draft=True))
    site.post("2020-05-01-klaar.md", post_text("Klaar", "2020-05-01"))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command, folder in (("serve", "preview"), ("build", "published")):
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / folder))
        config.plugins.on_startup(command=command, dirty=False)  # MkDocs keeps plugin instances per process
        build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    draft = tmp_path / "preview" / "blog" / "geheim-concept" / "index.html"
    assert draft.is_file()
    assert "Dit is een concept: het wordt niet gepubliceerd." in draft.read_text(encoding="utf-8")
    assert not (tmp_path / "published" / "blog" / "geheim-concept").exists()
    assert (tmp_path / "published" / "blog" / "klaar" / "index.html").is_file()

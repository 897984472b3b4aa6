"""The digest e-mail (`trainersite nieuwsbrief --sinds`) and the newsletter preview of `mkdocs serve`."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from sitebuilder import SiteBuilder, post_text

COURSE = """---
title: "Klantgericht communiceren"
summary: "Twee dagen oefenen met echte gesprekken."
format: [open]
sessions:
  - {start: 2099-03-09 09:30, end: 2099-03-10 17:00, location: Utrecht, seats_left: 4}
  - {start: 2098-01-12 09:30, end: 2098-01-12 17:00, location: Zwolle, seats_left: 0}
  - {start: 2001-01-01 09:30, end: 2001-01-01 17:00, location: Verleden}
---
Beschrijving.
"""


def digest(site: SiteBuilder, since: str, out: str = "nb.html") -> subprocess.CompletedProcess:
    site.build()  # writes mkdocs.yml
    return subprocess.run(
        [sys.executable, "-m", "trainersite.tools.cli", "nieuwsbrief", "--sinds", since, "--uit", out,
         "--config-file", str(site.root / "mkdocs.yml")],
        cwd=site.root, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture
def blog(site):
    site.page("assets/a.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600"></svg>')
    site.page("trainingen/index.md", "# Trainingen\n")
    site.page("trainingen/klantgericht-communiceren.md", COURSE)
    site.page("contact.md", "# Contact\n")
    site.post("2026-10-20-oud.md", post_text("Oud bericht", "2026-10-20", "Van voor de nieuwsbrief."))
    site.post("2026-11-03-eerste.md", post_text("Eerste <nieuwe> bericht", "2026-11-03", "Een *nieuwe* tekst.",
                                                image="/assets/a.svg", summary="Kort & krachtig."))
    site.post("2026-11-20-tweede.md", post_text("Tweede bericht", "2026-11-20", "Nog een tekst.\n\n<!-- more -->\n\nRest."))
    site.post("2026-11-25-concept.md", post_text("Concept", "2026-11-25", "Nog niet af.", draft=True))
    return site


def test_digest_holds_the_posts_since_the_date_and_the_next_sessions(blog):
    done = digest(blog, "2026-11-01")
    assert done.returncode == 0, done.stderr
    html = (blog.root / "nb.html").read_text(encoding="utf-8")
    text = (blog.root / "nb.txt").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(html)
    titles = [h.text_content() for h in tree.iter("h2")]
    assert titles == ["Tweede bericht", "Eerste <nieuwe> bericht"]  # newest first; no draft, nothing older
    for title in titles:
        assert title in text
    assert "Oud bericht" not in html and "Concept" not in html
    # 600 px table layout, CSS inlined (no <style> left for clients that drop it), a preheader
    assert tree.find(".//table[@width='600']") is not None
    assert tree.find(".//style") is None and 'style="' in html
    assert "2 nieuwe berichten: Tweede bericht, Eerste &lt;nieuwe&gt; bericht" in html
    # every link and picture absolute (the unsubscribe merge tag excepted)
    for el in tree.iter("a", "img"):
        link = el.get("href") or el.get("src")
        assert link == "*|UNSUB|*" or urlsplit(link).scheme == "https", link
    image = tree.find(".//img")
    assert (image.get("src"), image.get("width"), image.get("height")) == ("https://www.example.nl/assets/a.svg", "536", "268")
    assert "Kort &amp; krachtig." in html and "Kort & krachtig." in text
    # the next sessions with places; the past one never
    assert "Utrecht" in html and "Nog 4 plaatsen" in html and "Zwolle" in html and "Vol" in html
    assert "Verleden" not in html
    assert html.index("Zwolle") < html.index("Utrecht")  # in date order
    assert "info@" in html or "example" in html


def test_unsubscribe_tag_is_the_providers(blog):
    blog.configure(extra={"newsletter": {"unsubscribe": "{$unsubscribe}"}})
    assert digest(blog, "2026-11-01").returncode == 0
    assert 'href="{$unsubscribe}"' in (blog.root / "nb.html").read_text(encoding="utf-8")
    assert "{$unsubscribe}" in (blog.root / "nb.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("since, expected", [
    ("2099-01-01", "--sinds: 'sinds': verwacht een datum met op of na die dag minstens één gepubliceerd bericht, maar er staat '2099-01-01'"),
    ("morgen", "--sinds: 'sinds': verwacht een datum zoals 2024-03-05"),  # the site speaks Dutch
])
def test_no_posts_or_a_bad_date_is_one_clear_line(blog, since, expected):
    done = digest(blog, since)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("trainersite: " + expected), done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (blog.root / "nb.html").exists()


def test_english_site_gets_an_english_digest(blog):
    blog.configure(theme={"language": "en"})
    blog.build()
    done = subprocess.run([sys.executable, "-m", "trainersite.tools.cli", "newsletter", "--since", "2026-11-01"],
                          cwd=blog.root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (blog.root / "newsletter-2026-11-01.html").is_file()
    text = (blog.root / "newsletter-2026-11-01.txt").read_text(encoding="utf-8")
    assert "This is what I wrote since" in text and "Unsubscribe" in text and "Afmelden" not in text


def test_serve_shows_the_newsletter_preview_and_build_does_not(blog, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    published = blog.build()
    assert published.returncode == 0, published.output
    assert not published.exists("nieuwsbrief/voorbeeld/")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(blog.root)
    config = load_config(str(blog.root / "mkdocs.yml"), site_dir=str(blog.root / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    page = (blog.root / "preview/nieuwsbrief/voorbeeld/index.html").read_text(encoding="utf-8")
    assert "Voorbeeld van de nieuwsbrief" in page and "Lees dit bericht op de site" in page
    assert "Tweede bericht" in page and 'src="digest.html"' in page
    assert "stylesheets" not in page  # no site CSS: as a mail client shows it
    assert (blog.root / "preview/nieuwsbrief/voorbeeld/digest.html").is_file()

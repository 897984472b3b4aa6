"""The chrome shared by pages of one folder (speed/chrome.py) changes no byte of any page.

The sites below hold the pages a shared fragment could get wrong: a page outside the navigation
that the footer links to (privacy), one whose folder holds a page of the navigation, nav pages
(which the theme marks), a section and a link in the navigation, posts and listings, and both URL
styles. Each is built with the speed layer on and off; every file must be the same.
"""

from __future__ import annotations

import pytest
import yaml
from sitebuilder import SiteBuilder, post_text, same_tree

from trainersite.adapters import speed
from trainersite.adapters.speed import Speed


def _build(site: SiteBuilder, site_dir, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(site.root)
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site_dir))
    blog = config.plugins["trainersite-blog"]
    blog.speed = Speed()  # made under whatever engine the test patched in
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return blog.speed


def _site(tmp_path, directory_urls: bool) -> SiteBuilder:
    site = SiteBuilder(tmp_path)
    site.page("colofon.md", "# Colofon\n\nWie maakte deze site.\n")  # outside the nav, in the root folder
    site.page("diensten.md", "# Diensten\n\nWat ik doe.\n")  # outside the nav; its folder holds a nav page
    site.page("diensten/aanbod.md", "# Aanbod\n\nHet aanbod.\n")
    site.page("privacy.md", "# Privacy\n\nWat ik bewaar.\n")  # outside the nav, linked from every footer
    site.page("over.md", "# Over\n\nOver mij.\n")
    site.page("over/team.md", "# Team\n\nHet team.\n")
    site.page("over/werkwijze.md", "# Werkwijze\n\nHoe ik werk.\n")  # outside the nav, next to a nav page
    site.configure(
        use_directory_urls=directory_urls,
        not_in_nav="/colofon.md\n/diensten.md\n/privacy.md\n/over/werkwijze.md\n",
        nav=[
            {"Home": "index.md"},
            {"Blog": "blog/index.md"},
            {"Over": ["over.md", {"Team": "over/team.md"}]},
            {"Aanbod": "diensten/aanbod.md"},
            {"Elders": "https://www.example.nl/elders/"},
        ],
        extra={"contact": {"privacy_url": "privacy.html" if not directory_urls else "privacy/"}},
    )
    for n in range(1, 13):
        day = f"2021-03-{n:02d}"
        site.post(f"{day}-bericht-{n}.md", post_text(f"Bericht {n}", day, f"Inleiding {n}.\n\n<!-- more -->\n\n## Kop\n\nTekst.",
                                                    categories=["Klachten" if n % 2 else "Telefonie"], tags=["toon"]))
    return site


@pytest.mark.parametrize("directory_urls", [True, False])
def test_shared_chrome_changes_no_byte(tmp_path, monkeypatch, directory_urls):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    site = _site(tmp_path, directory_urls)
    on = _build(site, tmp_path / "on", monkeypatch)
    assert on.enabled and on.chrome.hits > 20  # posts and listings did share their chrome
    monkeypatch.setattr(speed, "engine", lambda: ("mkdocs", "2.0.0"))
    try:
        off = _build(site, tmp_path / "off", monkeypatch)
        assert not off.enabled and off.chrome.hits == 0
    finally:
        monkeypatch.undo()
        # MkDocs keeps plugin instances per process: later tests get one made under the real engine.
        from mkdocs.config import load_config

        load_config(str(site.root / "mkdocs.yml")).plugins["trainersite-blog"].speed = Speed()
    assert same_tree(tmp_path / "on", tmp_path / "off") == []
    privacy = (tmp_path / "on" / ("privacy/index.html" if directory_urls else "privacy.html")).read_text(encoding="utf-8")
    colofon = (tmp_path / "on" / ("colofon/index.html" if directory_urls else "colofon.html")).read_text(encoding="utf-8")
    if directory_urls:  # the footer's privacy link, seen from the privacy page and from its neighbour
        assert 'href="./"' in privacy and 'href="../privacy/"' in colofon
    else:
        assert 'href="privacy.html"' in privacy and 'href="privacy.html"' in colofon


def test_a_page_is_shared_only_where_its_links_read_alike():
    from types import SimpleNamespace

    from mkdocs.structure.pages import Page

    from trainersite.adapters.speed.chrome import ChromeFragments

    chrome = ChromeFragments()
    chrome.taken = {("privacy",), ("over",), ("over", "team")}

    def page(url):
        stand_in = Page.__new__(Page)
        stand_in.file = SimpleNamespace(url=url)  # Page.url reads its file's
        return stand_in

    nav_page = page("over/team/")
    chrome.nav_pages = {id(nav_page)}
    key = chrome.key
    assert key("footer", {"page": page("blog/a/"), "base_url": "../.."}) == key("footer", {"page": page("blog/b/"), "base_url": "../.."})
    assert key("footer", {"page": page("blog/a/"), "base_url": "../.."}) != key("footer", {"page": page("blog/c/d/"), "base_url": "../../.."})
    # The footer links to the privacy page; a nav page lies in over/: shared only with pages in that folder.
    assert key("footer", {"page": page("privacy/"), "base_url": ".."}) != key("footer", {"page": page("colofon/"), "base_url": ".."})
    assert key("footer", {"page": page("over/"), "base_url": ".."}) != key("footer", {"page": page("colofon/"), "base_url": ".."})
    assert key("footer", {"page": page("over/"), "base_url": ".."}) == key("footer", {"page": page("over/index.html"), "base_url": ".."})
    assert key("footer", {"page": nav_page, "base_url": "../.."}) is None  # the theme marks it in the nav
    assert key("footer", {"page": None}) is None and key("footer", {}) is None
    # File URLs: links read alike from every page of a folder, whatever its name.
    assert key("footer", {"page": page("over.html"), "base_url": "."}) == key("footer", {"page": page("privacy.html"), "base_url": "."})
    assert key("tabs", {"page": page("blog/a/"), "base_url": "../..", "section_tab": "blog/"}) != key(
        "tabs", {"page": page("blog/a/"), "base_url": "../..", "section_tab": None})

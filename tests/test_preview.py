"""`mkdocs serve` rebuilds reuse unchanged pages (preview.py), and still equal a fresh build."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from sitebuilder import REPO, SiteBuilder, post_text, same_tree
from trainersite.adapters.speed.page_output import stable_json
from trainersite.adapters.speed.preview import SearchEntryCache

CATEGORIES = ["Klachten", "Telefoon", "Team"]


def post_body(n: int, extra: str = "") -> str:
    return f"Inleiding {n}.\n\n<!-- more -->\n\n## Kop {n}\n\nTekst {n}. {extra}\n"


class ServeSession:
    """One plugin set kept across rebuilds, as `mkdocs serve` keeps it."""

    def __init__(self, site: SiteBuilder, monkeypatch):
        self.site = site
        site.build()  # writes mkdocs.yml
        monkeypatch.chdir(site.root)
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
        self.config = self._config("preview")
        self.config.plugins.on_startup(command="serve", dirty=False)
        build(self.config, serve_url="http://127.0.0.1:8000/")

    def _config(self, site_dir: str):
        config = load_config(str(self.site.root / "mkdocs.yml"), site_dir=str(self.site.root / site_dir))
        config.site_url = "http://127.0.0.1:8000/"
        return config

    def rebuild(self):
        """Rebuild in the session; returns the blog plugin (it counts the pages it reused)."""
        config = self._config("preview")
        build(config, serve_url="http://127.0.0.1:8000/")
        return config.plugins["trainersite-blog"]

    def fresh(self) -> Path:
        """The same site built by a new plugin set, which has nothing to reuse.

        In a new process: MkDocs keeps plugin instances (and so their caches) for a process's life.
        """
        script = (
            "import sys\n"
            "from mkdocs.commands.build import build\n"
            "from mkdocs.config import load_config\n"
            "config = load_config('mkdocs.yml', site_dir='fresh')\n"
            "config.site_url = 'http://127.0.0.1:8000/'\n"
            "config.plugins.on_startup(command='serve', dirty=False)\n"
            "build(config, serve_url='http://127.0.0.1:8000/')\n"
        )
        done = subprocess.run([sys.executable, "-c", script], cwd=self.site.root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return self.site.root / "fresh"


def touch_later(path: Path) -> None:
    """Edits in the same second as the last build must still count as edits."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def html_pages(folder: Path) -> int:
    """HTML files MkDocs renders as pages (the newsletter preview is written after the build, by the feeds plugin)."""
    return sum(1 for path in folder.rglob("*.html") if "nieuwsbrief/voorbeeld" not in path.as_posix())


def assert_same_site(session: ServeSession) -> None:
    fresh = session.fresh()
    preview = session.site.root / "preview"
    # sitemap.xml.gz holds the time of compression, so it differs between any two builds.
    differences = [name for name in same_tree(preview, fresh) if not name.endswith(".gz")]
    assert differences == []
    shutil.rmtree(fresh)


@pytest.fixture
def session(tmp_path, monkeypatch):
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    site = SiteBuilder(tmp_path)
    site.config["theme"]["custom_dir"] = str(overrides)
    site.page("over.md", "# Over mij\n\nTekst.\n")
    for n in range(1, 13):
        site.post(f"2021-0{n % 9 + 1}-1{n % 9}-p{n}.md", post_text(
            f"Bericht {n}", f"2021-0{n % 9 + 1}-1{n % 9}", post_body(n), categories=[CATEGORIES[n % 3]], tags=["t"],
        ))
    return ServeSession(site, monkeypatch)


def test_reuse_counter_an_edit_below_the_excerpt_renders_only_that_post_again(session):
    path = session.site.posts / "2021-02-11-p1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Tekst 1.", "Tekst 1, herschreven."), encoding="utf-8")
    touch_later(path)
    blog = session.rebuild()
    pages = html_pages(session.site.root / "preview") - 1  # 404.html is not a page
    assert blog.speed.preview.page_outputs.hits == pages - 1
    assert "Tekst 1, herschreven." in (session.site.root / "preview/blog/bericht-1/index.html").read_text("utf-8")
    assert_same_site(session)


def test_reuse_counter_a_new_title_reaches_every_page_that_shows_it(session):
    path = session.site.posts / "2021-02-11-p1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Bericht 1", "title: Een nieuwe titel\nslug: bericht-1"),
                    encoding="utf-8")
    touch_later(path)
    blog = session.rebuild()
    assert blog.speed.preview.page_outputs.hits > 0
    assert_same_site(session)


def test_new_removed_and_excerpt_edited_posts(session):
    session.site.post("2021-05-20-nieuw.md", post_text("Nieuw bericht", "2021-05-20", post_body(99),
                                                       categories=["Nieuwe categorie"]))
    (session.site.posts / "2021-04-13-p3.md").unlink()
    path = session.site.posts / "2021-03-12-p2.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Inleiding 2.", "Een andere inleiding."), encoding="utf-8")
    touch_later(path)
    session.rebuild()
    assert_same_site(session)


def test_reuse_counter_a_page_heading_changes_the_navigation_everywhere(session):
    session.site.page("over.md", "# Over Annelies\n\nTekst.\n")
    blog = session.rebuild()
    assert blog.speed.preview.page_outputs.hits == 0  # the menu on every page changed
    assert_same_site(session)


def test_reuse_counter_a_template_edit_renders_every_page_again(session):
    partial = session.site.root / "overrides" / "partials" / "blog-links.html"
    partial.write_text(partial.read_text(encoding="utf-8") + "<!-- gewijzigd -->\n", encoding="utf-8")
    touch_later(partial)
    blog = session.rebuild()
    assert blog.speed.preview.page_outputs.hits == 0
    assert "<!-- gewijzigd -->" in (session.site.root / "preview/blog/index.html").read_text("utf-8")
    assert_same_site(session)


def test_stable_json_describes_by_content_not_identity():
    from dataclasses import dataclass

    @dataclass
    class Point:
        x: int
        y: list

    assert stable_json({"p": Point(1, [2])}) == stable_json({"p": Point(1, [2])})
    assert stable_json({"p": Point(1, [2])}) != stable_json({"p": Point(1, [3])})
    assert stable_json({"s": {"b", "a"}}) == stable_json({"s": {"a", "b"}})
    # Something without a content description can only miss: it never equals a new copy of itself.
    assert stable_json([object()]) != stable_json([object()])


def test_search_entries_are_reused_only_for_the_same_page_input(tmp_path):
    class Index:
        def __init__(self):
            self.entries, self.parsed = [], 0

        def add_entry_from_context(self, page):
            self.parsed += 1
            self.entries.append({"location": page.url, "text": page.content})

    class Plugins(dict):
        pass

    config = load_config(str(REPO / "mkdocs.yml"))
    page = Page("T", File("a.md", str(tmp_path), str(tmp_path / "site"), True), config)
    page.content, page.toc = "<p>een</p>", []
    cache = SearchEntryCache()
    indexes = []
    for content in ("<p>een</p>", "<p>een</p>", "<p>twee</p>"):
        index = Index()
        indexes.append(index)
        plugins = Plugins(search=type("P", (), {"search_index": index})())
        cache.attach(type("C", (), {"plugins": plugins})())
        page.content = content
        index.add_entry_from_context(page)
        cache.finish_build()
    assert [index.parsed for index in indexes] == [1, 0, 1]
    assert [index.entries[0]["text"] for index in indexes] == ["<p>een</p>", "<p>een</p>", "<p>twee</p>"]

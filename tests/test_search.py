"""Site search: the records each page gives, the Pagefind index a build writes, drafts only in serve,
English labels on an English site, and the precompressed copies."""

from __future__ import annotations

import gzip
import random
import stat
from pathlib import Path

import brotli
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from sitebuilder import SiteBuilder, post_text, search_pages
from trainersite.search import IndexJob, SearchIndexError, make_record, write_index
from trainersite.search import index as search_index
from trainersite.search.index import record_document
from trainersite.delivery.precompress import precompress


def test_a_record_keeps_the_page_content_without_icons_or_scripts():
    record = make_record("blog/x/", "Titel", '<h2 id="a">Kop<a class="headerlink" href="#a">¶</a></h2>'
                         "<p>Tekst</p><svg><title>icoon</title></svg><script>alert(1)</script>", "blog",
                         categories=["Klachten", "Klachten", "Team"])
    assert record.url == "/blog/x/"
    assert "Kop" in record.html and "Tekst" in record.html
    assert "¶" not in record.html and "icoon" not in record.html and "alert" not in record.html
    assert record.filters() == {"kind": ["blog"], "category": ["Klachten", "Team"]}
    assert make_record("", "Home", "<p>x</p>", "page").url == "/"


@pytest.mark.parametrize("url, kind", [("blog/x/", "nieuws"), ("../buiten/", "page"), ("a/../../b/", "page")])
def test_bad_records_are_refused(url, kind):
    with pytest.raises(ValueError):
        make_record(url, "T", "<p>x</p>", kind)


def test_the_document_pagefind_reads_escapes_title_and_categories():
    record = make_record("blog/x/", '<script>alert("t")</script>', "<p>x</p>", "blog", date="1 maart 2024",
                         sort_date="2024-03-01", categories=["A & B <i>"])
    document = record_document(record, "nl")
    assert "<script>" not in document
    assert "&lt;script&gt;" in document and "A &amp; B &lt;i&gt;" in document
    assert '<html lang="nl">' in document and '<span data-pagefind-sort="date">2024-03-01</span>' in document


def test_a_failing_binary_is_one_line_without_traceback(tmp_path, monkeypatch):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: no space left' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(search_index, "executable", lambda: fake)
    with pytest.raises(SearchIndexError) as raised:
        write_index([make_record("a/", "A", "<p>a</p>", "page")], tmp_path / "site", "nl")
    assert str(raised.value) == "search index: pagefind exited with 3: Error: no space left"


@pytest.fixture
def site(tmp_path) -> SiteBuilder:
    site = SiteBuilder(tmp_path)
    site.page("over.md", "---\ntitle: Over mij\n---\n# Over mij\n\nIk train klantenservicemedewerkers.\n")
    site.post("2024-03-05-klacht.md", post_text(
        "Een klacht als cadeau", "2024-03-05", "Een klacht is een cadeautje van een klant.\n\nEén zin over café.",
        categories=["Klachtbehandeling"]))
    site.post("2024-04-01-concept.md", post_text(
        "Geheim concept", "2024-04-01", "Dit woord staat alleen hier: zeppelinvaart.", draft=True))
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\n# Trainingen\n")
    site.page("trainingen/gesprekken.md", "---\ntitle: Goede gesprekken\nsummary: Een training.\n"
              "categories: [Klachtbehandeling]\nsessions:\n  - {start: 2099-03-09 09:30, end: 2099-03-09 17:00, location: Utrecht}\n"
              "---\nOefenen met lastige gesprekken.\n")
    return site


def test_a_build_indexes_posts_courses_and_pages_with_their_kind_date_and_categories(site):
    built = site.build()
    assert built.returncode == 0, built.output
    found = search_pages(built.site)
    post = found["/blog/een-klacht-als-cadeau/"]
    assert post["meta"] == {"title": "Een klacht als cadeau", "kind": "blog", "date": "5 maart 2024"}
    assert post["filters"] == {"kind": ["blog"], "category": ["Klachtbehandeling"]}
    assert "cadeautje" in post["content"] and "café" in post["content"]
    course = found["/trainingen/gesprekken/"]
    assert course["meta"]["kind"] == "training" and course["meta"]["date"].startswith("9 maart 2099")
    assert course["filters"]["category"] == ["Klachtbehandeling"]
    assert found["/over/"]["meta"]["kind"] == "page"
    # Listings are excluded (they only repeat posts); drafts are not built, so not indexed.
    assert "/blog/" not in found
    assert not any("zeppelinvaart" in page["content"] for page in found.values())
    # The theme's single search index and its worker are gone; every page loads the small script.
    assert not (built.site / "search" / "search_index.json").exists()
    home = built.page("")
    assert "search.js" in home and "search_index" not in home and 'name="search"' not in home
    # ... and so are its files: the theme's search worker and lunr (it starts only with a form named "search").
    scripts = built.site / "assets" / "javascripts"
    assert (scripts / "search.js").is_file() and not (scripts / "lunr").exists() and not list(scripts.glob("workers/search.*"))


def test_a_site_file_named_like_the_themes_search_files_is_published(site):
    site.page("assets/javascripts/lunr/eigen.js", "// van de trainer\n")
    built = site.build()
    assert built.returncode == 0, built.output
    assert (built.site / "assets/javascripts/lunr/eigen.js").read_text() == "// van de trainer\n"
    assert not (built.site / "assets/javascripts/lunr/min").exists()


def test_an_english_site_gets_an_english_search_box(site):
    site.configure(theme={"language": "en"})
    built = site.build()
    assert built.returncode == 0, built.output
    home = built.page("")
    assert 'aria-label="Search the site"' in home and "All categories" in home
    assert (built.site / "pagefind" / "wasm.en.pagefind").is_file()


def test_drafts_are_searchable_in_serve_and_edits_reach_the_index(site, monkeypatch):
    site.build()  # writes mkdocs.yml
    monkeypatch.chdir(site.root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def serve_build():
        config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "preview"))
        config.site_url = "http://127.0.0.1:8000/"
        return config

    config = serve_build()
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    found = search_pages(site.root / "preview")
    assert "zeppelinvaart" in found["/blog/geheim-concept/"]["content"]

    post = site.posts / "2024-03-05-klacht.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nNieuw: luchtballonvaart.\n", encoding="utf-8")
    build(serve_build(), serve_url="http://127.0.0.1:8000/")
    assert "luchtballonvaart" in search_pages(site.root / "preview")["/blog/een-klacht-als-cadeau/"]["content"]


def test_compress_writes_gzip_and_brotli_copies_that_decode_to_the_file(site):
    site.plugin("trainersite-delivery")["compress"] = True
    built = site.build()
    assert built.returncode == 0, built.output
    for name in ["index.html", "feed.xml", "pagefind/pagefind.js", "assets/stylesheets/extra.css"]:
        original = (built.site / name).read_bytes()
        assert gzip.decompress((built.site / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((built.site / f"{name}.br").read_bytes()) == original
    assert not list(built.site.rglob("*.png.gz")) and not list(built.site.rglob("*.gz.gz"))


def test_precompress_replaces_old_copies_and_skips_what_does_not_shrink(tmp_path):
    (tmp_path / "a.html").write_text("<p>" + "herhaling " * 200 + "</p>")
    (tmp_path / "a.html.br").write_bytes(b"oud")
    (tmp_path / "tiny.js").write_text("x=1")
    (tmp_path / "noise.json").write_bytes(random.Random(1).randbytes(2048))
    (tmp_path / "noise.json.gz").write_bytes(b"oud")
    stats = precompress(tmp_path)
    assert brotli.decompress((tmp_path / "a.html.br").read_bytes()) == (tmp_path / "a.html").read_bytes()
    assert not (tmp_path / "tiny.js.gz").exists()
    # Noise does not shrink: no copy, and the stale one is gone (it would be served instead).
    assert not (tmp_path / "noise.json.gz").exists() and not (tmp_path / "noise.json.br").exists()
    assert stats.files == 2 and stats.brotli_bytes < stats.bytes


def _waiting_binary(tmp_path):
    """A stand-in for pagefind that runs until the file `go` appears."""
    fake = tmp_path / "pagefind"
    go = tmp_path / "go"
    fake.write_text(f"#!/bin/sh\nwhile [ ! -f '{go}' ]; do sleep 0.05; done\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return fake, go


def test_indexing_runs_in_the_background_until_finished(tmp_path, monkeypatch):
    fake, go = _waiting_binary(tmp_path)
    monkeypatch.setattr(search_index, "executable", lambda: fake)
    job = IndexJob([make_record("a/", "A", "<p>a</p>", "page")], tmp_path / "site", "nl")
    scratch = Path(job._scratch.name)
    assert (scratch / "a" / "index.html").is_file()
    assert job._process.poll() is None  # still running: the build goes on meanwhile
    go.touch()
    stats = job.finish()
    assert stats.records == 1 and not scratch.exists()


def test_a_cancelled_index_leaves_no_process_and_no_scratch(tmp_path, monkeypatch):
    fake, _ = _waiting_binary(tmp_path)
    monkeypatch.setattr(search_index, "executable", lambda: fake)
    job = IndexJob([make_record("a/", "A", "<p>a</p>", "page")], tmp_path / "site", "nl")
    job.cancel()
    assert job._process.poll() is not None and not Path(job._scratch.name).exists()



def test_a_failing_index_stops_the_build_with_one_line(site, monkeypatch, tmp_path, caplog):
    site.build()  # writes mkdocs.yml
    monkeypatch.chdir(site.root)
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: kapot' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(search_index, "executable", lambda: fake)
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "again"))
    with pytest.raises(Abort):
        build(config)
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert errors == ["search index: pagefind exited with 3: Error: kapot"]

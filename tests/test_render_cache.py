"""The render cache and parallel conversion never change the output, and keep warnings."""

import pytest
from sitebuilder import REPO, SiteBuilder, post_text, same_tree


def fill(site: SiteBuilder) -> None:
    site.page("over.md", "# Over\n\nTekst.\n")
    for n in range(1, 61):  # enough posts for the worker pool to be used
        body = f"Inleiding {n}.\n\n<!-- more -->\n\n## Kop {n}\n\nZie [over](../../over/) en [vorige](#kop-{n}).\n"
        site.post(f"2020-01-{n % 28 + 1:02d}-p{n}.md", post_text(f"Post {n}", f"2020-01-{n % 28 + 1:02d}", body,
                                                              categories=["A" if n % 2 else "B"]))


def test_cache_and_workers_do_not_change_the_output(tmp_path):
    site = SiteBuilder(tmp_path)
    fill(site)
    site.plugin("trainersite-blog").update(render_workers=2)
    cold = site.build("--site-dir", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.output
    assert any((tmp_path / ".cache" / "trainersite").rglob("*.json"))
    warm = site.build("--site-dir", str(tmp_path / "warm"))
    assert warm.returncode == 0, warm.output
    site.plugin("trainersite-blog").update(render_workers=1, render_cache="")
    serial = site.build("--site-dir", str(tmp_path / "serial"))
    assert serial.returncode == 0, serial.output
    assert same_tree(tmp_path / "cold", tmp_path / "warm") == []
    assert same_tree(tmp_path / "cold", tmp_path / "serial") == []


def test_an_edited_post_is_converted_again(tmp_path):
    site = SiteBuilder(tmp_path)
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", "Oude tekst."))
    assert site.build().returncode == 0
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", "Nieuwe tekst."))
    result = site.build()
    assert "Nieuwe tekst." in result.page("blog/a/") and "Oude tekst." not in result.page("blog/a/")


def test_warnings_of_cached_posts_still_stop_strict_builds(tmp_path):
    site = SiteBuilder(tmp_path)
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", "Zie [weg](../../bestaat-niet.md)."))
    for attempt in range(2):  # cold, then from the cache
        result = site.build()
        assert result.returncode != 0 and "bestaat-niet.md" in result.output, (attempt, result.output)


def test_cache_keeps_only_what_the_last_build_used(tmp_path):
    site = SiteBuilder(tmp_path)
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", "Eerste versie."))
    assert site.build().returncode == 0
    entries = lambda: sorted(p.name for p in (tmp_path / ".cache" / "trainersite").rglob("*.json"))  # noqa: E731
    first = entries()
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", "Tweede versie."))
    assert site.build().returncode == 0
    assert len(entries()) == len(first) == 1 and entries() != first


def _snippet_site(tmp_path, **snippets) -> SiteBuilder:
    site = SiteBuilder(tmp_path)
    (tmp_path / "stukjes").mkdir()
    (tmp_path / "stukjes" / "stukje.md").write_text("Eerste versie van het stukje.\n", encoding="utf-8")
    extensions = site.config.get("markdown_extensions", []) + [
        {"pymdownx.snippets": {"base_path": [str(tmp_path / "stukjes")], "check_paths": True, **snippets}}
    ]
    site.configure(markdown_extensions=extensions)
    return site


def test_an_edited_snippet_file_changes_the_output(tmp_path):
    """The post's Markdown stays the same; the file it includes changes."""
    site = _snippet_site(tmp_path)
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", 'Voor.\n\n--8<-- "stukje.md"\n\nNa.'))
    site.post("2020-01-02-b.md", post_text("B", "2020-01-02", "Zonder stukje."))
    first = site.build()
    assert first.returncode == 0, first.output
    assert "Eerste versie van het stukje." in first.page("blog/a/")
    (tmp_path / "stukjes" / "stukje.md").write_text("Tweede versie van het stukje.\n", encoding="utf-8")
    second = site.build()
    assert second.returncode == 0, second.output
    assert "Tweede versie van het stukje." in second.page("blog/a/")
    assert "Eerste versie" not in second.page("blog/a/")
    # Pages without a snippet are still cached.
    assert len(list((tmp_path / ".cache" / "trainersite").rglob("*.json"))) == 1


def test_an_edited_auto_appended_snippet_changes_every_post(tmp_path):
    site = _snippet_site(tmp_path, auto_append=["stukje.md"])
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01", "Gewone tekst."))
    assert "Eerste versie van het stukje." in site.build().page("blog/a/")
    (tmp_path / "stukjes" / "stukje.md").write_text("Tweede versie van het stukje.\n", encoding="utf-8")
    second = site.build()
    assert "Tweede versie van het stukje." in second.page("blog/a/"), second.output


def test_entries_from_another_environment_or_damaged_are_misses(tmp_path):
    """A cache written by another engine (ProperDocs), another version, an old pickle, or cut off
    half-way: the build converts again, with the same output, and never fails."""
    import json

    site = SiteBuilder(tmp_path)
    fill(site)
    site.plugin("trainersite-blog").update(render_workers=1)
    cold = site.build("--site-dir", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.output
    entries = sorted((tmp_path / ".cache" / "trainersite").rglob("*.json"))
    assert len(entries) == 60
    for number, entry in enumerate(entries):
        data = json.loads(entry.read_text(encoding="utf-8"))
        kind = number % 6
        if kind == 0:  # another engine wrote it
            data["environment"] = data["environment"].replace("engine=mkdocs", "engine=properdocs")
            data["content"] = "<p>VREEMD</p>"
            entry.write_text(json.dumps(data), encoding="utf-8")
        elif kind == 1:  # cut off half-way
            entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
        elif kind == 2:  # an older pickle of a module that is not installed
            entry.write_bytes(b"\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00\x8c\nproperdocs\x94\x8c\x03Toc\x94\x93\x94.")
        elif kind == 3:  # the right shape, wrong types
            data["toc"] = [{"title": 1, "id": None, "level": "x", "active": None, "children": []}]
            entry.write_text(json.dumps(data), encoding="utf-8")
        elif kind == 4:  # another version of this package
            data["environment"] = data["environment"].replace("trainersite=", "trainersite=9")
            data["content"] = "<p>VREEMD</p>"
            entry.write_text(json.dumps(data), encoding="utf-8")
        else:
            entry.write_text("[" * 100000, encoding="utf-8")  # deeper than the JSON reader goes
    (entries[0].parent / ("0" * 64 + ".pickle")).write_bytes(b"\x80\x04N.")  # an entry of the old format
    warm = site.build("--site-dir", str(tmp_path / "warm"))
    assert warm.returncode == 0, warm.output
    assert "Traceback" not in warm.output
    assert same_tree(tmp_path / "cold", tmp_path / "warm") == []
    assert not list((tmp_path / ".cache" / "trainersite").rglob("*.pickle"))  # pruned


def test_serve_rebuilds_pick_up_edits_to_front_matter_and_text(tmp_path, monkeypatch):
    """Like `mkdocs serve`: one plugin instance, rebuilds in one process after each edit."""
    import os

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = SiteBuilder(tmp_path)
    site.post("2020-01-01-a.md", post_text("Oude titel", "2020-01-01", "Oude tekst."))
    site.build()  # writes mkdocs.yml
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    path = site.post("2020-01-01-a.md", post_text("Nieuwe titel", "2020-01-01", "Nieuwe tekst.", slug="a"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    build(load_config(str(tmp_path / "mkdocs.yml")))
    html = (tmp_path / "site" / "blog" / "a" / "index.html").read_text(encoding="utf-8")
    assert "Nieuwe titel" in html and "Nieuwe tekst." in html and "Oude" not in html


def test_worker_counter_pages_rendered_by_workers_are_used_and_match(tmp_path, monkeypatch):
    """In `mkdocs build`, forked workers render the last pages; MkDocs takes them only under an equal key."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = SiteBuilder(tmp_path)
    fill(site)
    site.plugin("trainersite-blog").update(render_workers=1, render_cache="")
    serial = site.build("--site-dir", str(tmp_path / "serial"))
    assert serial.returncode == 0, serial.output
    site.plugin("trainersite-blog").update(render_workers=2)
    site.build("--site-dir", str(tmp_path / "unused"))  # writes mkdocs.yml
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "parallel"))
    # MkDocs keeps plugin instances for the whole process; this one may have served a preview before.
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    blog = config.plugins["trainersite-blog"]
    pages = sum(1 for _ in (tmp_path / "parallel").rglob("index.html"))
    assert blog.speed.page_workers.used >= pages // 3
    assert same_tree(tmp_path / "serial", tmp_path / "parallel") == []


def _empty_pages(tmp_path, extra_config: dict) -> list[tuple]:
    """Pages without Markdown, converted through the empty-page stand-in and by MkDocs itself."""
    import yaml
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from trainersite.adapters.speed.prerender import Prerender, RenderCache

    site = SiteBuilder(tmp_path)
    site.configure(**extra_config)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(site.config, allow_unicode=True), encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(f"lijst{n}.md", None, str(tmp_path / "site"), True) for n in (1, 2, 3)])
    prerender = Prerender([], config, files, RenderCache(None, config, files), workers=1)
    seen = []
    for file in files:
        file.content_string = ""
        pages = Page(None, file, config), Page(None, file, config)
        for page in pages:
            page.read_source(config)
        pages[0].render = prerender.empty_stand_in(pages[0])
        for page in pages:
            page.render(config, files)
        seen.append([(page.content, list(page.toc), page.title, page.present_anchor_ids, page.links_to_anchors)
                     for page in pages])
    assert prerender.empty_converts_to_nothing is True
    return seen


def test_empty_pages_share_one_conversion(tmp_path):
    for stand_in, mkdocs in _empty_pages(tmp_path, {}):
        assert stand_in == mkdocs
        assert stand_in[0] == "" and stand_in[1] == []


def test_empty_pages_stay_empty_whatever_the_extensions_add(tmp_path):
    """Python-Markdown returns '' for a blank text before any extension runs; the shortcut relies on it."""
    (tmp_path / "voet.md").write_text("## Voetnoot\n\nAltijd erbij.\n", encoding="utf-8")
    snippets = {"pymdownx.snippets": {"auto_append": ["voet.md"], "base_path": [str(tmp_path)]}}
    for stand_in, mkdocs in _empty_pages(tmp_path, {"markdown_extensions": ["toc", snippets]}):
        assert stand_in == mkdocs


PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"


@pytest.mark.skipif(not PROPERDOCS.exists(), reason="no .venv-properdocs: run scripts/install-properdocs (scripts/test does)")
def test_a_cache_written_by_properdocs_is_a_miss_for_mkdocs_and_back(tmp_path):
    """One project folder built by turns with ProperDocs and MkDocs: each ignores the other's entries."""
    import json
    import os
    import re
    import subprocess

    import yaml

    site = SiteBuilder(tmp_path)
    fill(site)
    site.plugin("trainersite-blog").update(render_workers=1)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(site.config, allow_unicode=True), encoding="utf-8")
    cache = tmp_path / ".cache" / "trainersite"

    def engines() -> set[str]:
        return {re.search(r"engine=(\S+)", json.loads(p.read_text(encoding="utf-8"))["environment"]).group(1)
                for p in cache.rglob("*.json")}

    def properdocs(site_dir: str) -> str:
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", site_dir],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        return done.stderr

    properdocs(str(tmp_path / "pd1"))
    assert engines() == {"properdocs"}
    mkdocs = site.build("--site-dir", str(tmp_path / "mk"))
    assert mkdocs.returncode == 0 and "Traceback" not in mkdocs.output, mkdocs.output
    assert engines() == {"mkdocs"}
    properdocs(str(tmp_path / "pd2"))
    assert engines() == {"properdocs"}
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    for name in same_tree(tmp_path / "mk", tmp_path / "pd2"):
        left, right = ((tmp_path / side / name).read_bytes() for side in ("mk", "pd2"))
        assert generator.sub(b"", left) == generator.sub(b"", right), name
    assert same_tree(tmp_path / "pd1", tmp_path / "pd2") == []

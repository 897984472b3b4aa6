"""Unused CSS removal: selectors kept only when the site names what they need."""

from __future__ import annotations

from trainersite.delivery import deliver_pages
from trainersite.delivery.unused_css import MarkupScan, bundle_words, purge_css, selector_used, site_words

WORDS = site_words(['<header class="md-header md-header--shadow" data-md-component="header">'
                    '<nav class="md-tabs" hidden><a href="/">x</a></nav><input type="checkbox" id="__drawer">'])


def test_selectors_need_every_class_id_element_and_attribute_they_name():
    assert selector_used(".md-header", WORDS)
    assert selector_used(".md-header--shadow .md-tabs a", WORDS)
    assert selector_used("[data-md-component=header]", WORDS)
    assert selector_used("#__drawer:checked~.md-header", WORDS)
    assert selector_used(".md-header:not(.md-typeset)", WORDS)  # what :not() excludes never makes a rule unused
    assert selector_used("html body a:hover::after", WORDS)
    assert not selector_used(".md-typeset .tabbed-set", WORDS)
    assert not selector_used("[data-md-component=announce]", WORDS)
    assert not selector_used("table", WORDS)


def test_purge_keeps_used_members_of_lists_and_media_rules_and_other_at_rules():
    css = ("@charset \"utf-8\";.md-header,.tabbed-set{color:red}.unused{x:1}"
           "@media screen and (min-width:60em){.md-tabs{display:block}.unused{y:2}}"
           "@media print{.unused{z:3}}@keyframes pulse{0%{opacity:0}to{opacity:1}}")
    purged = purge_css(css, WORDS)
    assert ".md-header{color:red}" in purged
    assert "tabbed-set" not in purged and "unused" not in purged
    assert "@media screen and (min-width:60em){.md-tabs{display:block}}" in purged
    assert "@media print" not in purged
    assert "@keyframes pulse" in purged


def test_the_bundle_counts_only_by_the_states_it_sets():
    words = bundle_words('x("div",{class:"md-typeset__scrollwrap"});e.classList.add("md-header--shadow");'
                         'y="tabbed-labels";z="data-md-state"')
    assert {"md-typeset__scrollwrap", "md-header--shadow", "data-md-state"} <= words
    assert "tabbed-labels" not in words


def test_purge_site_drops_unread_variables_across_stylesheets(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    scripts = tmp_path / "assets" / "javascripts"
    sheets.mkdir(parents=True)
    scripts.mkdir(parents=True)
    (tmp_path / "index.html").write_text('<div class="md-header"></div>')
    (scripts / "search.js").write_text('li.className = "md-search-result__item";')
    (sheets / "palette.css").write_text(":root{--md-primary-fg-color:#4051b5;--md-unused-icon:url(x.svg)}")
    (sheets / "main.css").write_text(".md-header{color:var(--md-primary-fg-color)}.md-search-result__item{a:b}"
                                     ".md-source{color:var(--md-unused-icon)}")
    stats = deliver_pages(tmp_path, inline=False).purge
    assert (sheets / "palette.css").read_text() == ":root{--md-primary-fg-color:#4051b5}"
    assert (sheets / "main.css").read_text() == ".md-header{color:var(--md-primary-fg-color)}.md-search-result__item{a:b}"
    assert stats.files == 2 and stats.bytes_after < stats.bytes_before


def test_only_markup_counts_not_the_text_between_tags():
    scan = MarkupScan()
    scan.add(b'<p class="intro">Een tabel met klanten: table, kbd en .md-typeset__table</p>'
             b'<style>.x{color:var(--md-accent)}</style><script>el.classList.add("is-open")</script>'
             b'<span style="width:var(--ts-bar)"></span>')
    assert {"p", "class", "intro", "is-open", "span", "style"} <= scan.words
    assert not {"table", "kbd", "klanten", "md-typeset__table"} & scan.words
    assert {"--md-accent", "--ts-bar"} <= scan.properties


def test_markup_many_pages_share_is_read_once():
    scan = MarkupScan()
    header = b'<header class="md-header"><nav class="md-tabs">'
    for number in range(50):
        scan.add(header + f'<h2 id="kop-{number}">Kop</h2>'.encode())
    assert {"md-header", "md-tabs", "kop-0", "kop-49"} <= scan.words
    assert len(scan._seen) == 3 + 50  # the header's two tags and </h2> once, one heading per page


def _small_site(root):
    sheets = root / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (root / "assets" / "javascripts").mkdir()
    (sheets / "main.css").write_text(".md-header{color:red}.unused{x:1}.ts-card{y:2}")
    (root / "index.html").write_text('<head><link rel="stylesheet" href="assets/stylesheets/main.css"></head>'
                                     '<header class="md-header"></header>')
    (root / "blog" / "post").mkdir(parents=True)
    (root / "blog" / "post" / "index.html").write_text(
        '<head><link rel="stylesheet" href="../../assets/stylesheets/main.css">'
        '<link rel="stylesheet" href="https://elders.example.nl/x.css"></head><div class="ts-card">ts-card</div>')
    (root / "oud.html").mkdir()  # an alias folder named like a page
    (root / "oud.html" / "index.html").write_text('<meta http-equiv="refresh" content="0; url=../blog/post/">')


def test_one_pass_gives_what_purge_and_inline_give_apart(tmp_path):
    apart, one = tmp_path / "apart", tmp_path / "one"
    _small_site(apart)
    _small_site(one)
    deliver_pages(apart, inline=False)
    deliver_pages(apart, purge=False)
    stats = deliver_pages(one)
    assert stats.pages == 3 and stats.inlined == 2
    for page in ["index.html", "blog/post/index.html", "oud.html/index.html"]:
        assert (one / page).read_bytes() == (apart / page).read_bytes()
    post = (one / "blog/post/index.html").read_text()
    assert "<style>.md-header{color:red}.ts-card{y:2}</style>" in post
    assert 'href="https://elders.example.nl/x.css"' in post and "unused" not in post


def test_held_pages_are_scanned_inlined_and_written_once(tmp_path):
    """Pages MkDocs rendered but did not write: the pass writes each, finished; pages on disk are read."""
    _small_site(tmp_path)
    held_post = (tmp_path / "blog" / "post" / "index.html").read_bytes()
    (tmp_path / "blog" / "post" / "index.html").unlink()
    held = {"blog/post/index.html": held_post,
            "blog/nieuw/index.html": b'<head><link rel="stylesheet" href="../../assets/stylesheets/main.css"></head>'
                                     b'<p class="unused">x</p>',
            "zonder-css/index.html": b"<p>Geen stylesheet</p>"}
    stats = deliver_pages(tmp_path, held=held)
    assert stats.pages == 5 and stats.inlined == 3
    assert (tmp_path / "zonder-css/index.html").read_bytes() == b"<p>Geen stylesheet</p>"  # written as it came
    nieuw = (tmp_path / "blog/nieuw/index.html").read_text()
    # the held pages count for the purge: .ts-card (post) and .unused (nieuw) are kept
    assert "<style>.md-header{color:red}.unused{x:1}.ts-card{y:2}</style>" in nieuw
    assert "<style>" in (tmp_path / "index.html").read_text()  # read from disk, inlined


def test_many_held_pages_in_new_folders_are_all_written_by_the_writers(tmp_path, monkeypatch):
    """The writer threads make folders as they go: pages sharing a new folder, nested new folders."""
    from trainersite.delivery import site_pass

    monkeypatch.setattr(site_pass, "IN_FLIGHT", 3)  # the window fills and empties many times
    _small_site(tmp_path)
    held = {f"blog/{n % 7}/{n % 5}/p{n}/index.html": f"<p>Pagina {n}</p>".encode() for n in range(300)}
    held.update({f"tag/{n}.html": f"<p>Tag {n}</p>".encode() for n in range(50)})  # one new folder, 50 pages
    stats = deliver_pages(tmp_path, held=held)
    assert stats.pages == 3 + 350
    for name, html in held.items():
        assert (tmp_path / name).read_bytes() == html, name


def test_a_build_writes_every_page_once_with_its_css_and_says_nothing_of_it(tmp_path):
    from sitebuilder import SiteBuilder, post_text

    site = SiteBuilder(tmp_path)
    site.post("eerste.md", post_text("Eerste bericht"))
    result = site.build("--verbose")
    assert result.returncode == 0, result.output
    assert "Page skipped" not in result.output  # MkDocs' line for an empty output, left out for held pages
    for url in ["", "blog/", "blog/eerste-bericht/"]:
        head = result.page(url).split("</head>")[0]
        assert ".md-header{" in head and "assets/stylesheets/main." not in head
    site.plugin("trainersite-delivery").update(purge_css=False, inline_css=False)
    linked = site.build()  # nothing held: MkDocs writes the pages itself
    assert linked.returncode == 0, linked.output
    for url in ["", "blog/eerste-bericht/"]:
        head = linked.page(url).split("</head>")[0]
        assert "assets/stylesheets/main." in head and ".md-header{" not in head


def test_a_page_that_cannot_be_written_is_one_line_in_the_sites_language(tmp_path):
    from types import SimpleNamespace

    import pytest
    from mkdocs.exceptions import PluginError
    from trainersite.adapters.delivery_plugin import TrainerDeliveryPlugin

    plugin = TrainerDeliveryPlugin()
    plugin.load_config({})
    site = tmp_path / "site"
    site.mkdir()
    (site / "blog").write_text("a file where the blog's folder should be")
    plugin.held = {"blog/post/index.html": b"<p>Een bericht</p>"}
    with pytest.raises(PluginError) as caught:
        plugin._ship_pages(config=SimpleNamespace(site_dir=str(site), theme={"language": "nl"}))
    message = str(caught.value)
    assert "\n" not in message and message.startswith("site/blog/post: ")
    assert "een map waarin de build kan schrijven" in message
    assert plugin.held == {}  # nothing kept for a next build

"""A hostile corpus: input written as an attacker (or a very unlucky trainer) would, each built as a whole site.

Every case must end in one of two ways: a build that succeeds with the harmful part made harmless, or
exit code 1 with one line naming the file and the key. Never a Python traceback, and never a file
written outside the output folder: each site is built deep inside its own temporary folder, and
everything around the output folder is compared before and after the build.

The classes of fault, and the cases that cover them, are listed in CLASSES at the bottom.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from sitebuilder import SiteBuilder, post_text
from test_bad_input import add_course, build_in_process, course_text

P = "posts/2024-03-05-bericht.md"


@dataclass(frozen=True)
class Hostile:
    id: str
    arrange: Callable[[SiteBuilder], None]
    says: tuple[str, ...] = ()  # all on one line; empty: the build succeeds
    check: Callable[[Path], None] | None = None  # on a successful build: the site folder
    warns: tuple[str, ...] = ()  # a successful non-strict build names these on one warning line
    marks: tuple = field(default=())


def post(site: SiteBuilder, name: str = "2024-03-05-bericht.md", title: str = "Een bericht", **meta) -> None:
    body = meta.pop("body", "Gewone tekst van het bericht.")
    site.post(name, post_text(title, date=meta.pop("date", "2024-03-05"), body=body, **meta))


def alias(value: str) -> Callable[[SiteBuilder], None]:
    return lambda s: post(s, aliases=[value])


def blog_option(**options) -> Callable[[SiteBuilder], None]:
    def arrange(site: SiteBuilder) -> None:
        post(site)
        site.plugin("trainersite-blog").update(options)

    return arrange


# -- 1. nothing is written outside the output folder; one writer per path --------------------------
PATHS = [
    Hostile("alias-encoded-slashes-up", alias("/x%2F..%2F..%2F..%2Fout/"), says=(P, "'aliases'")),
    # Decoded once, as a web server does: one odd folder name inside the site.
    Hostile("alias-double-encoded-up", alias("/x%252F..%252F..%252Fout/"), check=lambda site: (site / "x%2F..%2F..%2Fout" / "index.html").is_file()),
    Hostile("alias-query-up", alias("/?p=../../../x"), says=(P, "'aliases'")),
    Hostile("alias-query-encoded-up", alias("/?p=..%2F..%2F..%2Fx"), says=(P, "'aliases'")),
    Hostile("alias-encoded-absolute", alias("/%2Ftmp%2Fhostile-out/"), check=lambda site: (site / "tmp/hostile-out/index.html").is_file()),
    Hostile("alias-nul", alias("/%00/"), says=(P, "'aliases'")),
    Hostile("alias-nul-in-query", alias("/?p=%00"), says=(P, "'aliases'")),
    Hostile("alias-backslash", alias("/..\\..\\x/"), says=(P, "'aliases'")),
    Hostile("alias-newline", alias("/oud%0Aadres/"), says=(P, "'aliases'")),
    Hostile("alias-bad-utf8", alias("/%ff%fe/"), says=(P, "'aliases'")),
    Hostile("alias-huge-segment", alias("/" + "a" * 300 + "/"), says=(P, "'aliases'", "255")),
    Hostile("alias-on-rss-feed", alias("/feed.xml"), says=(P, "'aliases'", "/feed.xml", "RSS-feed")),
    Hostile("alias-on-atom-feed", alias("/atom.xml"), says=(P, "'aliases'", "/atom.xml")),
    Hostile("alias-on-sitemap", alias("/sitemap.xml"), says=(P, "'aliases'", "/sitemap.xml")),
    Hostile("alias-on-404", alias("/404.html"), says=(P, "'aliases'", "/404.html")),
    Hostile("alias-on-category-feed", lambda s: post(s, categories=["Luisteren"], aliases=["/blog/categorie/luisteren/feed.xml"]),
            says=(P, "'aliases'", "/blog/categorie/luisteren/feed.xml")),
    Hostile("alias-on-asset", alias("/assets/stylesheets/extra.css"), says=(P, "'aliases'", "extra.css")),
    Hostile("alias-on-course-calendar", lambda s: (add_course(s), post(s, aliases=["/trainingen/klantgericht-communiceren/data.ics"])),
            says=(P, "'aliases'", "data.ics", "agendabestand")),
    Hostile("alias-on-search-index", alias("/pagefind/pagefind.js"), says=(P, "'aliases'", "zoekindex")),
    Hostile("post-url-escapes", blog_option(post_url="../../{slug}/"), says=("mkdocs.yml", "'trainersite-blog.post_url'")),
    Hostile("post-url-absolute", blog_option(post_url="/tmp/{slug}/"), says=("mkdocs.yml", "'trainersite-blog.post_url'")),
    Hostile("category-url-encoded-escape", blog_option(category_url="blog/%2E%2E/%2E%2E/{slug}/"),
            says=("mkdocs.yml", "'trainersite-blog.category_url'")),
    Hostile("archive-url-escapes", blog_option(archive_url="../{year}/"), says=("mkdocs.yml", "'trainersite-blog.archive_url'")),
    Hostile("hand-made-course-calendar", lambda s: (add_course(s), s.page("trainingen/klantgericht-communiceren/data.ics", "BEGIN:VCALENDAR\n")),
            says=("docs/trainingen/klantgericht-communiceren.md", "/trainingen/klantgericht-communiceren/data.ics", "docs/trainingen/klantgericht-communiceren/data.ics")),
    Hostile("post-slug-on-category-index", lambda s: post(s, slug="categorie", title="Categorie"), says=(P, "'slug'")),
]


# -- 2. every URL a template prints is checked and escaped ------------------------------------------
def picture(site: SiteBuilder, path: str = "assets/images/foto.svg") -> None:
    site.page(path, '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="6" viewBox="0 0 12 6"><rect width="12" height="6"/></svg>\n')


def no_injection(url: str, needle: str) -> Callable[[Path], None]:
    def check(site: Path) -> None:
        page = (site / url / "index.html").read_text(encoding="utf-8")
        assert needle not in page, needle

    return check


def newsletter(**table) -> Callable[[SiteBuilder], None]:
    def arrange(site: SiteBuilder) -> None:
        post(site)
        site.configure(extra={"newsletter": {**site.config["extra"].get("newsletter", {}), **table}})

    return arrange


def contact(**table) -> Callable[[SiteBuilder], None]:
    def arrange(site: SiteBuilder) -> None:
        post(site)
        site.page("contact.md", "---\ntitle: Contact\n---\n# Contact\n")
        site.configure(extra={"contact": {**site.config["extra"]["contact"], **table}})

    return arrange


def avatar(value: str) -> Callable[[SiteBuilder], None]:
    def arrange(site: SiteBuilder) -> None:
        post(site)
        site.plugin("trainersite-blog")["authors"]["annelies"]["avatar"] = value

    return arrange


URLS = [
    Hostile("post-image-attribute-injection", lambda s: post(s, image='x.png" onerror="alert(1)'), says=(P, "'image'")),
    Hostile("post-image-javascript", lambda s: post(s, image="javascript:alert(1)"), says=(P, "'image'", "https://")),
    Hostile("post-image-data", lambda s: post(s, image="data:text/html,<script>alert(1)</script>"), says=(P, "'image'")),
    Hostile("post-image-http", lambda s: post(s, image="http://example.com/x.png"), says=(P, "'image'", "https://")),
    Hostile("post-image-protocol-relative", lambda s: post(s, image="//evil.example.com/x.png"), says=(P, "'image'")),
    Hostile("post-image-missing", lambda s: post(s, image="/assets/images/bestaat-niet.png"), says=(P, "'image'", "bestaat")),
    Hostile("post-image-outside-docs", lambda s: post(s, image="../mkdocs.yml"), says=(P, "'image'", "binnen docs/")),
    Hostile("post-image-encoded-outside-docs", lambda s: post(s, image="/%2E%2E/mkdocs.yml"), says=(P, "'image'", "binnen docs/")),
    Hostile("post-image-hotlinked-warns", lambda s: post(s, image="https://oud.example.com/wp-content/foto.jpg"),
            says=(P, "'image'", "oud.example.com")),  # a warning: --strict stops
    Hostile("post-body-image-hotlinked-warns", lambda s: post(s, body="![Foto](https://oud.example.com/wp-content/uploads/x.jpg)"),
            says=(P, "oud.example.com")),
    Hostile("post-image-local-ok", lambda s: (picture(s), post(s, image="/assets/images/foto.svg")),
            check=lambda site: "assets/images/foto.svg" in (site / "blog/een-bericht/index.html").read_text()),
    Hostile("avatar-javascript", avatar("javascript:alert(1)"), says=("mkdocs.yml", "'authors.annelies.avatar'")),
    Hostile("avatar-attribute-injection", avatar('a.svg" onload="alert(1)'), says=("mkdocs.yml", "'authors.annelies.avatar'")),
    Hostile("avatar-missing", avatar("/assets/images/authors/niemand.svg"), says=("mkdocs.yml", "'authors.annelies.avatar'", "bestaat")),
    Hostile("privacy-url-javascript", newsletter(privacy_url="javascript:alert(1)"), says=("mkdocs.yml", "'extra.newsletter.privacy_url'")),
    Hostile("privacy-url-script", newsletter(privacy_url='"><script>alert(1)</script>'), says=("mkdocs.yml", "'extra.newsletter.privacy_url'")),
    Hostile("privacy-url-missing-page", newsletter(privacy_url="privacy/"), says=("mkdocs.yml", "'extra.newsletter.privacy_url'", "bestaat")),
    Hostile("privacy-url-page-ok", lambda s: (newsletter(privacy_url="privacy/")(s), s.page("privacy.md", "# Privacy\n")),
            check=lambda site: 'href="../../privacy/"' in (site / "blog/een-bericht/index.html").read_text()),
    Hostile("signup-url-http", newsletter(signup_url="http://nieuwsbrief.example.nl/subscribe"), says=("mkdocs.yml", "'extra.newsletter.signup_url'", "https://")),
    Hostile("signup-url-javascript", newsletter(signup_url="javascript:alert(1)"), says=("mkdocs.yml", "'extra.newsletter.signup_url'")),
    Hostile("signup-url-quote", newsletter(signup_url='https://x.example.nl/" onmouseover="alert(1)'), says=("mkdocs.yml", "'extra.newsletter.signup_url'")),
    Hostile("form-endpoint-http", contact(form_endpoint="http://formulier.example.nl/f"), says=("mkdocs.yml", "'extra.contact.form_endpoint'", "https://")),
    Hostile("form-endpoint-javascript", contact(form_endpoint="javascript:alert(1)"), says=("mkdocs.yml", "'extra.contact.form_endpoint'")),
    Hostile("social-url-javascript", contact(social=[{"name": "X", "url": "javascript:alert(1)"}]), says=("mkdocs.yml", "'extra.contact.social[1].url'")),
    Hostile("social-url-quote", contact(social=[{"name": "X", "url": 'https://x.example.nl/" onclick="alert(1)'}]), says=("mkdocs.yml", "'extra.contact.social[1].url'")),
    Hostile("course-image-javascript", lambda s: add_course(s, text=course_text(image="javascript:alert(1)")),
            says=("docs/trainingen/klantgericht-communiceren.md", "'image'")),
    Hostile("course-image-injection", lambda s: add_course(s, text=course_text(image='x.svg" onerror="alert(1)')),
            says=("docs/trainingen/klantgericht-communiceren.md", "'image'")),
    Hostile("video-javascript", lambda s: post(s, video="javascript:alert(1)"), says=(P, "'video'")),
    Hostile("title-markup-escaped", lambda s: post(s, title='<img src=x onerror=alert(1)>', summary='"><script>alert(1)</script>'),
            check=no_injection("blog/img-src-x-onerror-alert-1", "<img src=x onerror")),
]


# -- 3. feed text stays text; control characters never crash the XML -------------------------------
HOSTILE_SUMMARY = '<img src=x onerror=alert(1)> & "q" Tom &amp; Jerry'


def feed_entry(site: Path, path: str = "feed.xml"):
    import feedparser

    feed = feedparser.parse((site / path).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return feed, feed.entries[0]


def as_text(detail) -> str:
    """What a feed reader shows for a text field: HTML is read as HTML, plain text as it is."""
    import html

    return html.unescape(detail.value) if detail.type == "text/html" else detail.value


def summary_stays_text(site: Path) -> None:
    _, entry = feed_entry(site)
    assert "<img" not in entry.summary  # feedparser did not read it as markup
    assert as_text(entry.summary_detail) == HOSTILE_SUMMARY
    assert entry.title == '<b>Vet</b> & "co"'
    _, atom = feed_entry(site, "atom.xml")
    assert atom.content[0].type == "text/html" and "CDATA" not in (site / "atom.xml").read_text()
    assert atom.summary == HOSTILE_SUMMARY


CONTROL = "Ver\x0bticaal\x01 tab\ufffe"


def control_characters_dropped(site: Path) -> None:
    feed, entry = feed_entry(site)
    assert entry.title == "Ver ticaal tab"  # a vertical tab is a space, the others are dropped
    for name in ("feed.xml", "atom.xml", "blog/categorie/ver-ticaal/feed.xml"):
        data = (site / name).read_text(encoding="utf-8")
        assert not any(char in data for char in "\x0b\x01\ufffe"), name


CODE_BODY = """Een [link](../ander/) en `<a href="inline/">` niet aanraken.

```html
<a href="relatief/">niet aanraken</a> <img src='ook/niet.png'>
```
"""


def code_untouched(site: Path) -> None:
    _, entry = feed_entry(site)
    content = entry.content[0].value
    assert "relatief/" in content and "ook/niet.png" in content and "inline/" in content
    assert "example.nl/blog/een-bericht/relatief/" not in content and "example.nl/blog/een-bericht/inline/" not in content
    assert 'href="https://www.example.nl/blog/ander/"' in content  # real links are made absolute
    card = (site / "blog/index.html").read_text(encoding="utf-8")  # the excerpt, rebased from blog/een-bericht/
    assert "inline/" in card and "een-bericht/inline/" not in card and 'href="ander/"' in card


FEEDS = [
    Hostile("feed-summary-stays-text", lambda s: post(s, title='<b>Vet</b> & "co"', summary=HOSTILE_SUMMARY), check=summary_stays_text),
    Hostile("control-characters", lambda s: s.post("2024-03-05-bericht.md", (
        f"---\ntitle: \"{CONTROL}\"\ndate: 2024-03-05\nsummary: \"Kort\x0b{CONTROL}\"\ncategories: [\"Ver\x0bticaal\"]\n---\n"
        f"Tekst\x01 met\x0b tekens\ufffe.\n")), check=control_characters_dropped),
    Hostile("control-characters-in-course", lambda s: add_course(s, text=course_text(title="Klant\x0bgericht\x01")),
            check=lambda site: "\x0b" not in (site / "trainingen/klantgericht-communiceren/index.html").read_text()),
    Hostile("code-text-not-rewritten", lambda s: post(s, body=CODE_BODY), check=code_untouched),
]


# -- 4. clear errors instead of tracebacks, hangs and silent surprises -------------------------------
BOMB = "\n".join(
    [
        "---",
        "title: Bom",
        "date: 2024-03-05",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *[f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(8)],
        "comments:",
        "  - {author: A, date: 2024-03-05, text: x, replies: *i}",
        "---",
        "Tekst.",
        "",
    ]
)


def symlink(site: SiteBuilder, name: str) -> None:
    post(site)
    os.symlink(site.root / "bestaat-niet", site.posts / name)


ERRORS = [
    Hostile("duplicate-guid", lambda s: (post(s, guid="urn:vast"), post(s, "2024-04-01-twee.md", "Twee", guid="urn:vast")),
            says=("'guid'", "posts/2024-03-05-bericht.md", "posts/2024-04-01-twee.md")),
    Hostile("empty-post-warns", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Leeg\ndate: 2024-03-05\n---\n\n"),
            says=(P, "leeg")),
    Hostile("empty-post-with-video-ok", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Leeg\ndate: 2024-03-05\nvideo: https://youtu.be/dQw4w9WgXcQ\n---\n"),
            check=lambda site: (site / "blog/leeg/index.html").is_file()),
    Hostile("yaml-alias-bomb-in-comments", lambda s: s.post("2024-03-05-bericht.md", BOMB), says=(P, "'front matter'", "aliassen")),
    Hostile("yaml-alias-bomb-in-course", lambda s: add_course(s, text=BOMB.replace("comments:\n  - {author: A, date: 2024-03-05, text: x, replies: *i}", "summary: x\ngoals: *i")),
            says=("docs/trainingen/klantgericht-communiceren.md", "'front matter'", "aliassen")),
    Hostile("course-title-with-newline", lambda s: add_course(s, text=course_text(title="Klant\ngericht\r\ncommuniceren")),
            check=lambda site: (site / "trainingen/klantgericht-communiceren/data.ics").is_file()),
    Hostile("session-in-year-9999", lambda s: add_course(s, text=course_text(sessions=[{"start": "9999-03-09 09:30", "end": "9999-03-10 17:00"}])),
            says=("docs/trainingen/klantgericht-communiceren.md", "'sessions[1].start'", "2999", "9999-03-09 09:30")),
    Hostile("date-year-one", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Oud\ndate: 0001-01-01\n---\nTekst.\n"),
            says=(P, "'date'", "1900", "'0001-01-01'")),
    Hostile("date-year-3000", lambda s: post(s, date="3000-01-01"), says=(P, "'date'", "2999", "'3000-01-01'")),
    Hostile("date-impossible-quoted-as-typed", lambda s: post(s, date="2024-13-45"), says=(P, "'date'", "'2024-13-45'")),
    Hostile("price-infinite", lambda s: add_course(s, text=course_text(price=float("inf"))), says=("docs/trainingen/klantgericht-communiceren.md", "'price'")),
    Hostile("price-nan", lambda s: add_course(s, text=course_text().replace("price: 1295", "price: .nan")), says=("docs/trainingen/klantgericht-communiceren.md", "'price'")),
    Hostile("home-latest-negative", blog_option(home_latest=-1), says=("mkdocs.yml", "'trainersite-blog.home_latest'")),
    Hostile("title-of-300-characters", lambda s: post(s, title="Klantgericht " * 23 + "einde"),
            check=lambda site: any(len(p.name) <= 100 for p in (site / "blog").iterdir() if p.name.startswith("klantgericht-"))),
    Hostile("author-name-of-300-characters", lambda s: (post(s), s.plugin("trainersite-blog")["authors"]["annelies"].update(name="A" * 300))),
    Hostile("emacs-lock-link-ignored", lambda s: symlink(s, ".#2024-03-05-bericht.md"), check=lambda site: (site / "blog/een-bericht/index.html").is_file()),
    Hostile("macos-resource-fork-ignored", lambda s: (post(s), (s.posts / "._2024-03-05-bericht.md").write_bytes(b"\x00\x05\x16\x07Mac OS X\xff\xfe")),
            check=lambda site: (site / "blog/een-bericht/index.html").is_file()),
    Hostile("dangling-link-named", lambda s: symlink(s, "2024-04-01-weg.md"), says=("posts/2024-04-01-weg.md", "leesbaar bestand")),
]

CASES = PATHS + URLS + FEEDS + ERRORS


def params(cases):
    return [pytest.param(case, id=case.id, marks=case.marks) for case in cases]


def snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root` except those in the output folder `skip`, with size and mtime."""
    seen = {}
    for folder, dirs, files in os.walk(root):
        if Path(folder) == skip or Path(folder).name == ".cache":  # the output, and the render cache
            dirs[:] = []
            continue
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            stat = os.lstat(path)
            seen[os.path.relpath(path, root)] = (stat.st_size, stat.st_mtime_ns)
    return seen


@pytest.fixture
def deep_site(tmp_path: Path) -> SiteBuilder:
    """A site four folders down, so a path that climbs out still lands inside tmp_path, where it is seen."""
    return SiteBuilder(tmp_path / "a" / "b" / "c" / "site-root")


def run(case: Hostile, site: SiteBuilder, tmp_path: Path):
    case.arrange(site)
    (site.root / "mkdocs.yml").write_text("")  # exists before the snapshot; the build rewrites it
    out = site.root / "site"
    before = snapshot(tmp_path, out)
    stray_before = set(os.listdir("/tmp"))
    result, exception = build_in_process(site)
    after = snapshot(tmp_path, out)
    changed = {name for name in after if name != "a/b/c/site-root/mkdocs.yml" and before.get(name) != after[name]}
    assert not changed, f"written outside the output folder: {sorted(changed)}"
    assert not {name for name in set(os.listdir("/tmp")) - stray_before if name.startswith("hostile")}
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert "Traceback" not in result.output, result.output
    return result


@pytest.mark.parametrize("case", params(CASES))
def test_hostile_input(case: Hostile, deep_site: SiteBuilder, tmp_path: Path):
    result = run(case, deep_site, tmp_path)
    if case.says:
        assert result.returncode == 1, result.output
        lines = [line for line in result.output.splitlines() if all(part in line for part in case.says)]
        assert lines, f"no line names all of {case.says}:\n{result.output}"
    else:
        assert result.returncode == 0, result.output
        if case.check:
            outcome = case.check(result.site)  # a check asserts itself, or returns whether it holds
            assert outcome is None or outcome, f"check failed on {result.site}"

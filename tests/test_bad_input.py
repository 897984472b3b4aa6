"""A corpus of bad (and harmless-but-odd) input: posts, courses and config, each built as a whole site.

Bad input must stop the build with exit code 1 and one line that names the file and the key, and
never a Python traceback. Harmless oddities (a BOM, Windows line endings, one category as a plain
string) are accepted and the post is published.

Most cases build in-process through MkDocs' own command line (click's CliRunner: the same code path
as `mkdocs build --strict`, a second faster); a representative set also runs as a real subprocess,
so the one-line, no-traceback promise is checked on what the trainer actually sees in the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.__main__ import cli
from mkdocs.commands import build as mkdocs_build
from mkdocs.utils import DuplicateFilter
from sitebuilder import BuildResult, SiteBuilder, front_matter, post_text

COURSE = {
    "title": "Klantgericht communiceren",
    "summary": "Twee dagen oefenen met luisteren en doorvragen.",
    "price": 1295,
    "format": ["open"],
}


def course_text(**changes) -> str:
    meta = {**COURSE, **changes}
    return front_matter(**{k: v for k, v in meta.items() if v is not None}) + "Over de training.\n"


def add_course(site: SiteBuilder, slug: str = "klantgericht-communiceren", text: str | None = None) -> None:
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\n# Trainingen\n")
    site.page(f"trainingen/{slug}.md", text if text is not None else course_text())


def blog_option(site: SiteBuilder, **options) -> None:
    """Set blog plugin options; a post is added so options used while rendering posts are exercised."""
    site.post("2024-03-05-bericht.md", GOOD)
    site.plugin("trainersite-blog").update(options)


def raw_post(site: SiteBuilder, name: str, data: bytes) -> None:
    (site.posts / name).write_bytes(data)


@dataclass(frozen=True)
class Case:
    """One input: how to put it in a site, and what the build must say (or that it must succeed)."""

    id: str
    arrange: Callable[[SiteBuilder], None]
    says: tuple[str, ...] = ()  # all on one line of the output; empty: the build must succeed
    published: str | None = None  # a URL that must exist after a successful build
    cli: bool = False  # also run as a real `mkdocs build --strict` subprocess
    marks: tuple = field(default=())


GOOD = post_text("Een goed bericht", date="2024-03-05", body="Gewone tekst.")
P = "posts/2024-03-05-bericht.md"

CASES = [
    # -- harmless: accepted ---------------------------------------------------------------
    Case("post-bom", lambda s: raw_post(s, "2024-03-05-bericht.md", b"\xef\xbb\xbf" + GOOD.encode()),
         published="blog/een-goed-bericht/", cli=True),
    Case("post-crlf", lambda s: raw_post(s, "2024-03-05-bericht.md", GOOD.replace("\n", "\r\n").encode()),
         published="blog/een-goed-bericht/"),
    Case("post-bom-and-crlf", lambda s: raw_post(s, "2024-03-05-bericht.md", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()),
         published="blog/een-goed-bericht/"),
    Case("category-as-string", lambda s: s.post("2024-03-05-bericht.md", post_text("Een goed bericht", categories="Communicatie")),
         published="blog/categorie/communicatie/"),
    Case("front-matter-only", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Alleen een kop\ndate: 2024-03-05\n---\n"),
         published="blog/alleen-een-kop/"),
    Case("quoted-date-and-time", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Met tijd\ndate: '2024-03-05 14:30'\n---\nTekst.\n"),
         published="blog/met-tijd/"),
    Case("dutch-written-date", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Nederlands\ndate: 5 maart 2024\n---\nTekst.\n"),
         published="blog/nederlands/"),
    # -- posts: refused with file and key -----------------------------------------------
    Case("empty-file", lambda s: s.post("2024-03-05-bericht.md", ""), says=(P, "'front matter'", "---"), cli=True),
    Case("no-front-matter", lambda s: s.post("2024-03-05-bericht.md", "# Alleen tekst\n"), says=(P, "'front matter'")),
    Case("unclosed-front-matter", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Open\ndate: 2024-03-05\nTekst.\n"),
         says=(P, "front matter")),
    Case("tabs-in-yaml", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Tabs\ndate: 2024-03-05\ncategories:\n\t- Communicatie\n---\n"),
         says=(P, "'front matter'", "valid YAML", "line 5"), cli=True),
    Case("invalid-yaml", lambda s: s.post("2024-03-05-bericht.md", '---\ntitle: "Open aanhalingsteken\ndate: 2024-03-05\n---\n'),
         says=(P, "'front matter'", "valid YAML")),
    Case("duplicate-key", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Een\ntitle: Twee\ndate: 2024-03-05\n---\n"),
         says=(P, "'front matter'", "'title' appears twice"), cli=True),
    Case("front-matter-is-a-list", lambda s: s.post("2024-03-05-bericht.md", "---\n- title\n- date\n---\n"),
         says=(P, "'front matter'", "key: value")),
    Case("missing-title", lambda s: s.post("2024-03-05-bericht.md", "---\ndate: 2024-03-05\n---\nTekst.\n"),
         says=(P, "'title'", "non-empty text")),
    Case("title-is-a-list", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: [a, b]\ndate: 2024-03-05\n---\n"),
         says=(P, "'title'", "a text")),
    Case("missing-date", lambda s: s.post("2024-03-05-bericht.md", "---\ntitle: Zonder datum\n---\n"),
         says=(P, "'date'", "2024-03-05")),
    Case("unparseable-date", lambda s: s.post("2024-03-05-bericht.md", post_text("Datum", date="volgende week")),
         says=(P, "'date'", "2024-03-05 14:30", "volgende week"), cli=True),
    Case("impossible-date", lambda s: s.post("2024-03-05-bericht.md", post_text("Datum", date="2024-02-30")),
         says=(P, "'date'", "2024-02-30")),
    Case("dutch-date-typo", lambda s: s.post("2024-03-05-bericht.md", post_text("Datum", date="5 maat 2024")),
         says=(P, "'date'", "2024-03-05", "5 maat 2024")),
    Case("unknown-author", lambda s: s.post("2024-03-05-bericht.md", post_text("Auteur", author="piet")),
         says=(P, "'author'", "annelies", "piet")),
    Case("author-and-authors", lambda s: s.post("2024-03-05-bericht.md", post_text("Auteur", author="joost", authors=["annelies"])),
         says=(P, "'authors'", "not both")),
    Case("draft-not-a-bool", lambda s: s.post("2024-03-05-bericht.md", post_text("Concept", draft="misschien")),
         says=(P, "'draft'", "true or false")),
    Case("misspelt-key", lambda s: s.post("2024-03-05-bericht.md", post_text("Typfout", darft=True)),
         says=(P, "unknown key 'darft': did you mean 'draft'?"), cli=True),
    Case("key-in-capitals", lambda s: s.post("2024-03-05-bericht.md", post_text("Hoofdletter", Draft=True)),
         says=(P, "unknown key 'Draft': did you mean 'draft'?")),
    Case("unknown-key", lambda s: s.post("2024-03-05-bericht.md", post_text("Onbekend", stemming="blij")),
         says=(P, "'stemming'", "expected only", "title")),
    Case("comment-without-text", lambda s: s.post("2024-03-05-bericht.md", post_text("Reacties", comments=[{"author": "Kees", "date": "2024-03-06"}])),
         says=(P, "'comments[1].text'")),
    Case("non-utf8", lambda s: raw_post(s, "2024-03-05-bericht.md", "---\ntitle: Café\ndate: 2024-03-05\n---\nCrème brûlée\n".encode("cp1252")),
         says=(P, "UTF-8"), cli=True),
    Case("same-slug-twice", lambda s: (s.post("2024-03-05-bericht.md", post_text("Dubbel")),
                                       s.post("2024-04-01-nog-een.md", post_text("Dubbel", date="2024-04-01"))),
         says=("'slug'", "posts/2024-03-05-bericht.md", "posts/2024-04-01-nog-een.md", "dubbel"), cli=True),
    Case("slug-without-letters", lambda s: s.post("2024-03-05-bericht.md", post_text("!!!")), says=(P, "'slug'")),
    # -- aliases (old WordPress addresses) -------------------------------------------------
    Case("alias-on-a-page", lambda s: (s.page("over.md", "# Over\n"), s.post("2024-03-05-bericht.md", post_text("Alias", aliases=["/over/"]))),
         says=(P, "'aliases'", "/over/"), cli=True),
    Case("alias-used-twice", lambda s: (s.post("2024-03-05-bericht.md", post_text("Een", aliases=["/2011/09/oud/"])),
                                        s.post("2024-04-01-twee.md", post_text("Twee", date="2024-04-01", aliases=["/2011/09/oud/"]))),
         says=("'aliases'", "2011/09/oud/", "posts/2024-03-05-bericht.md", "posts/2024-04-01-twee.md")),
    Case("alias-not-an-address", lambda s: s.post("2024-03-05-bericht.md", post_text("Alias", aliases=["/../"])),
         says=(P, "'aliases'", "old addresses like")),
    # -- training promo ------------------------------------------------------------------
    Case("unknown-training", lambda s: (add_course(s), s.post("2024-03-05-bericht.md", post_text("Promo", training="bestaat-niet"))),
         says=(P, "'training'", "klantgericht-communiceren", "bestaat-niet"), cli=True),
    Case("known-training", lambda s: (add_course(s), s.post("2024-03-05-bericht.md", post_text("Promo", training="klantgericht-communiceren"))),
         published="blog/promo/"),
    # -- courses ---------------------------------------------------------------------------
    Case("course-ok", lambda s: add_course(s), published="trainingen/klantgericht-communiceren/"),
    Case("course-missing-summary", lambda s: add_course(s, text=course_text(summary=None)),
         says=("docs/trainingen/klantgericht-communiceren.md", "'summary'")),
    Case("course-price-as-words", lambda s: add_course(s, text=course_text(price="duur")),
         says=("docs/trainingen/klantgericht-communiceren.md", "'price'", "1295"), cli=True),
    Case("course-unknown-format", lambda s: add_course(s, text=course_text(format=["webinar"])),
         says=("docs/trainingen/klantgericht-communiceren.md", "'format'", "incompany")),
    Case("course-session-ends-before-start", lambda s: add_course(s, text=course_text(sessions=[{"start": "2027-03-10 09:30", "end": "2027-03-09 17:00", "location": "Utrecht"}])),
         says=("docs/trainingen/klantgericht-communiceren.md", "'sessions[1].end'")),
    Case("course-unknown-key", lambda s: add_course(s, text=course_text(prijs=100)),
         says=("docs/trainingen/klantgericht-communiceren.md", "'prijs'")),
    Case("course-tabs-in-yaml", lambda s: add_course(s, text="---\ntitle: T\nsummary: S\ngoals:\n\t- x\n---\n"),
         says=("docs/trainingen/klantgericht-communiceren.md", "'front matter'", "valid YAML")),
    Case("course-crlf-and-bom", lambda s: add_course(s, text="\ufeff" + course_text().replace("\n", "\r\n")),
         published="trainingen/klantgericht-communiceren/"),
    # -- config (mkdocs.yml) ----------------------------------------------------------------
    Case("missing-site-url", lambda s: (s.post("2024-03-05-bericht.md", GOOD), s.config.pop("site_url")), says=("mkdocs.yml", "'site_url'"), cli=True),
    Case("unknown-plugin-option", lambda s: blog_option(s, per_pagina=5), says=("trainersite-blog", "per_pagina"), cli=True),
    Case("plugin-option-wrong-type", lambda s: blog_option(s, per_page="tien"), says=("trainersite-blog", "per_page", "int")),
    Case("per-page-zero", lambda s: blog_option(s, per_page=0), says=("mkdocs.yml", "per_page")),
    Case("unknown-default-author", lambda s: blog_option(s, default_author="piet"), says=("mkdocs.yml", "'default_author'", "piet")),
    Case("author-without-name", lambda s: blog_option(s, authors={**s.plugin("trainersite-blog")["authors"], "kees": {"bio": "Geen naam"}}), says=("mkdocs.yml", "'authors.kees.name'")),
    Case("unknown-time-zone", lambda s: blog_option(s, timezone="Europe/Utrecht"), says=("mkdocs.yml", "'timezone'", "Europe/Utrecht")),
    Case("time-zone-is-a-folder", lambda s: blog_option(s, timezone="Europe"), says=("mkdocs.yml", "'timezone'")),
    Case("words-per-minute-zero", lambda s: blog_option(s, words_per_minute=0), says=("mkdocs.yml", "words_per_minute")),
    Case("post-url-without-slug", lambda s: blog_option(s, post_url="blog/{titel}/"), says=("mkdocs.yml", "post_url", "{slug}")),
]


def build_in_process(site: SiteBuilder) -> tuple[BuildResult, BaseException | None]:
    config_file = site.root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Each in-process run adds a DuplicateFilter that would hide a message an earlier case printed.
    for old in [f for f in mkdocs_build.log.filters if isinstance(f, DuplicateFilter)]:
        mkdocs_build.log.removeFilter(old)
    result = CliRunner(env={"NO_MKDOCS_2_WARNING": "1"}).invoke(cli, ["build", "--strict", "--config-file", str(config_file)])
    return BuildResult(result.exit_code, result.output, site.root / "site"), result.exception


def assert_outcome(case: Case, result: BuildResult) -> None:
    assert "Traceback" not in result.output, result.output
    if not case.says:
        assert result.returncode == 0, result.output
        if case.published:
            assert result.exists(case.published), f"{case.published} not built"
        return
    assert result.returncode == 1, result.output
    lines = [line for line in result.output.splitlines() if all(part in line for part in case.says)]
    assert lines, f"no line names all of {case.says}:\n{result.output}"


def in_english(site: SiteBuilder, case: Case) -> None:
    """The corpus asserts the English messages (tests/test_messages.py checks them in Dutch); inputs
    that must build stay on the Dutch site (a Dutch written date is valid there)."""
    if case.says:
        site.config.setdefault("theme", {})["language"] = "en"


def params(cases):
    return [pytest.param(case, id=case.id, marks=case.marks) for case in cases]


def test_the_corpus_is_big_enough():
    assert len([c for c in CASES if c.says]) >= 20 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", params(CASES))
def test_bad_input_in_process(case: Case, site: SiteBuilder):
    case.arrange(site)
    in_english(site, case)
    result, exception = build_in_process(site)
    # A crash inside MkDocs or a plugin is an exception other than the CLI's own SystemExit.
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert_outcome(case, result)


@pytest.mark.parametrize("case", params([c for c in CASES if c.cli]))
def test_bad_input_on_the_real_command_line(case: Case, site: SiteBuilder):
    case.arrange(site)
    in_english(site, case)
    result = site.build()
    assert_outcome(case, result)

"""Gate: the site search in a real browser (Debian's chromium through Playwright).

- a first visit of home, blog, a post and a course fetches no search data and no sitemap.xml;
- the search finds a post by a word from its body, by a Dutch inflection (`klachten` finds a post
  that only says `klacht`), by a word typed without its accent, and finds a course;
- results show title, kind and date, the terms marked; the kind filter narrows them;
- keyboard: ArrowDown reaches the results, Escape closes; nothing from drafts in a build.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from html import unescape

import frontmatter
import pytest

from trainersite.core.urls import slugify

from .conftest import COURSE_PATH, REPO, BuiltSite

pytestmark = pytest.mark.gate

WORD = re.compile(r"[a-zà-ÿ]{9,}")
WORDS = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")
FIRST_VISIT = ["/", "/blog/", "post", "course"]


def source_words(built_site: BuiltSite) -> dict[str, set[str]]:
    """The words of each built post's and course's own text (its Markdown body), by URL path."""
    found = {}
    sources = [(f"/blog/{slug}/", body) for slug, _, body, _ in published_posts()]
    sources += [(f"/trainingen/{path.stem}/", frontmatter.load(path).content)
                for path in sorted((REPO / "docs" / "trainingen").glob("*.md")) if path.stem != "index"]
    for url, body in sources:
        if built_site.file_for(url).is_file():
            found[url] = set(WORDS.findall(body.lower()))
    return found


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def search(page, site_url: str, term: str, start: str = "/") -> None:
    page.goto(site_url + start)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(term, delay=20)


def result_for(page, path: str, term: str):
    result = page.locator(f".md-search-result__list a[href$='{path}']").first
    try:
        result.wait_for(state="attached", timeout=20_000)
    except Exception:
        shown = page.locator(".md-search-result").inner_text()
        pytest.fail(f"search for {term!r} did not list {path}; the results said: {shown!r}")
    return result


@pytest.mark.parametrize("kind", FIRST_VISIT)
def test_a_first_visit_fetches_no_search_data_and_no_sitemap(page, site_url: str, page_types: dict[str, str], kind: str) -> None:
    path = page_types.get(kind, kind)
    page.goto(site_url + path, wait_until="networkidle")
    fetched = [url[len(site_url):] for url in page.gate_requests]
    print(f"first visit {path}: {len(fetched)} requests: {fetched}")
    assert not [url for url in fetched if "pagefind" in url or "search" in url and not url.endswith("search.js")]
    assert not [url for url in fetched if "sitemap" in url]
    # Using the box is what loads it.
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('/pagefind/'))")


def published_posts() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted((REPO / "posts").glob("*.md")):
        post = frontmatter.load(path)
        found.append((str(post.get("slug") or slugify(str(post["title"]))), str(post["title"]),
                      post.content, bool(post.get("draft"))))
    return found


def test_search_finds_a_post_by_a_word_from_its_body(page, site_url: str, built_site: BuiltSite) -> None:
    posts = [(slug, title, body) for slug, title, body, draft in published_posts()
             if not draft and built_site.file_for(f"/blog/{slug}/").is_file()]
    counts = Counter(word for _, _, body in posts for word in set(WORD.findall(body.lower())))
    candidates = [(len(word), word, f"/blog/{slug}/") for slug, title, body in posts
                  for word in set(WORD.findall(body.lower())) if counts[word] == 1 and word not in title.lower()]
    assert candidates, "no post has a word of its own to search for"
    _, word, url = max(candidates)
    search(page, site_url, word)
    result = result_for(page, url, word)
    assert word in result.locator("mark").first.inner_text().lower()


def test_dutch_stemming_klachten_finds_a_post_that_says_klacht(page, site_url: str, built_site: BuiltSite) -> None:
    only_singular = sorted(path for path, words in source_words(built_site).items()
                           if path.startswith("/blog/") and "klacht" in words and "klachten" not in words)
    assert only_singular, "the example site needs a post that says 'klacht' but never 'klachten'"
    search(page, site_url, "klachten")
    result = result_for(page, only_singular[0], "klachten")
    assert "klacht" in [mark.lower() for mark in result.locator("mark").all_inner_texts()]
    print(f"'klachten' found {only_singular[0]}: {result.inner_text()!r}")


def test_a_word_typed_without_its_accent_finds_the_page_with_it(page, site_url: str, built_site: BuiltSite) -> None:
    words = source_words(built_site)
    everywhere = set().union(*words.values())
    # A word with an accent whose plain spelling appears nowhere: only folding can find it.
    candidates = sorted((len(word), word, path) for path, found in words.items() for word in found
                        if fold(word) != word and len(word) >= 5 and fold(word) not in everywhere)
    assert candidates, "the example site needs a word with an accent (e.g. 'efficiënt')"
    _, word, path = candidates[-1]
    search(page, site_url, fold(word))
    result = result_for(page, path, fold(word))
    assert any(fold(mark.lower()).startswith(fold(word)) for mark in result.locator("mark").all_inner_texts())
    print(f"{fold(word)!r} found {path} ({word!r})")
    # The literal case: 'een' also matches 'één' (the ranking prefers the spelling typed).
    search(page, site_url, "een vraag")
    page.locator(".md-search-result__list h1", has_text="Één").first.wait_for(state="attached", timeout=20_000)


def test_search_finds_a_course_and_the_kind_filter_keeps_only_courses(page, site_url: str, built_site: BuiltSite) -> None:
    course = sorted(built_site.url_paths(COURSE_PATH))[0]
    title = unescape(re.search(r"<h1[^>]*>(.*?)</h1>", built_site.file_for(course).read_text(encoding="utf-8"), re.S).group(1))
    term = max(WORDS.findall(TAG.sub(" ", title)), key=len)
    search(page, site_url, term, start="/blog/")
    result = result_for(page, course, term)
    assert "Training" in result.locator(".ts-search__about").inner_text()
    page.locator(".ts-search__filters select[name=kind]").select_option("training")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.ts-search__about')].every(p => p.textContent.startsWith('Training'))"
        " && document.querySelectorAll('.md-search-result__list li').length > 0")
    print(f"{term!r} found {course}; with kind=training: {page.locator('.md-search-result__meta').inner_text()!r}")


def test_keyboard_reaches_the_results_and_escape_closes(page, site_url: str) -> None:
    search(page, site_url, "klant")
    page.locator(".md-search-result__list a").first.wait_for(state="attached", timeout=20_000)
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    # "/" opens it again from the page.
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_nothing_from_drafts_in_a_build(page, site_url: str, built_site: BuiltSite) -> None:
    drafts = [(slug, title) for slug, title, _, draft in published_posts() if draft]
    assert drafts, "the example site has a draft post"
    slug, title = drafts[0]
    term = max(WORDS.findall(title.lower()), key=len)
    search(page, site_url, term)
    page.locator(".md-search-result__meta", has_text=re.compile(r"\d|Niets")).wait_for(timeout=20_000)
    page.wait_for_timeout(500)
    links = page.locator(".md-search-result__list a").evaluate_all("links => links.map(a => a.pathname)")
    assert f"/blog/{slug}/" not in links
    assert not any(slug in link for link in links)

"""Gate: the built example site works in a real browser (Debian's chromium through Playwright).

- a reader's path home -> post -> category -> course -> contact, by clicking the links on the pages;
- the Dutch site search (mkdocs-material, lang nl) finds a post by a word from its body;
- at a 375 px wide viewport no page kind scrolls sideways.
A failed test leaves a screenshot in tests/artifacts/ (see the `page` fixture).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import frontmatter
import pytest

from trainersite.core.urls import slugify

from .conftest import CATEGORY_PATH, COURSE_PATH, PAGE_KINDS, POST_PATH, REPO, BuiltSite

pytestmark = pytest.mark.gate

PHONE = {"width": 375, "height": 812}
WORD = re.compile(r"[a-zà-ÿ]{9,}")


def path_of(url: str) -> str:
    return urlsplit(url).path


def click_link_to(page, targets: set[str], scope: str = "main") -> str:
    """Click the first visible link inside `scope` that leads to one of `targets` (URL paths).

    Returns the path the browser arrived at; fails naming what the page offered instead.
    """
    links = page.locator(f"{scope} a[href]")
    offered = []
    for index in range(links.count()):
        link = links.nth(index)
        href = link.evaluate("a => a.href")
        offered.append(path_of(href))
        if path_of(href) in targets and link.is_visible():
            link.click()
            page.wait_for_load_state("load")
            return path_of(page.url)
    pytest.fail(f"{path_of(page.url)}: no visible link in {scope!r} to any of {sorted(targets)[:5]}...; "
                f"links there: {sorted(set(offered))}")


def test_reader_path_home_post_category_course_contact(page, site_url: str, built_site: BuiltSite) -> None:
    posts = set(built_site.url_paths(POST_PATH))
    categories = set(built_site.url_paths(CATEGORY_PATH))
    courses = set(built_site.url_paths(COURSE_PATH))

    page.goto(site_url + "/")
    post = arrived = click_link_to(page, posts)
    assert arrived in posts
    assert page.locator("h1").first.is_visible()

    category = arrived = click_link_to(page, categories)
    assert arrived in categories

    # From a category a reader reaches the courses: a related course on the page when there is
    # one, else the "Trainingen" tab and a course from the catalogue.
    if page.locator("main a[href]").evaluate_all(
        "(links, courses) => links.some(a => courses.includes(new URL(a.href).pathname))", sorted(courses)
    ):
        arrived = click_link_to(page, courses)
    else:
        click_link_to(page, {"/trainingen/"}, scope="body")
        arrived = click_link_to(page, courses)
    assert arrived in courses

    course = arrived
    arrived = click_link_to(page, {"/contact/"}, scope="body")
    assert arrived == "/contact/"
    print(f"reader path: / -> {post} -> {category} -> {course} -> {arrived}")
    assert page.locator("main").inner_text().strip(), "the contact page is empty"


def published_posts() -> list[tuple[str, str, str]]:
    """(slug, title, body text) of every post that the example build publishes."""
    found = []
    for path in sorted((REPO / "posts").glob("*.md")):
        post = frontmatter.load(path)
        if post.get("draft"):
            continue
        title = str(post["title"])
        found.append((str(post.get("slug") or slugify(title)), title, post.content))
    return found


def search_word(built_site: BuiltSite) -> tuple[str, str]:
    """A long word that occurs in the body of exactly one published post: (word, that post's URL path)."""
    posts = [(slug, title, body) for slug, title, body in published_posts()
             if built_site.file_for(f"/blog/{slug}/").is_file()]
    counts = Counter(word for _, _, body in posts for word in set(WORD.findall(body.lower())))
    candidates = []
    for slug, title, body in posts:
        for word in set(WORD.findall(body.lower())):
            if counts[word] == 1 and word not in title.lower():
                candidates.append((len(word), word, f"/blog/{slug}/"))
    assert candidates, "no post has a word of its own to search for"
    _, word, url = max(candidates)
    return word, url


def test_dutch_search_finds_a_post_by_a_word_from_its_body(page, site_url: str, built_site: BuiltSite) -> None:
    word, post_url = search_word(built_site)
    page.goto(site_url + "/")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(word, delay=20)
    result = page.locator(f".md-search-result__list a[href*='{post_url}']").first
    try:
        result.wait_for(state="attached", timeout=20_000)
    except Exception:
        shown = page.locator(".md-search-result").inner_text()
        pytest.fail(f"search for {word!r} did not list {post_url}; the results said: {shown!r}")
    result_text = page.locator(".md-search-result__meta").inner_text()
    print(f"search {word!r}: {result_text!r}, found {post_url}")


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_at_375px(page, site_url: str, page_types: dict[str, str], kind: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + page_types[kind], wait_until="load")
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
              .filter(el => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length)
              .filter(el => !el.closest('[hidden], .md-sidebar, .md-search'))
              .slice(0, 8)
              .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
            return {scrollWidth: document.documentElement.scrollWidth, width, wide};
        }"""
    )
    assert overflow["scrollWidth"] <= overflow["width"], (
        f"{page_types[kind]} scrolls sideways at 375 px: page {overflow['scrollWidth']} px wide; "
        f"too wide: {overflow['wide']}"
    )


"""Gate: the built example site works in a real browser (Debian's chromium through Playwright).

- a reader's path home -> post -> category -> course -> contact, by clicking the links on the pages;
- at a 375 px wide viewport no page kind scrolls sideways.
The site search has its own gate (test_search_browser.py).
A failed test leaves a screenshot in tests/artifacts/ (see the `page` fixture).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .conftest import CATEGORY_PATH, COURSE_PATH, PAGE_KINDS, POST_PATH, BuiltSite

pytestmark = pytest.mark.gate

PHONE = {"width": 375, "height": 812}


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


"""Gate: the theme's script bundle starts on the reader's first interaction, not on load.

A first visit (home, blog, a post, the catalogue, a course) weighs at most 250 KB, scripts at most
30 KB, content images not counted. It downloads and runs none of mkdocs-material's bundle (111 KB); the header's search
works without it; the first scroll or tap starts it and it then does its work (the header shows the
page title once the heading has scrolled away), still without fetching the sitemap. Typing in the
search box does not start it: a query pays only for the search.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gate


def bundle_requests(page) -> list[str]:
    return [url for url in page.gate_requests if "/bundle." in url]


def test_a_first_visit_runs_no_theme_bundle_and_the_search_box_shows(page, site_url: str, page_types: dict[str, str]) -> None:
    page.goto(site_url + page_types["post"], wait_until="networkidle")
    page.wait_for_timeout(500)
    assert bundle_requests(page) == []
    classes = page.evaluate("document.documentElement.className")
    assert "no-js" in classes and "ts-js" in classes, classes
    assert page.locator("input.md-search__input").is_visible()


def test_the_first_scroll_starts_the_bundle_and_it_works(page, site_url: str, page_types: dict[str, str]) -> None:
    page.goto(site_url + page_types["post"], wait_until="networkidle")
    assert bundle_requests(page) == []
    page.mouse.move(600, 500)
    page.mouse.wheel(0, 900)
    # The bundle ran after DOMContentLoaded had passed: the loader sent it again, so it set itself up.
    page.wait_for_function("document.documentElement.classList.contains('js')", timeout=10_000)
    page.wait_for_selector(".md-header__title--active", timeout=10_000)
    assert len(bundle_requests(page)) == 1
    page.wait_for_timeout(500)
    assert not [url for url in page.gate_requests if "sitemap" in url]


def test_the_phone_menu_and_search_button_work_before_the_bundle(page, site_url: str, page_types: dict[str, str]) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + page_types["post"], wait_until="networkidle")
    button = page.locator("label.ts-search__button")
    assert button.is_visible()
    assert bundle_requests(page) == []
    menu = page.locator("label.md-header__button[for=__drawer]")
    assert menu.is_visible()
    menu.click()
    # The drawer slides in from the left (CSS only): its left edge comes into the window.
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")


def test_typing_a_query_does_not_start_the_bundle(page, site_url: str) -> None:
    page.goto(site_url + "/blog/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("klacht", delay=20)
    page.locator(".md-search-result__list a").first.wait_for(state="attached", timeout=20_000)
    assert bundle_requests(page) == []


FIRST_VISIT_LIMIT = 250 * 1024  # bytes, uncompressed, content images not counted (issue: first-visit weight)
SCRIPT_LIMIT = 30 * 1024  # search code (and any script) fetched before the search box is used


@pytest.mark.parametrize("kind", ["home", "blog", "post", "courses", "course"])
def test_a_first_visit_stays_light(page, site_url: str, page_types: dict[str, str], kind: str) -> None:
    page.goto(site_url + page_types[kind], wait_until="networkidle")
    page.wait_for_timeout(300)
    sizes = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const rest = performance.getEntriesByType('resource').map(e => [e.name, e.initiatorType, e.decodedBodySize]);
        return [['page', 'navigation', nav.decodedBodySize], ...rest];
    }""")
    # The page's own content images do not count (the rule); the logo does.
    counted = [(name, initiator, size) for name, initiator, size in sizes
               if initiator != "img" or "/assets/images/brand/" in name]
    total = sum(size for _, _, size in counted)
    scripts = sum(size for name, _, size in counted if name.endswith(".js"))
    print(f"first visit {kind}: {total / 1024:.1f} KB in {len(counted)} requests, scripts {scripts / 1024:.1f} KB")
    assert 0 < total <= FIRST_VISIT_LIMIT, counted
    assert scripts <= SCRIPT_LIMIT, counted

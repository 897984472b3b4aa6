"""Gate: the site's frame in a real browser, on every page kind (PAGE_KINDS).

- the footer shows the business's contact data from extra.contact (name, address, KvK, a mailto: and
  a tel: link, the social links, the privacy page and the RSS feed), visibly, at desktop and phone width;
- the tab of the page's section is the active one (the Blog tab on every blog page);
- `pytest -s` also saves a screenshot of every page kind at 1366 and 390 px in tests/artifacts/
  (git-ignored), to look at before calling a design done.
"""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import ARTIFACTS, PAGE_KINDS, REPO

pytestmark = pytest.mark.gate

WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOG_KINDS = {"blog", "post", "categories", "category", "archive", "tags", "tag", "author"}
# The tab each page kind belongs to; None: a page outside the tabs (privacy, 404).
TAB = {kind: "Blog" for kind in BLOG_KINDS} | {
    "home": "Home", "courses": "Trainingen", "course": "Trainingen", "agenda": "Agenda", "newsletter": "Nieuwsbrief",
    "contact": "Contact", "about": "Over", "privacy": None, "not-found": None,
}


def contact_data() -> dict:
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.BaseLoader)["extra"]["contact"]  # BaseLoader: the theme's !!python tags aside


def test_every_page_kind_has_a_tab_expectation() -> None:
    assert set(TAB) == set(PAGE_KINDS)


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_footer_shows_the_contact_data(page, site_url: str, page_types: dict[str, str], kind: str, width: str) -> None:
    contact = contact_data()
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + page_types[kind], wait_until="load")
    footer = page.locator("footer.ts-footer")
    assert footer.count() == 1, f"{page_types[kind]}: no site footer"
    footer.scroll_into_view_if_needed()
    text = re.sub(r"\s+", " ", footer.inner_text())
    for value in (contact["name"], contact["address"]["street"], contact["address"]["city"], contact["kvk"], contact["email"]):
        assert value in text, f"{page_types[kind]} ({width}): the footer lacks {value!r}: {text!r}"
    mail = footer.locator(f'a[href="mailto:{contact["email"]}"]')
    assert mail.is_visible(), f"{page_types[kind]}: no visible mailto: link in the footer"
    phone = footer.locator('a[href^="tel:+31"]')
    assert phone.count() == 1 and phone.is_visible(), f"{page_types[kind]}: no visible tel: link in the footer"
    for link in contact["social"]:
        assert footer.locator(f'a[href="{link["url"]}"]').is_visible(), f"{page_types[kind]}: no social link {link['name']}"
    hrefs = footer.locator("a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    for wanted in ("/contact/", "/privacy/", "/feed.xml"):
        assert wanted in hrefs, f"{page_types[kind]}: the footer does not link to {wanted}: {hrefs}"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_the_sections_tab_is_active(page, site_url: str, page_types: dict[str, str], kind: str) -> None:
    page.set_viewport_size(WIDTHS["desktop"])
    page.goto(site_url + page_types[kind], wait_until="load")
    active = [t.strip() for t in page.locator(".md-tabs__item--active").all_inner_texts()]
    expected = TAB[kind]
    assert active == ([expected] if expected else []), f"{page_types[kind]} ({kind}): active tabs {active}, expected {expected}"
    if expected:
        # Visibly different: full opacity and an underline (extra.css), not only a class.
        style = page.locator(".md-tabs__item--active .md-tabs__link").evaluate(
            "a => [getComputedStyle(a).opacity, getComputedStyle(a).textDecorationLine]")
        assert style == ["1", "underline"], f"{page_types[kind]}: the active tab looks like the others: {style}"


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_screenshots_with_s(page, site_url: str, page_types: dict[str, str], kind: str, width: str,
                            request: pytest.FixtureRequest) -> None:
    """No docs sidebar beside the content on pages that are no post or course; with -s, a screenshot."""
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + page_types[kind], wait_until="load")
    shown = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar')]
        .filter(s => s.offsetWidth > 0 && getComputedStyle(s).visibility !== 'hidden' && s.getBoundingClientRect().left >= 0
                     && s.querySelector('a'))
        .map(s => s.dataset.mdType)""")
    allowed = {"toc"} if kind in {"post", "course"} and width == "desktop" else set()
    assert set(shown) <= allowed, f"{page_types[kind]} ({width}): sidebars {shown} beside the content"
    if request.config.getoption("capture") == "no":
        # Lazy pictures load when they come near the viewport: scroll through the page first.
        page.evaluate("""async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {
            window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } window.scrollTo(0, 0); }""")
        page.wait_for_load_state("networkidle")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"page-{kind}-{WIDTHS[width]['width']}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 1000
        print(f"screenshot: {target.relative_to(REPO)}")


def test_the_404_search_box_searches_the_site(page, site_url: str, page_types: dict[str, str]) -> None:
    """The 404 page's box hands its words to the header's Pagefind search, which opens with results."""
    page.goto(site_url + page_types["not-found"], wait_until="load")
    assert not [url for url in page.gate_requests if "/pagefind/" in url], "the search loaded before it was used"
    page.fill("#ts-not-found-q", "klachten")
    page.click(".ts-not-found__search button[type=submit]")
    first = page.locator(".md-search-result__list li a").first
    first.wait_for(state="visible", timeout=20000)
    assert page.locator(".md-search__input").input_value() == "klachten"
    assert "/pagefind/" in " ".join(page.gate_requests)

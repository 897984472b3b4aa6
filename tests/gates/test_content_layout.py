"""Gate: the content pages' layout in a real browser (issue 14), at desktop (1366 px) and phone (390 px) width.

- the course catalogue: cards side by side on a desktop, stacked on a phone, lined up with the text
  (no 20 px list indent from mkdocs-material), format badges and comments too;
- the video placeholder: the full column at 16:9, and a play button whose label and icon are readable:
  contrast computed from the computed styles (WCAG formula) on a solid background;
- listing cards: the thumbnail beside the text on a desktop, above it on a phone.

With `pytest -s` every page looked at is saved in tests/artifacts/content-<page>-<width>.png.
"""

from __future__ import annotations

import re

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.gate

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VIDEO_POST = "/blog/de-boze-beller-de-eerste-drie-minuten/"
COMMENTS_POST = "/blog/een-klacht-is-een-tweede-kans/"


def rgba(css: str) -> tuple[float, float, float, float]:
    """`rgb(1, 2, 3)` or `rgba(1, 2, 3, 0.5)` (what getComputedStyle gives) -> (r, g, b, alpha)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    assert css.startswith("rgb") and len(numbers) in (3, 4), css
    return (*numbers[:3], numbers[3] if len(numbers) == 4 else 1.0)


def luminance(colour: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two opaque computed colours."""
    fg, bg = rgba(foreground), rgba(background)
    assert fg[3] == 1 and bg[3] == 1, (foreground, background)  # a translucent colour has no fixed contrast
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The colour of an element and the solid background behind it: the nearest ancestor (or itself) that
# paints one. A gradient or image there makes the contrast unknowable, so it is reported.
COLOURS = """(element) => {
  let holder = element;
  while (holder && getComputedStyle(holder).backgroundColor.replace(/\\s/g, '') === 'rgba(0,0,0,0)'
         && getComputedStyle(holder).backgroundImage === 'none') holder = holder.parentElement;
  const style = getComputedStyle(holder);
  return {colour: getComputedStyle(element).color, background: style.backgroundColor, image: style.backgroundImage,
          holder: holder.className};
}"""


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def save(page, request, name: str) -> None:
    if request.config.getoption("capture") == "no":
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"content-{name}-{width}.png"), full_page=True)


def text_left(page) -> float:
    """Where the text column starts: the left edge of the page's first paragraph."""
    return box(page.locator(".md-content__inner > p, .md-content__inner .ts-catalogue > p").first)["x"]


def test_catalogue_cards_side_by_side_on_a_desktop_in_line_with_the_text(page, site_url, request) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/trainingen/")
    cards = page.locator(".ts-course-card")
    assert cards.count() >= 3
    first, second = box(cards.nth(0)), box(cards.nth(1))
    assert abs(first["y"] - second["y"]) < 1, (first, second)  # one row
    assert second["x"] >= first["x"] + first["width"]  # next to each other, not overlapping
    assert abs(first["x"] - text_left(page)) < 1  # no list indent: the grid starts where the text does
    badges = box(cards.nth(0).locator(".ts-format-badges"))
    title = box(cards.nth(0).locator(".ts-course-card__title"))
    assert abs(badges["x"] - title["x"]) < 1  # the badges line up with the card's title
    assert "nog 4 plaatsen" in cards.nth(0).inner_text()
    save(page, request, "catalogue")


def test_catalogue_cards_stack_on_a_phone(page, site_url, request) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/trainingen/")
    cards = page.locator(".ts-course-card")
    boxes = [box(cards.nth(i)) for i in range(cards.count())]
    for upper, lower in zip(boxes, boxes[1:]):
        assert abs(upper["x"] - lower["x"]) < 1 and lower["y"] >= upper["y"] + upper["height"], (upper, lower)
    assert abs(boxes[0]["x"] - text_left(page)) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    save(page, request, "catalogue")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_video_placeholder_fills_the_column_with_a_readable_play_button(page, site_url, request, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto(site_url + VIDEO_POST)
    play = page.locator(".ts-video__play")
    placeholder, column = box(play), box(page.locator(".ts-post__body"))
    assert abs(placeholder["width"] - column["width"]) < 1 and abs(placeholder["x"] - column["x"]) < 1
    assert abs(placeholder["width"] / placeholder["height"] - 16 / 9) < 0.02
    found = page.locator(".ts-video__label").evaluate(COLOURS)
    assert found["image"] == "none" and "ts-video__play" in found["holder"], found  # a solid background
    assert contrast(found["colour"], found["background"]) >= 4.5, found
    # the triangle (its left border) on the round button: a graphic needs 3:1
    icon = page.locator(".ts-video__icon").evaluate(
        "(e) => [getComputedStyle(e).borderLeftColor, getComputedStyle(e.parentElement).backgroundColor]")
    assert contrast(*icon) >= 3, icon
    play.focus()  # and while it has the focus (hover and focus share a rule)
    focused = page.locator(".ts-video__label").evaluate(COLOURS)
    assert contrast(focused["colour"], focused["background"]) >= 4.5, focused
    save(page, request, "video-post")


def test_comments_line_up_with_the_text(page, site_url) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + COMMENTS_POST)
    comments = page.locator(".ts-comments__list > li")
    if comments.count() == 0:
        pytest.fail(f"{COMMENTS_POST} has no comments: the example site should keep some", pytrace=False)
    text = box(page.locator(".ts-post__body"))["x"]
    assert abs(box(comments.first)["x"] - text) < 1
    reply = page.locator(".ts-comments__replies > li").first  # a reply is indented under what it answers
    assert box(reply)["x"] - text > 20


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_listing_cards_show_the_thumbnail_beside_or_above_the_text(page, site_url, request, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto(site_url + "/blog/")
    card = page.locator(".ts-card--picture").first
    picture, text = box(card.locator(".ts-card__image")), box(card.locator(".ts-card__body"))
    assert picture["width"] > 100 and picture["height"] > 50
    if viewport is DESKTOP:
        assert picture["x"] + picture["width"] <= text["x"] and picture["y"] < text["y"] + text["height"]
    else:
        assert picture["y"] + picture["height"] <= text["y"] and abs(picture["x"] - text["x"]) < 1
    assert card.locator(".ts-card__authors").inner_text().strip()
    save(page, request, "blog")
    page.goto(site_url + "/blog/categorie/klantgerichtheid/")
    save(page, request, "category")
    page.goto(site_url + "/trainingen/klantgericht-communiceren/")
    save(page, request, "course")
    page.goto(site_url + "/blog/leidinggeven-op-afstand-wat-een-jaar-thuiswerken-ons-leerde/")
    save(page, request, "two-authors")

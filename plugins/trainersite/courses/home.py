"""The home page's own settings, from the front matter of docs/index.md (keys: core/schema.py, HOME).

```yaml
hero:
  title: Klantcontact dat werkt
  text: Ik train teams die elke dag klanten spreken.
  image: /assets/images/annelies-portret.svg
  image_alt: Getekend portret van Annelies Verbeek
  buttons:
    - {label: Bekijk de trainingen, url: trainingen/}
    - {label: Neem contact op, url: contact/}
courses: [klantgericht-communiceren, klachten-professioneel-afhandelen]
testimonials: 2
posts: 3
contact: Benieuwd wat ik voor jullie team kan doen?
```
Everything the page shows comes from here, the courses and the posts: no template holds the trainer's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..core.errors import ContentError
from ..core.safe_urls import checked_url
from ..core.schema import HERO, HOME, HOME_BUTTON, flag, items, table, text, text_list, whole_number

MAX_BUTTONS = 2


@dataclass(frozen=True)
class Button:
    label: str
    url: str


@dataclass(frozen=True)
class Hero:
    title: str
    text: str = ""
    image: str | None = None
    image_alt: str = ""
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Home:
    hero: Hero | None = None
    courses: tuple[str, ...] | None = None  # slugs; None: every course
    courses_title: str = ""
    testimonials: int = 2
    posts: int | None = None  # None: the blog's home_latest
    newsletter: bool = True
    contact: str = ""


def parse_home(meta: Mapping[str, Any], source: str, known_courses: Mapping[str, object],
               exists: Callable[[str], bool] | None = None) -> Home:
    """The home page's front matter -> Home, or a ContentError naming file and key."""
    HOME.check_keys(meta, source)
    slugs = text_list(meta, "courses", source) if "courses" in meta else None
    for slug in slugs or ():
        if slug not in known_courses:
            known = ", ".join(known_courses) or "none yet"
            raise ContentError(source, "courses", f"the slug of a course ({known})", slug)
    testimonials = whole_number(meta, "testimonials", source, 0)
    return Home(
        hero=_hero(meta.get("hero"), source, exists),
        courses=slugs,
        courses_title=text(meta, "courses_title", source) or "",
        testimonials=2 if testimonials is None else testimonials,
        posts=whole_number(meta, "posts", source, 0),
        newsletter=flag(meta, "newsletter", source) if "newsletter" in meta else True,
        contact=text(meta, "contact", source) or "",
    )


def _hero(value: object, source: str, exists: Callable[[str], bool] | None) -> Hero | None:
    if value is None:
        return None
    data = table(value, HERO, source, "hero", HOME["hero"].expected)
    image = checked_url(text(data, "image", source, "hero"), source, "hero.image", exists)
    buttons = []
    found = items(data.get("buttons"), HOME_BUTTON, source, "hero.buttons", "buttons with label and url")
    if len(found) > MAX_BUTTONS:
        raise ContentError(source, "hero.buttons", HERO["buttons"].expected + " (at most 2)", len(found))
    for where, button in found:
        label = text(button, "label", source, where, required=True)
        url = checked_url(text(button, "url", source, where, required=True), source, f"{where}.url", exists, "a page")
        buttons.append(Button(label, url))
    return Hero(
        title=text(data, "title", source, "hero", required=True),
        text=text(data, "text", source, "hero") or "",
        image=image,
        image_alt=text(data, "image_alt", source, "hero") or "",
        buttons=tuple(buttons),
    )

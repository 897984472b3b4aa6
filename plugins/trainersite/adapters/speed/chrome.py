"""The page chrome that pages of one folder share, rendered once: navigation, tabs, footer, theme config.

The theme renders the site navigation, the tabs, the footer, the header's search box and palette
toggle and its config script anew for every page, though for pages outside the navigation (posts,
listings, course pages) they differ only in their relative links. A link from `blog/<slug>/` to a
page that is not inside `blog/<slug>/` reads the same from every page in `blog/`, so those fragments
are rendered once per folder (and per lit tab and base URL) and reused: about 6% of the CPU of a
1,000-post build.

A page in the navigation is rendered the normal way (the theme marks it and nests its table of
contents there). When something these fragments link to lies in a page's own folder (the privacy
page, linked from the footer, is one), its fragments are shared only with pages linking from that
very folder. What they link to is collected from the navigation, the template globals (the blog's
and contact pages' URLs) and the theme's own files; the tests build sites with the speed layer on
and off and compare every byte.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterator, Mapping

from jinja2 import TemplateNotFound
from mkdocs.structure.pages import Page

# (template, block): a whole template that base.html includes, or one block of base.html.
FRAGMENTS = (
    ("partials/nav.html", None),
    ("partials/tabs.html", None),
    ("partials/footer.html", None),
    ("partials/search.html", None),  # the header's search box and palette toggle (the header itself
    ("partials/palette.html", None),  # shows the page's title)
    ("base.html", "config"),
)
# What the theme's own fragments link to besides the navigation: the search worker (config script).
THEME_TARGETS = ("assets/javascripts/workers/",)


def _parts(path: str) -> tuple[str, ...]:
    """A site path as MkDocs' relative links see it (`get_relative_url`): normalised folder names."""
    path = posixpath.normpath("/" + path)[1:]
    return tuple(path.split("/")) if path else ()


def _strings(value, depth: int = 0) -> Iterator[str]:
    """Every string in a template global, a few levels into dataclasses, mappings and sequences."""
    if isinstance(value, str):
        yield value
    elif depth > 3:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name, None), depth + 1)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item, depth + 1)


def _nav_items(items) -> Iterator:
    for item in items or ():
        yield item
        yield from _nav_items(getattr(item, "children", None))


class ChromeFragments:
    """One build's shared fragments (each process of the build keeps its own)."""

    def __init__(self) -> None:
        self.store: dict[tuple, str] = {}
        self.hits = 0
        self.nav_items: list = []
        self.nav_pages: set[int] = set()
        self.taken: set[tuple[str, ...]] = set()  # folders something in the fragments links into

    def install(self, environment, config, nav) -> None:
        """Wrap the fragments' render functions in this environment (before any page is rendered)."""
        self.store.clear()
        self.hits = 0
        self.nav_items = list(_nav_items(nav.items))
        self.nav_pages = {id(item) for item in self.nav_items if isinstance(item, Page)}
        targets = [getattr(item, "url", None) for item in self.nav_items]
        targets += [getattr(nav.homepage, "url", None), config.theme.get("logo"), config.theme.get("favicon")]
        targets += list(_strings(dict(config.extra)))
        targets += [text for name, value in environment.globals.items() if not callable(value) for text in _strings(value)]
        targets += THEME_TARGETS
        self.taken = set()
        for target in targets:
            if isinstance(target, str) and "://" not in target:
                parts = _parts(target.split("#")[0].split("?")[0])
                self.taken.update(parts[:end] for end in range(1, len(parts) + 1))
        for template_name, block in FRAGMENTS:
            try:
                template = environment.get_template(template_name)
            except TemplateNotFound:
                continue
            if block is None:
                template.root_render_func = self._shared(template_name, template.root_render_func)
            elif block in template.blocks:
                template.blocks[block] = self._shared(f"{template_name}#{block}", template.blocks[block])

    def key(self, fragment: str, context) -> tuple | None:
        """What the fragment's HTML depends on for this page, or None: render it the normal way."""
        page = context.get("page")
        if not isinstance(page, Page) or page.url is None or id(page) in self.nav_pages:
            return None
        # The folder MkDocs makes this page's links relative to (`get_relative_url`).
        folder, _, name = page.url.rpartition("/")
        parts = _parts(folder if "." in name else page.url)
        if parts and parts not in self.taken:
            place = ("below", parts[:-1])  # reads alike from every subfolder of the parent
        else:
            place = ("at", parts)  # something linked lies inside: alike only from this very folder
        lit = tuple(bool(getattr(item, "active", False)) for item in self.nav_items)
        # The theme's own footer links the previous and next page of the navigation (ours does not).
        neighbours = (id(getattr(page, "previous_page", None)), id(getattr(page, "next_page", None)))
        return fragment, place, context.get("base_url"), context.get("section_tab"), lit, neighbours

    def _shared(self, fragment: str, render):
        def shared(context):
            key = self.key(fragment, context)
            if key is None:
                yield from render(context)
                return
            html = self.store.get(key)
            if html is None:
                html = self.store[key] = "".join(render(context))
            else:
                self.hits += 1
            yield html

        return shared

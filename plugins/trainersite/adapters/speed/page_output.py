"""A page's theme output: everything it depends on (its key), and a way to supply it unrendered.

MkDocs renders every page through the theme templates, one after another. Two shortcuts hand it
HTML it does not have to render: `mkdocs serve` reuses a page's output from the last rebuild
(preview.py), `mkdocs build` takes pages rendered by a forked worker (page_workers.py). Both use
the HTML only under the key of everything the template could see:

- the site key (once per build): the whole configuration, the navigation, the list of pages,
  the template globals of the plugins, the custom templates folder (file names, sizes and times)
  and the versions of MkDocs, the theme and this package;
- the page key: the template name, the page's URL, title, content, table of contents and meta,
  and every value the plugins added to its context (post, cards, course...).

Same key, same output. A value without a stable description (an object whose repr holds its
address) makes the key differ every time: that costs the shortcut, never correctness.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sysconfig
from importlib.metadata import PackageNotFoundError, version
from collections.abc import Mapping
from datetime import date, time
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure import StructureItem
from mkdocs.structure.pages import Page

# Context values that go into the site key or the page key in their own way. `build_date_utc`
# is left out: it changes on every build and neither mkdocs-material's page templates nor ours show it.
_CONTEXT_COVERED_ELSEWHERE = {"nav", "pages", "config", "page", "build_date_utc"}


def stable_json(value) -> str:
    """JSON text of `value` that is equal across rebuilds when the value is (see `_describe`)."""
    try:
        return json.dumps(value, default=_describe, ensure_ascii=False)
    except (TypeError, ValueError):  # a mapping with odd keys, a cycle: never equal, never wrong
        return repr(value)


def _describe(value):
    """What JSON cannot encode by itself, described by content (never by identity, if possible)."""
    if isinstance(value, BasePlugin):
        return {"plugin": type(value).__qualname__, "config": value.config}
    if isinstance(value, Mapping):
        return {"{}": list(value.items())}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted(stable_json(item) for item in value)}
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, StructureItem):
        return _nav_item(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {type(value).__qualname__: [getattr(value, field.name) for field in dataclasses.fields(value)]}
    return repr(value)


def _nav_item(item) -> list:
    """A navigation entry by what the templates show of it (not its parent: no cycles)."""
    children = getattr(item, "children", None) or []
    return [type(item).__name__, str(item.title), getattr(item, "url", None), [_nav_item(child) for child in children]]


def _toc(items) -> list:
    return [[item.title, item.id, item.url, item.level, _toc(item.children)] for item in items]


def page_inputs(page: Page) -> str:
    neighbours = [getattr(page.previous_page, "url", None), getattr(page.next_page, "url", None)]
    return stable_json([
        page.file.src_uri, page.url, str(page.title), page.content, _toc(page.toc), page.meta,
        page.is_homepage, page.canonical_url, page.edit_url, neighbours,
    ])


def digest(*texts: str) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _folder_stamp(folder: str) -> list:
    """Names, sizes and modification times of the files under a custom templates folder."""
    stamp = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            info = os.stat(os.path.join(root, name))
            stamp.append([os.path.relpath(os.path.join(root, name), folder), info.st_size, info.st_mtime_ns])
    return stamp


def _site_key(context, environment) -> str:
    config = context["config"]
    installed = Path(sysconfig.get_paths()["purelib"])
    # Templates of installed packages change only with their version; a custom_dir at any time.
    own_folders = [folder for folder in config.theme.dirs if installed not in Path(folder).parents]
    template_globals = {
        name: value for name, value in environment.globals.items() if not callable(value)
    }
    return digest(stable_json([
        config, [_nav_item(item) for item in context["nav"].items], [file.src_uri for file in context["pages"]],
        template_globals, [_folder_stamp(folder) for folder in own_folders], _versions(),
    ]))


def _versions() -> list:
    found = []
    for package in ("mkdocs", "mkdocs-material", "trainersite"):
        try:
            found.append(version(package))
        except PackageNotFoundError:
            found.append(None)
    return found


class OutputKeys:
    """The keys of one build's pages; the site part is computed once, at the first page."""

    def __init__(self) -> None:
        self.site_key: str | None = None

    def key(self, template, context: dict) -> str:
        if self.site_key is None:
            self.site_key = _site_key(context, template.environment)
        extras = {name: value for name, value in context.items() if name not in _CONTEXT_COVERED_ELSEWHERE}
        return digest(self.site_key, template.name, page_inputs(context["page"]), stable_json(extras))


def supply_renders(environment, supply) -> None:
    """Let `supply(template, context, render) -> html` answer this environment's page renders.

    Set from `on_env`, before any page template is loaded. `render()` renders as usual; templates
    without a page (sitemap.xml, 404.html) always do.
    """
    base = environment.template_class

    class SuppliedTemplate(base):
        def render(self, *args, **kwargs) -> str:
            context = dict(*args, **kwargs)
            if not isinstance(context.get("page"), Page):
                return base.render(self, context)
            return supply(self, context, lambda: base.render(self, context))

    environment.template_class = SuppliedTemplate

"""Content problems of one build, shared by the plugins, and how `mkdocs serve` shows them.

`mkdocs build` stops with exit 1 and every problem as one line (`fatal`). `mkdocs serve` must never
fail a build: MkDocs' live-reload server then answers no request until a build succeeds ("the
server will appear stuck"). So while serving, the plugins record problems here, build what is
sound, and the preview folder gets the problem page (core/problem_page.py) in place of every page.
Anything else that fails a rebuild (a broken mkdocs.yml) is caught by `keep_serving`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from mkdocs.exceptions import PluginError

from ..core.errors import ContentError
from ..core.messages import translate
from ..core.problem_page import problem_page

log = logging.getLogger("mkdocs.plugins.trainersite.problems")
T = TypeVar("T")

_recorded: list[ContentError] = []  # this build's problems (one build runs at a time per process)
_collecting = False  # `trainersite controleer`: record every problem instead of stopping


def collect_all(on: bool = True) -> None:
    global _collecting
    _collecting = on


def start_build() -> None:
    _recorded.clear()


def record(problems: Iterable[ContentError]) -> None:
    _recorded.extend(problems)


def recorded() -> list[ContentError]:
    return list(_recorded)


def fatal(problems: ContentError | Iterable[ContentError], language: str | None) -> PluginError:
    """One PluginError whose text is every problem, one line each, in the site's language."""
    items = [problems] if isinstance(problems, ContentError) else list(problems)
    return PluginError("\n".join(problem.message(language) for problem in items))


def settle(problems: list[ContentError], serving: bool, language: str | None) -> None:
    """End of a reading step: `mkdocs build` stops on any problem, `mkdocs serve` records them."""
    if not problems:
        return
    if not serving and not _collecting:
        raise fatal(problems, language)
    if serving:
        for problem in problems:
            log.error(problem.message(language))
    record(problems)


def drop_failing(step: Callable[[list], T], items: list, problems: list[ContentError]) -> tuple[T, list]:
    """Run `step(items)`; each ContentError names a file: record it, leave that file out, run again."""
    while True:
        try:
            return step(items), items
        except ContentError as err:
            rest = [item for item in items if getattr(item, "source", None) != err.source]
            if len(rest) == len(items):
                raise
            problems.append(err)
            items = rest


def write_problem_pages(site_dir: str | os.PathLike, problems: list, language: str | None, site_name: str = "") -> None:
    """Every HTML file of the preview folder, and its 404 page, becomes the problem page."""
    html = problem_page(problems, language, site_name)
    root = Path(site_dir)
    root.mkdir(parents=True, exist_ok=True)
    for path in [*root.rglob("*.html"), root / "404.html", root / "index.html"]:
        if not path.is_dir():  # a folder named like a page (an alias such as /oud.html/) stays
            path.write_text(html, encoding="utf-8")


def keep_serving(server, builder: Callable, language: str | None, site_name: str = "") -> None:
    """Wrap the live-reload server's rebuild: a failed rebuild shows its error in the browser and
    counts as done, so the browser reloads and later rebuilds go on as usual."""

    def safe_builder(*args, **kwargs):
        try:
            return builder(*args, **kwargs)
        except Exception as err:  # noqa: BLE001 - any failure must leave the preview answering
            text = translate(str(err), language) or type(err).__name__
            log.error(text)
            write_problem_pages(server.root, [text], language, site_name)

    server.builder = safe_builder

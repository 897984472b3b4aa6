"""The page the preview shows instead of the site while content or settings have a problem.

Pure: problems in, one HTML page out, every value escaped. `mkdocs serve` writes it over every
page of the preview (adapters/problems.py), so whatever address the browser shows, the trainer sees
what to fix, in the site's language, and the page reloads by itself once the build works again.
"""

from __future__ import annotations

import re
from typing import Iterable

from markupsafe import escape

from .errors import ContentError
from .messages import language_of, say, say_count, translate

# Polls MkDocs' live-reload endpoint (also on a 404 page, where MkDocs injects nothing): the first
# call answers at once with the current build number, the next one when a newer build is visible.
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null;
  function poll() {
    fetch("/livereload/" + (seen === null ? 0 : seen) + "/0", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (t) {
        var now = parseInt(t, 10);
        if (seen !== null && now > seen) { location.reload(); return; }
        seen = now; poll();
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""

_STYLE = """<style>
body{font-family:system-ui,sans-serif;margin:0;background:#fff7f5;color:#1d1d1f;line-height:1.5}
main{max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{color:#a4161a;font-size:1.6rem}
article{background:#fff;border-left:.4rem solid #a4161a;padding:.8rem 1.2rem;margin:1rem 0;box-shadow:0 1px 3px #0002}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0}code,pre{background:#f3f3f3;padding:0 .2rem;white-space:pre-wrap}
pre{padding:.5rem}.line{color:#555;font-size:.9rem}
</style>"""

_LINE_IN_TEXT = re.compile(r"\(line (\d+)\)")


def key_line(text: str, key: str | None) -> int | None:
    """The line (1-based) of a top-level `key:` in a file's front matter, if it is there."""
    if not key:
        return None
    top = re.split(r"[.\[]", key, maxsplit=1)[0]
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"{re.escape(top)}\s*:", line):
            return number
        if number > 1 and line.strip() == "---":
            break
    return None


def _rows(problem: ContentError, language: str) -> list[tuple[str, str]]:
    line = problem.line
    if line is None:
        found = _LINE_IN_TEXT.search(problem.expected)
        line = int(found.group(1)) if found else None
    rows = [("File", problem.source)]
    if line is not None:
        rows.append(("Line", str(line)))
    if problem.key:
        rows.append(("Key", problem.key))
    rows.append(("Expected", translate(problem.expected, language)))
    if problem.got is not None:
        rows.append(("Found", problem.got_text() or ""))
    if problem.hint:
        rows.append(("Hint", translate(problem.hint, language)))
    if problem.example:
        rows.append(("Example", problem.example))
    return rows


def problem_page(problems: Iterable[ContentError | str], language: str | None, site_name: str = "") -> str:
    """A whole HTML page listing every problem; plain strings are shown as they are."""
    lang = language_of(language)
    items = list(problems)
    parts = []
    for problem in items:
        if isinstance(problem, ContentError):
            rows = "".join(
                f"<dt>{escape(say(label, lang))}</dt><dd><code>{escape(value)}</code></dd>"
                if label in ("File", "Key", "Found", "Example") else
                f"<dt>{escape(say(label, lang))}</dt><dd>{escape(value)}</dd>"
                for label, value in _rows(problem, lang)
            )
            parts.append(f"<article><dl>{rows}</dl><p class=\"line\">{escape(problem.message(lang))}</p></article>")
        else:
            parts.append(f"<article><dl><dt>{escape(say('Problem', lang))}</dt><dd><pre>{escape(problem)}</pre></dd></dl></article>")
    title = say_count("The site has 1 problem", "The site has {count} problems", len(items), lang)
    intro = say("The preview cannot show this page yet: fix what is listed below and save the file. "
                "This page reloads by itself.", lang)
    name = f" – {escape(site_name)}" if site_name else ""
    return (
        f"<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{escape(title)}{name}</title>{_STYLE}</head>\n"
        f"<body><main><h1>{escape(title)}</h1><p>{escape(intro)}</p>\n" + "\n".join(parts) +
        f"\n</main>{RELOAD_SCRIPT}</body></html>\n"
    )

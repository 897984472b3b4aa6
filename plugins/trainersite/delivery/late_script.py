"""The theme's script bundle started once the page has painted, not before.

mkdocs-material's bundle (about 110 KB) only adds behaviour to what is already on screen: the
header's title on scroll, the palette, tooltips. Run as a deferred script it still runs before the
browser's first paint of the page text, and on a phone that held up the largest text by the time
it takes to parse and run (Lighthouse: "element render delay"). Each page now starts it from a
small inline script after the `load` event. The bundle waits for DOMContentLoaded, which has passed
by then, so the loader fires that event once more for it; the site's own scripts do not listen to it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_BUNDLE = re.compile(r'<script src="([^"<>]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)" defer></script>')
_LOADER = (
    '<script>addEventListener("load",function(){setTimeout(function(){'
    'var s=document.createElement("script");s.src=SRC;'
    's.onload=function(){document.dispatchEvent(new Event("DOMContentLoaded"))};'
    "document.body.appendChild(s)},0)})</script>"
)


def start_theme_script_after_load(site_dir: Path) -> int:
    """Rewrite each page's deferred theme bundle into a loader that starts it after `load`; returns pages changed."""
    changed = 0
    for page in Path(site_dir).rglob("*.html"):
        if not page.is_file():  # a folder named like a page
            continue
        html = page.read_text(encoding="utf-8")
        new = _BUNDLE.sub(lambda match: _LOADER.replace("SRC", json.dumps(match.group(1))), html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed

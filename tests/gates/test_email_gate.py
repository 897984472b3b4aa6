"""E-mail gate: feed items and the digest as mail clients get them.

`doiuse-email` (npm, pinned in package-lock.json; data from caniemail.com) checks every feed item's
HTML and the digest against Gmail, Outlook and Apple Mail: no errors allowed (warnings about partial
support are printed, not failed). The digest is also rendered in chromium at 600 px: no sideways scroll.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, NODE_MODULES, REPO, require_tool

pytestmark = pytest.mark.gate

CLIENTS = "gmail.*,outlook.*,apple-mail.*"
NS = {"content": "http://purl.org/rss/1.0/modules/content/", "atom": "http://www.w3.org/2005/Atom"}


def lint(path: Path) -> dict:
    cli = require_tool(NODE_MODULES / "doiuse-email" / "bin" / "cli.js", "doiuse-email")
    done = subprocess.run(["node", str(cli), f"--email-clients={CLIENTS}", str(path)],
                          capture_output=True, text=True, timeout=120)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def digest_file(tmp_path_factory) -> Path:
    """The example site's digest since long ago (every post), written by the real command."""
    target = tmp_path_factory.mktemp("digest") / "nieuwsbrief.html"
    done = subprocess.run([sys.executable, "-m", "trainersite.tools.digest", "--sinds", "2000-01-01", "--uit", str(target),
                           "--config-file", str(REPO / "mkdocs.yml")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return target


def test_every_feed_item_passes_the_email_lint(built_site, tmp_path):
    checked = 0
    for feed in sorted(built_site.root.rglob("*.xml")):
        if feed.name == "sitemap.xml":
            continue
        root = ET.parse(feed).getroot()
        contents = [item.findtext("content:encoded", namespaces=NS) for item in root.iter("item")]
        contents += [entry.findtext("atom:content", namespaces=NS) for entry in root.iter("{http://www.w3.org/2005/Atom}entry")]
        for n, content in enumerate(contents):
            if not content:
                continue
            fragment = tmp_path / f"{feed.parent.name}-{feed.stem}-{n}.html"
            fragment.write_text(content, encoding="utf-8")
            result = lint(fragment)
            assert result["success"], (feed.relative_to(built_site.root), n, result.get("errors"))
            checked += 1
    assert checked >= 20


def test_digest_passes_the_email_lint(digest_file):
    # The lint also judges <html>/<body> themselves, which every mail client replaces with its own:
    # check what we put inside them.
    body = digest_file.read_text(encoding="utf-8").split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
    inner = digest_file.with_name("inner.html")
    inner.write_text(body, encoding="utf-8")
    result = lint(inner)
    print(f"digest lint warnings: {len(result.get('warnings', []))}")
    assert result["success"], result.get("errors")


def test_digest_fits_600_px_in_a_browser(browser, digest_file):
    context = browser.new_context(viewport={"width": 600, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(digest_file.as_uri())
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "digest-600.png"), full_page=True)
    context.close()
    assert scroll_width <= 600

"""Gate: dropping the unused CSS changes nothing a reader sees.

The example site is built a second time with `trainersite-delivery: {purge_css: false}` (the theme's
whole CSS), and each page kind is photographed in chromium from both builds: at 1280 px, at 375 px,
and at 375 px with the mobile menu open. The pictures must be the same pixel for pixel.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from io import BytesIO
from typing import Iterator

import pytest
import yaml
from PIL import Image, ImageChops

from .conftest import REPO, QuietHandler, QuietServer

pytestmark = pytest.mark.gate

KINDS = ["home", "blog", "post", "categories", "courses", "course", "contact"]


@pytest.fixture(scope="session")
def full_css_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site built with the theme's whole CSS, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("full-css")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [{"trainersite-delivery": {"purge_css": False}} if entry == "trainersite-delivery" else entry
                         for entry in config["plugins"]]
    config["docs_dir"] = str(REPO / "docs")
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config_file = REPO / f".full-css-{os.getpid()}.yml"  # beside posts/, which the blog plugin reads from there
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
                               "--site-dir", str(folder / "site")], cwd=REPO, capture_output=True, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    finally:
        config_file.unlink()
    assert done.returncode == 0, done.stderr
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def picture(browser, url: str, width: int, menu: bool) -> Image.Image:
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(400)  # the theme's colour transitions (search box, header) settle
    if menu:
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_timeout(500)
    shot = page.screenshot(full_page=not menu, animations="disabled")
    context.close()
    return Image.open(BytesIO(shot)).convert("RGB")


@pytest.mark.parametrize("width, menu", [(1280, False), (375, False), (375, True)], ids=["desktop", "phone", "phone-menu"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_purged_css_looks_the_same(browser, site_url: str, full_css_url: str, page_types: dict[str, str],
                                       kind: str, width: int, menu: bool) -> None:
    path = page_types[kind]
    purged = picture(browser, site_url + path, width, menu)
    full = picture(browser, full_css_url + path, width, menu)
    if purged.size == full.size and ImageChops.difference(purged, full).getbbox() is not None:
        # Once more, both: the browser's first text of a session can be drawn before its fonts settle.
        purged = picture(browser, site_url + path, width, menu)
        full = picture(browser, full_css_url + path, width, menu)
    assert purged.size == full.size, f"{path} at {width} px: {purged.size} with the purged CSS, {full.size} with all of it"
    box = ImageChops.difference(purged, full).getbbox()
    assert box is None, f"{path} at {width} px{' (menu open)' if menu else ''}: pixels differ in {box}"

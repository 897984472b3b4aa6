"""Session fixtures for the quality gates: the example site built once, served over HTTP, a browser.

The gates check the site a reader gets: the repository's own mkdocs.yml built with
`mkdocs build --strict` into a temporary folder, served by `http.server` on 127.0.0.1,
and opened in Debian's chromium through Playwright (never a browser download of Playwright's own).
Tools come from scripts/install-gates (chromium from apt, vnu-jar/axe-core/lighthouse from npm).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# As root, in a sandbox with no network but the package registries: no sandbox, no GPU, and none of
# chromium's own background connections (they would be refused, or reach Google).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_TOOL = "{tool} is missing: run scripts/install-gates (scripts/test does this first)"

# A post's URL: /blog/<slug>/, but not the listings that live under /blog/ too.
POST_PATH = re.compile(r"^blog/(?!categorie/|archief/|pagina/|tag/|auteur/)[^/]+/index\.html$")
CATEGORY_PATH = re.compile(r"^blog/categorie/(?!pagina/)[^/]+/index\.html$")
TAG_PATH = re.compile(r"^blog/tag/(?!pagina/)[^/]+/index\.html$")
AUTHOR_PATH = re.compile(r"^blog/auteur/[^/]+/index\.html$")
COURSE_PATH = re.compile(r"^trainingen/[^/]+/index\.html$")


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def file_for(self, url_path: str) -> Path:
        """The built file behind a URL path: `/blog/` -> <site>/blog/index.html."""
        relative = url_path.strip("/")
        return self.root / relative / "index.html" if url_path.endswith("/") else self.root / relative

    def url_paths(self, pattern: re.Pattern[str]) -> list[str]:
        """URL paths (`/blog/x/`) of the built pages whose file path matches `pattern`."""
        found = []
        for path in self.html_files():
            relative = path.relative_to(self.root).as_posix()
            if pattern.match(relative):
                found.append("/" + relative.removesuffix("index.html"))
        return found


def require_tool(path: Path, tool: str) -> Path:
    if not path.exists():
        pytest.fail(MISSING_TOOL.format(tool=tool), pytrace=False)
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The example site (the repository's mkdocs.yml), built once per session with --strict."""
    site_dir = tmp_path_factory.mktemp("gate-site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(site_dir)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict of the example site failed:\n{done.stdout}{done.stderr}", pytrace=False)
    return BuiltSite(site_dir, done.stdout + done.stderr)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates on drops its earlier connections: not a site error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """Base URL (`http://127.0.0.1:<free port>`) of the built site, served for the whole session."""
    handler = functools.partial(QuietHandler, directory=str(built_site.root))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="gate-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# Every kind of page a reader meets; the browser, privacy and accessibility gates visit one of each.
PAGE_KINDS = ["home", "blog", "post", "categories", "category", "archive", "tags", "tag", "author",
              "courses", "course", "agenda", "newsletter", "contact", "about", "privacy", "not-found"]
ARCHIVE_PATH = re.compile(r"^blog/archief/\d{4}/index\.html$")


@pytest.fixture(scope="session")
def page_types(built_site: BuiltSite) -> dict[str, str]:
    """One URL path per kind of page (PAGE_KINDS); a kind the example site lacks fails the gates."""
    candidates = {
        "home": ["/"],
        "blog": ["/blog/"],
        "post": built_site.url_paths(POST_PATH),
        "categories": ["/blog/categorie/"],
        "category": built_site.url_paths(CATEGORY_PATH),
        "archive": built_site.url_paths(ARCHIVE_PATH),
        "tags": ["/blog/tag/"],
        "tag": built_site.url_paths(TAG_PATH),
        "author": built_site.url_paths(AUTHOR_PATH),
        "courses": ["/trainingen/"],
        "course": built_site.url_paths(COURSE_PATH),
        "agenda": ["/agenda/"],
        "newsletter": ["/nieuwsbrief/"],
        "contact": ["/contact/"],
        "about": ["/over/"],
        "privacy": ["/privacy/"],
        "not-found": ["/404.html"],
    }
    found = {}
    for kind, paths in candidates.items():
        existing = [p for p in paths if built_site.file_for(p).is_file()]
        if existing:
            # The richest page of its kind (most markup: video, comments, images...) is checked.
            found[kind] = max(existing, key=lambda p: (built_site.file_for(p).stat().st_size, p))
    missing = [kind for kind in PAGE_KINDS if kind not in found]
    if missing:
        pytest.fail(f"the example site has no page of kind {missing} (PAGE_KINDS in tests/gates/conftest.py)", pytrace=False)
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium, headless, driven by Playwright (no Playwright browser download)."""
    require_tool(CHROMIUM, "chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Remember each phase's report on the test item, so `page` can screenshot failed tests."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"gate_report_{report.when}", report)


@pytest.fixture
def page(browser, site_url: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser page; every request it makes is recorded in `page.gate_requests`.

    Requests to anything but the local server are recorded and then aborted, so a privacy
    failure is reported at once instead of waiting on a network that is closed here.
    A failed test leaves a screenshot in tests/artifacts/<test name>.png.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.gate_requests = []
    page.on("request", lambda req: page.gate_requests.append(req.url))

    def route(route_obj) -> None:
        if is_local(route_obj.request.url, site_url):
            route_obj.continue_()
        else:
            route_obj.abort()

    context.route("**/*", route)
    try:
        yield page
    finally:
        report = getattr(request.node, "gate_report_call", None)
        screenshot = ARTIFACTS / (re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name) + ".png")
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            try:
                page.screenshot(path=str(screenshot), full_page=True)
            except Exception as error:  # a crashed page must not hide the test's own failure
                print(f"screenshot failed: {error}")
        else:
            screenshot.unlink(missing_ok=True)  # an old failure's picture would mislead
        context.close()


def is_local(url: str, site_url: str) -> bool:
    """True for the local server and for URLs that never leave the browser (data:, blob:, about:)."""
    return url.startswith(site_url + "/") or url == site_url or url.split(":", 1)[0] in {"data", "blob", "about"}

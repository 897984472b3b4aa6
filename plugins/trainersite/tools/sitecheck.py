"""Checks on a built site folder before it is published: feeds that parse, links that resolve.

Pure functions over files (no MkDocs, no network), so deploy and tests share them:
- every RSS/Atom feed parses in feedparser without the `bozo` flag (what feed readers and
  RSS-to-email services would choke on);
- every internal href/src/srcset in every HTML page points at a file in the build.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import feedparser

LINK_ATTRIBUTES = {"href", "src", "poster", "data", "action"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
# Links that are not files of this site: other schemes are the browser's business.
SKIPPED_SCHEMES = {"mailto", "tel", "sms", "javascript", "data", "blob", "about"}
FEED_ROOTS = {"rss", "{http://www.w3.org/2005/Atom}feed", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the build, named by its file (relative to the site folder)."""

    file: str
    detail: str

    def __str__(self) -> str:
        return f"{self.file}: {self.detail}"


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and ("rel", "canonical") in attrs:
            self.canonical = dict(attrs).get("href") or ""
        for name, value in attrs:
            if not value or not value.strip():
                continue
            if name in LINK_ATTRIBUTES:
                self.links.append(value.strip())
            elif name in SRCSET_ATTRIBUTES:
                self.links.extend(part.split()[0] for part in value.split(",") if part.strip())


def page_links(html: str) -> list[str]:
    """Every URL an HTML page refers to (href, src, srcset, poster, object data, form action)."""
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    return collector.links


def site_url_of(site_dir: Path) -> str:
    """The site's public address, as MkDocs wrote it into the home page's canonical link ("" if none)."""
    home = site_dir / "index.html"
    if not home.is_file():
        return ""
    collector = _LinkCollector()
    collector.feed(home.read_text(encoding="utf-8", errors="replace"))
    return collector.canonical if urlsplit(collector.canonical).scheme in ("http", "https") else ""


def link_target(link: str, page: PurePosixPath, base_path: str = "/", site_url: str = "") -> str | None:
    """The site-relative path `link` on `page` asks for ("" is the home page), or None when the link
    is not to a file of this site. A root-relative link outside the site's base path gives "..".
    """
    if site_url and link.startswith(site_url):
        link = base_path + link[len(site_url):]  # the site's own address, as in canonical links
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another host, mailto:, or `#top` on the page itself
    absolute = urlsplit(urljoin(base_path + page.as_posix(), parts.path)).path
    if not absolute.startswith(base_path):
        return ".."
    return unquote(absolute[len(base_path):])


def _resolves(site_dir: Path, target: str) -> bool:
    path = site_dir / target if target else site_dir
    try:
        path.resolve().relative_to(site_dir.resolve())
    except ValueError:
        return False  # `../../etc/passwd` climbs out of the site
    if target.endswith("/") or path.is_dir():
        return (path / "index.html").is_file()
    return path.is_file()


def check_links(site_dir: Path, site_url: str = "") -> list[Problem]:
    """Internal links and images in the built HTML that point at no file of the build."""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    base_path = urlsplit(site_url).path or "/"
    problems: list[Problem] = []
    for html_file in sorted(site_dir.rglob("*.html")):
        if not html_file.is_file():  # a folder named like a page
            continue
        relative = PurePosixPath(html_file.relative_to(site_dir).as_posix())
        html = html_file.read_text(encoding="utf-8", errors="replace")
        seen: set[str] = set()
        for link in page_links(html):
            if link in seen or urlsplit(link).scheme.lower() in SKIPPED_SCHEMES:
                continue
            seen.add(link)
            target = link_target(link, relative, base_path, site_url)
            if target is None:
                continue
            if not _resolves(site_dir, target):
                problems.append(Problem(relative.as_posix(), f"broken link {link!r}: no such file in the build"))
    return problems


def _is_feed(path: Path) -> bool:
    try:
        for _, element in ET.iterparse(path, events=("start",)):
            return element.tag in FEED_ROOTS
    except ET.ParseError:
        # Not well-formed: a feed if it says so near the top (feedparser will tell what is wrong).
        head = path.read_bytes()[:2048]
        return b"<rss" in head or b"<feed" in head
    return False


def check_feeds(site_dir: Path) -> list[Problem]:
    """RSS/Atom files in the build that feedparser flags as malformed (`bozo`)."""
    problems = []
    for xml_file in sorted(site_dir.rglob("*.xml")):
        if not xml_file.is_file():
            continue
        if not _is_feed(xml_file):
            continue  # the sitemap, for one
        parsed = feedparser.parse(xml_file.read_bytes())
        relative = xml_file.relative_to(site_dir).as_posix()
        if parsed.bozo:
            problems.append(Problem(relative, f"feed does not parse cleanly: {parsed.get('bozo_exception')}"))
        elif not parsed.feed.get("title"):
            problems.append(Problem(relative, "feed has no title"))
    return problems


def check_site(site_dir: Path, site_url: str | None = None) -> list[Problem]:
    """Everything that must hold before a build is published; empty when it may go live.

    `site_url` defaults to the address in the build's own canonical links.
    """
    if site_url is None:
        site_url = site_url_of(site_dir)
    problems = []
    if not (site_dir / "index.html").is_file():
        problems.append(Problem("index.html", "missing: the build has no home page"))
    return problems + check_feeds(site_dir) + check_links(site_dir, site_url)

"""Gate: every RSS/Atom feed in the built example site is clean for feed readers and RSS-to-email.

Each *.xml file whose root is <rss> or Atom <feed> (the sitemap is neither) must parse in
feedparser without the bozo flag, carry RFC-822 dates (RSS) or RFC-3339 dates (Atom), and use
only absolute URLs, in its links and inside the HTML of each entry: a mail client or feed reader
has no page to resolve a relative link against.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from trainersite.tools.sitecheck import page_links

from .conftest import CATEGORY_PATH, BuiltSite

pytestmark = pytest.mark.gate

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
# RFC 822 as updated by RFC 2822 section 3.3 (what RSS 2.0 asks for): "Tue, 06 Sep 2011 09:30:00 +0200".
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}(:\d{2})? ([+-]\d{4}|GMT|UT)$"
)
ABSOLUTE_SCHEMES = {"http", "https", "mailto", "tel"}


def feed_kind(path: Path) -> str | None:
    """'rss', 'atom' or None (not a feed, e.g. sitemap.xml) by the XML root element."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return "broken"
    if root.tag == "rss":
        return "rss"
    if root.tag == f"{ATOM}feed":
        return "atom"
    return None


def site_feeds(site: BuiltSite) -> dict[str, str]:
    """URL path -> kind of every feed in the built site."""
    feeds = {}
    for path in sorted(site.root.rglob("*.xml")):
        kind = feed_kind(path)
        if kind:
            feeds["/" + path.relative_to(site.root).as_posix()] = kind
    return feeds


def is_absolute(url: str) -> bool:
    return urlsplit(url).scheme.lower() in ABSOLUTE_SCHEMES and (
        urlsplit(url).scheme.lower() in ("mailto", "tel") or bool(urlsplit(url).netloc)
    )


def relative_urls_in_html(html: str) -> list[str]:
    return [url for url in page_links(html) if not url.startswith("#") and not is_absolute(url)]


def rfc822_problem(value: str | None) -> str | None:
    if value is None:
        return "missing"
    if not RFC822.match(value.strip()):
        return f"not RFC 822: {value!r}"
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return f"not a real date: {value!r}"
    return None


def rfc3339_problem(value: str | None) -> str | None:
    if value is None:
        return "missing"
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return f"not RFC 3339: {value!r}"
    return None if parsed.tzinfo is not None else f"no time zone: {value!r}"


def rss_problems(root: ET.Element) -> list[str]:
    problems = []
    channel = root.find("channel")
    if channel is None:
        return ["no <channel>"]
    for tag in ("pubDate", "lastBuildDate"):
        element = channel.find(tag)
        if element is not None and (problem := rfc822_problem(element.text)):
            problems.append(f"channel {tag}: {problem}")
    if not is_absolute(channel.findtext("link", "")):
        problems.append(f"channel link not absolute: {channel.findtext('link')!r}")
    for index, item in enumerate(channel.findall("item"), start=1):
        name = f"item {index} ({item.findtext('title', '?')})"
        if problem := rfc822_problem(item.findtext("pubDate")):
            problems.append(f"{name} pubDate: {problem}")
        if not is_absolute(item.findtext("link", "")):
            problems.append(f"{name} link not absolute: {item.findtext('link')!r}")
        guid = item.find("guid")
        if guid is not None and guid.get("isPermaLink", "true") == "true" and not is_absolute(guid.text or ""):
            problems.append(f"{name} permalink guid not absolute: {guid.text!r}")
        for enclosure in item.findall("enclosure"):
            if not is_absolute(enclosure.get("url", "")):
                problems.append(f"{name} enclosure not absolute: {enclosure.get('url')!r}")
        for tag in ("description", CONTENT_ENCODED):
            for url in relative_urls_in_html(item.findtext(tag, "")):
                problems.append(f"{name} {tag.split('}')[-1]}: relative URL {url!r}")
    return problems


def atom_problems(root: ET.Element) -> list[str]:
    problems = []
    if problem := rfc3339_problem(root.findtext(f"{ATOM}updated")):
        problems.append(f"feed updated: {problem}")
    for link in root.findall(f"{ATOM}link"):
        if not is_absolute(link.get("href", "")):
            problems.append(f"feed link not absolute: {link.get('href')!r}")
    for index, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
        name = f"entry {index} ({entry.findtext(f'{ATOM}title', '?')})"
        for tag in ("updated", "published"):
            element = entry.find(f"{ATOM}{tag}")
            if (element is not None or tag == "updated") and (
                problem := rfc3339_problem(None if element is None else element.text)
            ):
                problems.append(f"{name} {tag}: {problem}")
        for link in entry.findall(f"{ATOM}link"):
            if not is_absolute(link.get("href", "")):
                problems.append(f"{name} link not absolute: {link.get('href')!r}")
        for tag in ("content", "summary"):
            element = entry.find(f"{ATOM}{tag}")
            if element is not None and element.get("type") in ("html", "xhtml"):
                text = (element.text or "") if element.get("type") == "html" else ET.tostring(element, encoding="unicode")
                for url in relative_urls_in_html(text):
                    problems.append(f"{name} {tag}: relative URL {url!r}")
    return problems


def feed_problems(path: Path, kind: str) -> list[str]:
    if kind == "broken":
        return ["not well-formed XML"]
    parsed = feedparser.parse(path.read_bytes())
    problems = [f"feedparser bozo: {parsed.get('bozo_exception')!r}"] if parsed.bozo else []
    if not parsed.entries:
        problems.append("no entries")
    root = ET.parse(path).getroot()
    return problems + (rss_problems(root) if kind == "rss" else atom_problems(root))


def test_every_feed_is_clean(built_site: BuiltSite) -> None:
    feeds = site_feeds(built_site)
    if not feeds:
        print("NOTICE: the example site has no RSS/Atom feed yet; the feed gate has nothing to check")
        pytest.skip("no feed in the built site yet")
    expected = {"/feed.xml", "/atom.xml"} | {
        path + "feed.xml" for path in built_site.url_paths(CATEGORY_PATH)
    }
    missing = sorted(expected - feeds.keys())
    problems = [f"{url}: missing (SPEC: main feed, Atom feed and a feed per category)" for url in missing]
    for url, kind in feeds.items():
        problems += [f"{url}: {problem}" for problem in feed_problems(built_site.root / url.lstrip("/"), kind)]
    print(f"feed gate: {len(feeds)} feeds checked: {', '.join(feeds)}")
    assert not problems, "feed problems:\n" + "\n".join(problems)


def test_strict_checks_catch_what_feedparser_forgives(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title>'
        "<link>https://www.example.nl/</link><description>d</description>"
        "<item><title>a</title><link>/blog/a/</link><pubDate>2011-09-06</pubDate>"
        '<description>&lt;img src="/assets/x.png"&gt;</description></item></channel></rss>',
        encoding="utf-8",
    )
    problems = feed_problems(feed, feed_kind(feed))
    assert any("pubDate: not RFC 822" in p for p in problems)
    assert any("link not absolute: '/blog/a/'" in p for p in problems)
    assert any("relative URL '/assets/x.png'" in p for p in problems)
    assert rfc822_problem("Tue, 06 Sep 2011 09:30:00 +0200") is None
    assert rfc3339_problem("2011-09-06T09:30:00+02:00") is None

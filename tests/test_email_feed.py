"""Feed items as an RSS-to-email service pastes them into an e-mail: no theme, no scripts, 600 px.

Every item of every feed (RSS, Atom, category feeds) is read from the raw XML (feedparser would
sanitize it for us and hide what a mail client gets) and checked element by element.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import html as lxml_html

from sitebuilder import SiteBuilder, post_text

NS = {"content": "http://purl.org/rss/1.0/modules/content/", "atom": "http://www.w3.org/2005/Atom"}
FORBIDDEN = {"script", "iframe", "form", "button", "input", "style", "select", "textarea", "svg", "object", "embed"}
RICH_BODY = """Eerste alinea met een [link](../../over/).

<!-- more -->

## Een kop

!!! tip "Probeer dit morgen"
    Vraag door voordat je een oplossing geeft.

??? note "Meer weten"
    Het verborgen deel.

![Schema](/assets/schema.svg){ width="1200" height="800" }

<form action="/x"><input name="q"><button>Zoek</button></form>
<iframe src="https://video.example.nl/embed/1"></iframe>
<script>alert(1)</script>
<style>p { color: red }</style>

Code blijft tekst: `<script>` en `<!-- more -->`.
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"></svg>'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = SiteBuilder(tmp_path_factory.mktemp("email"))
    site.page("over.md", "# Over\n")
    site.page("assets/schema.svg", SVG)
    site.page("assets/video.svg", SVG)
    site.post("2024-01-10-rijk.md", post_text("Rijk bericht", "2024-01-10", RICH_BODY, categories=["Telefonie"]))
    site.post("2024-02-10-video.md", post_text(
        "Video bericht", "2024-02-10", "Bij dit bericht hoort een korte video.\n",
        video="https://www.youtube.com/watch?v=dQw4w9WgXcQ", image="/assets/video.svg", categories=["Telefonie"]))
    site.post("2024-03-10-video-zonder-beeld.md", post_text(
        "Video zonder beeld", "2024-03-10", "Nog een video.\n", video="https://vimeo.com/76979871"))
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def feed_files(result) -> list[str]:
    return sorted(str(p.relative_to(result.site)) for p in result.site.rglob("*.xml")
                  if p.name != "sitemap.xml" and ("feed" in p.name or p.name == "atom.xml"))


def items(result, path: str) -> list[tuple[str, str, str]]:
    """(title, link, content HTML) of every item of one feed file, straight from the XML."""
    root = ET.parse(result.site / path).getroot()
    found = []
    for item in root.iter("item"):
        found.append((item.findtext("title"), item.findtext("link"), item.findtext("content:encoded", namespaces=NS)))
    for entry in root.iter("{http://www.w3.org/2005/Atom}entry"):
        link = entry.find("atom:link", NS).get("href")
        found.append((entry.findtext("atom:title", namespaces=NS), link, entry.findtext("atom:content", namespaces=NS)))
    return found


def test_every_feed_item_is_mail_safe(built):
    paths = feed_files(built)
    assert {"feed.xml", "atom.xml", "blog/categorie/telefonie/feed.xml"} <= set(paths)
    checked = 0
    for path in paths:
        assert not feedparser.parse(str(built.site / path)).bozo, path
        for title, link, content in items(built, path):
            assert content, (path, title)
            assert "<!--" not in content.replace("&lt;!-- more --&gt;", ""), (path, title)
            tree = lxml_html.fragment_fromstring(content, create_parent="div")
            tags = {el.tag for el in tree.iter() if isinstance(el.tag, str)}
            assert not tags & FORBIDDEN, (path, title, tags & FORBIDDEN)
            for el in tree.iter():
                if not isinstance(el.tag, str):
                    continue
                assert not {"class", "id"} & set(el.attrib), (path, title, el.tag, dict(el.attrib))
                for name in ("href", "src"):
                    if el.get(name):
                        assert urlsplit(el.get(name)).scheme in {"https", "http", "mailto"}, (path, el.get(name))
                if el.tag == "img":
                    assert int(el.get("width")) <= 600, (path, dict(el.attrib))
                    assert el.get("height"), (path, dict(el.attrib))
            # The closing link back to the post on the site.
            closing = tree[-1]
            assert closing.text_content() == "Lees dit bericht op de site" and closing.find("a").get("href") == link
            checked += 1
    assert checked == 8  # 3 posts in RSS and in Atom, 2 in the Telefonie feed


def test_admonitions_become_blocks_with_a_bold_title(built):
    content = next(c for t, _, c in items(built, "feed.xml") if t == "Rijk bericht")
    tree = lxml_html.fragment_fromstring(content, create_parent="div")
    titles = [q.find("p/strong").text for q in tree.iter("blockquote")]
    assert titles == ["Probeer dit morgen", "Meer weten"]
    assert "Het verborgen deel." in content
    assert "Code blijft tekst: <code>&lt;script&gt;</code> en <code>&lt;!-- more --&gt;</code>." in content
    image = next(tree.iter("img"))
    assert (image.get("src"), image.get("width"), image.get("height")) == ("https://www.example.nl/assets/schema.svg", "600", "400")


def test_a_video_is_a_linked_picture_and_a_visible_link(built):
    by_title = {t: c for t, _, c in items(built, "feed.xml")}
    tree = lxml_html.fragment_fromstring(by_title["Video bericht"], create_parent="div")
    links = [(a.get("href"), a.text_content()) for a in tree.iter("a")]
    watch = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert (watch, "▶ Bekijk de video") in links
    picture = next(tree.iter("img"))
    assert picture.getparent().tag == "a" and picture.getparent().get("href") == watch
    # The post's image is an SVG, which mail clients do not show: its social card (PNG) stands in.
    assert re.fullmatch(r"https://www\.example\.nl/assets/images/social/[0-9a-f]+\.png", picture.get("src"))
    plain = lxml_html.fragment_fromstring(by_title["Video zonder beeld"], create_parent="div")
    assert ("https://vimeo.com/76979871", "▶ Bekijk de video") in [(a.get("href"), a.text_content()) for a in plain.iter("a")]


def test_english_site_speaks_english_in_the_mail(tmp_path):
    site = SiteBuilder(tmp_path)
    site.configure(theme={"language": "en"})
    site.post("2024-02-10-video.md", post_text("Video", "2024-02-10", "Text.\n", video="https://vimeo.com/76979871"))
    result = site.build()
    assert result.returncode == 0, result.output
    content = items(result, "feed.xml")[0][2]
    assert "▶ Watch the video" in content and "Read this post on the site" in content
    assert not re.search(r"Bekijk|Lees dit", content)

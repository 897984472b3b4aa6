"""The post page as readers and crawlers meet it: share links, archived comments, meta tags, JSON-LD."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from PIL import Image
from sitebuilder import post_text

from trainersite.blog.comments import text_to_html
from trainersite.core.jsonld import json_ld_text

TRICKY_TITLE = 'Klant & "service" </script><script>alert(1)</script> één?'


def _share_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="ts-share".*?</nav>', html, re.DOTALL).group(0)
    return {
        network: unescape(url)
        for network, url in re.findall(r'ts-share__link--(\w+)" href="([^"]+)"', nav)
    }


def test_share_links_carry_the_absolute_url_and_encoded_title(site):
    site.post("2020-01-01-x.md", post_text(TRICKY_TITLE, "2020-01-01", slug="klant-en-service"))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/klant-en-service/")
    links = _share_links(html)
    assert set(links) == {"linkedin", "facebook", "x", "whatsapp", "email"}
    post_url = "https://www.example.nl/blog/klant-en-service/"
    assert parse_qs(urlsplit(links["linkedin"]).query) == {"url": [post_url]}
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [post_url]}
    assert parse_qs(urlsplit(links["x"]).query) == {"text": [TRICKY_TITLE], "url": [post_url]}
    assert parse_qs(urlsplit(links["whatsapp"]).query) == {"text": [f"{TRICKY_TITLE} {post_url}"]}
    assert links["email"].startswith("mailto:?")
    assert parse_qs(links["email"][len("mailto:?"):]) == {"subject": [TRICKY_TITLE], "body": [post_url]}
    # Encoded, not just escaped: no raw space, quote or angle bracket in any share URL.
    assert not [url for url in links.values() if re.search(r'[ "<>&](?!url=|u=|body=)', url.split("?", 1)[1])]
    assert "<script>alert(1)" not in html


COMMENTS = [
    {
        "author": "Petra <b>",
        "date": "2014-03-02",
        "text": "Eerste alinea.\nTweede regel.\n\nTweede alinea <script>alert('x')</script>",
        "replies": [
            {
                "author": "Annelies",
                "date": "2014-03-03",
                "text": "Dank je! <img src=x onerror=alert(1)>",
                "replies": [{"author": "Petra", "date": "2014-03-04", "text": "Graag gedaan."}],
            }
        ],
    },
    {"author": "Mark", "date": "2014-03-05", "text": "Goede tip."},
] + [{"author": f"Lezer {n}", "date": "2014-04-01", "text": "Eens."} for n in range(4)]


def test_archived_comments_are_escaped_threaded_and_counted(site):
    site.post("2014-02-27-klacht.md", post_text("Een klacht", "2014-02-27", comments=COMMENTS))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/een-klacht/")
    section = re.search(r'<section class="ts-comments".*?</section>', html, re.DOTALL).group(0)
    assert "<h2>8 reacties</h2>" in section
    assert "<script>alert" not in html and "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "Tweede alinea &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in section
    assert "Dank je! &lt;img src=x onerror=alert(1)&gt;" in section
    assert "<strong class=\"ts-comment__author\">Petra &lt;b&gt;</strong>" in section
    assert "<p>Eerste alinea.<br>\nTweede regel.</p><p>Tweede alinea" in section
    assert '<time datetime="2014-03-02">2 maart 2014</time>' in section
    # Threaded: the reply and the reply to the reply sit in nested lists under their parent.
    first = section.index("Eerste alinea"), section.index("Dank je!"), section.index("Graag gedaan.")
    assert first[0] < first[1] < first[2]
    between = section[first[0]:first[2]]
    assert between.count('<ol class="ts-comments__replies">') == 2
    assert section.index("Graag gedaan.") < section.index("Goede tip.")
    assert section[section.index("Graag gedaan."):section.index("Goede tip.")].count("</ol>") == 2


def test_no_comment_section_without_comments_and_english_labels(site):
    site.post("a.md", post_text("Zonder", "2014-02-27"))
    site.post("b.md", post_text("Met een", "2014-02-28", comments=[{"author": "Jo", "date": "2014-03-01", "text": "Hi"}]))
    site.configure(theme={"language": "en"})
    result = site.build()
    assert result.returncode == 0, result.output
    # (the inlined stylesheet names the class; no element may carry it)
    assert 'class="ts-comments' not in result.page("blog/zonder/")
    assert "<h2>1 comment</h2>" in result.page("blog/met-een/")


def test_meta_tags_and_json_ld_describe_the_post(site):
    (site.docs / "assets/images").mkdir(parents=True, exist_ok=True)  # the authors' avatars are there already
    Image.new("RGB", (1000, 600), (200, 80, 40)).save(site.docs / "assets/images/kaart.png")
    site.post(
        "2020-01-01-x.md",
        post_text(
            TRICKY_TITLE, "2020-01-01", slug="seo", updated="2020-02-03", image="/assets/images/kaart.png",
            summary='Een samenvatting met "quotes" & <tags>.', categories=["Klachten"],
        ),
    )
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/seo/")
    head = html[: html.index("</head>")]
    url = "https://www.example.nl/blog/seo/"
    # The post's own picture, as published for the site (never wider than the 1000 px original).
    image = re.search(r'"og:image" content="(https://www\.example\.nl/assets/images/responsive/[0-9a-f]+/kaart-1000\.png)"', head)[1]
    assert f'<link rel="canonical" href="{url}">' in head
    assert '<meta name="description" content="Een samenvatting met &#34;quotes&#34; &amp; &lt;tags&gt;.">' in head
    meta = {unescape(key): unescape(value) for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', head)}
    assert meta["og:title"] == meta["twitter:title"] == TRICKY_TITLE
    assert meta["og:description"] == 'Een samenvatting met "quotes" & <tags>.'
    assert meta["og:url"] == url and meta["og:type"] == "article"
    assert meta["og:image"] == meta["twitter:image"] == image
    assert meta["twitter:card"] == "summary_large_image"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1000", "600")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.DOTALL)
    assert len(scripts) == 1
    raw = scripts[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["@type"] == "BlogPosting" and data["headline"] == TRICKY_TITLE
    assert data["datePublished"].startswith("2020-01-01T00:00:00")
    assert data["dateModified"].startswith("2020-02-03")
    assert data["author"] == {"@type": "Person", "name": "Annelies Verbeek", "url": "https://www.example.nl/blog/auteur/annelies/"}
    assert data["image"] == image
    assert data["publisher"]["name"] == "Verbeek Klantcontact"
    assert data["mainEntityOfPage"]["@id"] == url


def test_pages_other_than_posts_get_no_post_meta(site):
    site.post("a.md", post_text("Een bericht", "2020-01-01"))
    result = site.build()
    assert result.returncode == 0, result.output
    # Every page has its share picture and Open Graph basics (social-meta.html), but only posts are articles.
    assert "application/ld+json" not in result.page("blog/") and 'og:type" content="article"' not in result.page("")


def test_comment_text_becomes_paragraphs_and_breaks_only():
    assert str(text_to_html("a < b\n& c\n\n\nd")) == "<p>a &lt; b<br>\n&amp; c</p><p>d</p>"


def test_json_for_script_escapes_what_could_end_the_script():
    assert json_ld_text({"t": "</script><!-- & é"}, indent=None) == '{"t": "\\u003c/script\\u003e\\u003c!-- \\u0026 é"}'

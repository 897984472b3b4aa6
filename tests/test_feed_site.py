"""Whole-site tests of the feeds, read back the way feed readers and RSS-to-email services do."""

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from PIL import Image

from sitebuilder import SiteBuilder, post_text

HOSTILE = 'Klant <zegt> "nee" & \'ja\''
NS = {"content": "http://purl.org/rss/1.0/modules/content/", "media": "http://search.yahoo.com/mrss/",
      "atom": "http://www.w3.org/2005/Atom"}


def write_posts(site: SiteBuilder, slug_of_first: str | None = None) -> None:
    first = {"slug": slug_of_first} if slug_of_first else {}
    (site.docs / "assets").mkdir(exist_ok=True)
    Image.new("RGB", (1600, 900), (64, 81, 181)).save(site.docs / "assets" / "foto.png")
    site.page("over.md", "# Over\n")
    site.post("2011-09-06-eerste.md", post_text(
        HOSTILE, "2011-09-06", "Zie [over](../../over/) en ![foto](/assets/foto.png).\n\n<!-- more -->\n\n## Kop\n\n[Intern](#kop)",
        categories=[HOSTILE, "Telefonie"], image="/assets/foto.png", **first))
    for n in range(2, 25):
        site.post(f"2020-01-{n:02d}-post-{n}.md", post_text(f"Post {n}", f"2020-01-{n:02d} 10:15", f"Tekst {n}.",
                                                         categories=["Telefonie"] if n % 2 else ["Communicatie"]))
    site.post("2020-06-01-concept.md", post_text("Concept", "2020-06-01", draft=True, categories=["Telefonie"]))
    site.post("2099-06-01-later.md", post_text("Later", "2099-06-01", categories=["Telefonie"]))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = SiteBuilder(tmp_path_factory.mktemp("feeds"))
    write_posts(site)
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def parse(result, path):
    feed = feedparser.parse((result.site / path).read_bytes())
    assert feed.bozo == 0, feed.bozo_exception
    return feed


def test_main_feed_channel(built):
    feed = parse(built, "feed.xml")
    assert feed.version == "rss20"
    assert feed.feed.language == "nl" and feed.feed.link == "https://www.example.nl/"
    assert any(link.rel == "self" and link.href == "https://www.example.nl/feed.xml" for link in feed.feed.links)
    assert feed.feed.image.href.startswith("https://www.example.nl/")
    assert len(feed.entries) == 20  # 24 published posts, the newest 20
    assert feed.entries[0].title == "Post 24"


def test_items_have_everything_services_need(built):
    raw = (built.site / "feed.xml").read_bytes()
    channel = ET.fromstring(raw).find("channel")
    guids = []
    for item in channel.findall("item"):
        pub = parsedate_to_datetime(item.findtext("pubDate"))
        assert pub.tzinfo is not None
        content = item.findtext("content:encoded", namespaces=NS)
        assert content and not re.search(r'(?:href|src)="(?!https?://|mailto:)', content), content
        assert "headerlink" not in content
        assert item.findtext("author") and item.find("guid").get("isPermaLink") == "false"
        guids.append(item.findtext("guid"))
    assert len(set(guids)) == len(guids)
    assert channel.find("item/pubDate").text == "Fri, 24 Jan 2020 10:15:00 +0100"


def test_date_only_post_keeps_its_day(tmp_path):
    site = SiteBuilder(tmp_path)
    site.post("2011-09-06-a.md", post_text("Op de dag", "2011-09-06"))
    result = site.build()
    item = ET.fromstring((result.site / "feed.xml").read_bytes()).find("channel/item")
    assert item.findtext("pubDate") == "Tue, 06 Sep 2011 00:00:00 +0200"


def test_hostile_text_survives_exactly(built):
    feed = parse(built, "blog/categorie/telefonie/feed.xml")
    entry = [e for e in feed.entries if e.title == HOSTILE][0]
    assert HOSTILE in [t.term for t in entry.tags]
    assert HOSTILE in built.page("blog/klant-zegt-nee-ja/").replace("&lt;", "<").replace("&gt;", ">").replace(
        "&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")


def test_image_gives_enclosure_and_media_content(built):
    tel = ET.fromstring((built.site / "blog/categorie/telefonie/feed.xml").read_bytes())
    item = [i for i in tel.iter("item") if i.findtext("title") == HOSTILE][0]
    enclosure = item.find("enclosure")
    # The post's picture as resized for the site (1200 px wide, not the 1600 px original).
    url = enclosure.get("url")
    assert re.fullmatch(r"https://www\.example\.nl/assets/images/responsive/[0-9a-f]+/foto-1200\.png", url)
    published = built.site / url.removeprefix("https://www.example.nl/")
    assert enclosure.get("length") == str(published.stat().st_size) and enclosure.get("type") == "image/png"
    assert Image.open(published).size == (1200, 675)
    assert item.find("media:content", NS).get("url") == url
    content = item.findtext("content:encoded", namespaces=NS)
    assert 'href="https://www.example.nl/over/"' in content and f'src="{url}"' in content
    assert 'href="https://www.example.nl/blog/klant-zegt-nee-ja/#kop"' in content


def test_category_feeds_hold_only_their_posts(built):
    tel = parse(built, "blog/categorie/telefonie/feed.xml")
    assert tel.entries and all("Telefonie" in [t.term for t in e.tags] for e in tel.entries)
    assert tel.feed.link == "https://www.example.nl/blog/categorie/telefonie/"
    com = parse(built, "blog/categorie/communicatie/feed.xml")
    assert all("Telefonie" not in [t.term for t in e.tags] for e in com.entries)
    assert len(com.entries) == 12


def test_feeds_drop_drafts_and_future_posts(built):
    for path in ("feed.xml", "atom.xml", "blog/categorie/telefonie/feed.xml"):
        titles = [e.title for e in parse(built, path).entries]
        assert "Concept" not in titles and "Later" not in titles


def test_atom_feed(built):
    feed = parse(built, "atom.xml")
    assert feed.version == "atom10" and len(feed.entries) == 20
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)


def test_guid_unchanged_after_slug_and_title_edit(tmp_path):
    def guids(root, **edit):
        site = SiteBuilder(root)
        site.post("2020-01-01-a.md", post_text(edit.get("title", "Titel"), "2020-01-01", **({"slug": edit["slug"]} if "slug" in edit else {})))
        result = site.build()
        assert result.returncode == 0, result.output
        entry = parse(result, "feed.xml").entries[0]
        return entry.id, entry.link

    before = guids(tmp_path / "a")
    after = guids(tmp_path / "b", title="Nieuwe titel", slug="nieuwe-slug")
    assert before[0] == after[0] and before[1] != after[1]


def test_autodiscovery_links(built):
    post = built.page("blog/post-2/")
    assert '<link rel="alternate feed" type="application/rss+xml" title="Verbeek Klantcontact" href="../../feed.xml">' in post
    category = built.page("blog/categorie/telefonie/")
    assert 'type="application/rss+xml" title="Verbeek Klantcontact: Telefonie" href="feed.xml"' in category


def test_newsletter_box_with_provider(built):
    html = built.page("blog/post-2/")
    box = html.split('class="ts-newsletter"', 1)[1].split("</aside>", 1)[0]
    assert 'action="https://nieuwsbrief.example.nl/subscribe"' in box
    assert 'type="email" name="email"' in box and 'name="website" tabindex="-1"' in box
    assert "delen het met niemand" in box and 'href="../../feed.xml"' in box


def test_newsletter_box_without_provider_has_no_form(site):
    site.config["extra"]["newsletter"] = {}
    site.configure(extra={"contact": {"email": "info@example.nl"}})
    site.page("nieuwsbrief.md", "---\ntitle: Nieuwsbrief\n---\nMaandelijks.\n")
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01"))
    result = site.build()
    assert result.returncode == 0, result.output
    for url in ("blog/a/", "nieuwsbrief/"):
        box = result.page(url).split('class="ts-newsletter"', 1)[1].split("</aside>", 1)[0]
        assert "<form" not in box and "mailto:info@example.nl" in box and "feed.xml" in box
    assert "atom.xml" in result.page("nieuwsbrief/")


def test_missing_site_url_is_a_clear_error(site):
    site.config.pop("site_url")
    site.post("2020-01-01-a.md", post_text("A", "2020-01-01"))
    result = site.build()
    assert result.returncode != 0 and "'site_url': verwacht" in result.output and "Traceback" not in result.output

"""Property tests for the WordPress importer: whatever an export holds, importing it gives post files
that the blog reads without error and that render without a live script, or one clear
NotAnExport; nothing is written outside the posts folder and the blog's image folder.

Examples are bounded so the file runs in seconds (FUZZ_EXAMPLES=2000 for a deep search).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_wordpress_hostile import EXTENSIONS, unsafe_markup

from trainersite.blog.aliases import alias_url
from trainersite.blog.models import Author
from trainersite.blog.posts import ReadSettings, parse_post
from trainersite.tools.wordpress import NotAnExport, import_export

TZ = ZoneInfo("Europe/Amsterdam")
READ = ReadSettings(authors={"annelies": Author("annelies", "Annelies")}, default_author="annelies", tz=TZ,
                    now=datetime(2030, 1, 1, tzinfo=TZ))
FAST = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces an export might hold: markup, entities, Markdown syntax, path tricks, odd characters.
PIECES = [
    "<script>alert(1)</script>", "&lt;script&gt;alert(2)&lt;/script&gt;", "<a href=\"javascript:alert(3)\">x</a>",
    "<a href='data:text/html,<script>alert(4)</script>'>d</a>", "<img src=x onerror=alert(5)>",
    "<img src=\"https://oud.example.nl/wp-content/uploads/2013/06/team.jpg\" alt=\"Team ]x[\">",
    "<img src=\"https://oud.example.nl/wp-content/uploads/../../x.png\">", "[x](javascript:alert(6))",
    "{: onclick=alert(7) }", "--8<-- \"/etc/passwd\"", "<!--more-->", "<pre>```\n<b>", "</pre>", "```",
    "[caption]<img src=a.png> Onderschrift[/caption]", "<iframe src=https://www.youtube.com/embed/abcdefghijk>",
    "<p>", "</p>", "\n\n", "\n", "<!-- wp:paragraph -->", "&amp;", "&", "<", ">", "\\", "`", "*", "_", "#",
    "!!! note", "<div markdown=1>**x**</div>", "<style>p{}</style>", "<svg onload=alert(8)>", "é", "中文",
    "\u202e", "\u00a0", "😀", "https://vimeo.com/76979871", "<a href=\"https://oud.example.nl/?p=1\">a</a>",
]
HTML = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=12).map("".join)
TEXT = st.one_of(st.text(max_size=30), st.sampled_from(["???", "", " ", "Concept", "x" * 300, "../../x", "a/b"]))
DATES = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(lambda d: f"{d:%Y-%m-%d %H:%M:%S}"),
    st.sampled_from(["0000-00-00 00:00:00", "", "2013-02-30 10:00:00", "gisteren", "2013-02-01 10:00:00"]),
)
LINKS = st.one_of(
    st.sampled_from([
        "https://oud.example.nl/?p=../../../x", "https://oud.example.nl/x%2F..%2F..%2Fout/", "https://oud.example.nl/%00/",
        "https://oud.example.nl/%2Ftmp%2Fout/", "https://oud.example.nl/?p=12", "https://oud.example.nl/2013/01/a/",
        "https://[oud/", "", "javascript:alert(1)", "https://oud.example.nl/feed.xml", "/a/./b/", "https://oud.example.nl/",
    ]),
    st.text(max_size=20).map(lambda t: f"https://oud.example.nl/{t}"),
)
COMMENT = st.fixed_dictionaries({
    "id": st.sampled_from(["1", "2", "3", ""]), "parent": st.sampled_from(["0", "1", "2", "3", "x"]),
    "author": TEXT, "date": DATES, "content": HTML, "approved": st.sampled_from(["1", "0", "spam"]),
})
ITEM = st.fixed_dictionaries({
    "title": TEXT, "link": LINKS, "guid": TEXT, "content": HTML, "excerpt": HTML, "id": st.sampled_from(["1", "2", "x", ""]),
    "date": DATES, "date_gmt": DATES, "name": TEXT, "status": st.sampled_from(["publish", "draft", "future", "trash", "x"]),
    "type": st.sampled_from(["post", "post", "page"]), "terms": st.lists(TEXT, max_size=3),
    "comments": st.lists(COMMENT, max_size=3),
})


def _xml_safe(text: str) -> str:
    # ElementTree writes any character; XML 1.0 has no way to carry most controls, so those are
    # tested by the hand-made fixtures and the one-clear-error path instead.
    return "".join(ch for ch in text if ch in "\t\n\r" or (" " <= ch and ch not in "\ufffe\uffff" and not "\ud800" <= ch <= "\udfff"))


def export_xml(items: list[dict], https: bool) -> bytes:
    scheme = "https" if https else "http"
    ns = {"wp": f"{scheme}://wordpress.org/export/1.2/", "content": f"{scheme}://purl.org/rss/1.0/modules/content/",
          "dc": f"{scheme}://purl.org/dc/elements/1.1/", "excerpt": f"{scheme}://wordpress.org/export/1.2/excerpt/"}
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, f"{{{ns['wp']}}}wxr_version").text = "1.2"

    def add(parent, tag, text):
        ET.SubElement(parent, tag).text = _xml_safe(text)

    for item in items:
        element = ET.SubElement(channel, "item")
        add(element, "title", item["title"])
        add(element, "link", item["link"])
        add(element, "guid", item["guid"])
        add(element, f"{{{ns['dc']}}}creator", "annelies")
        add(element, f"{{{ns['content']}}}encoded", item["content"])
        add(element, f"{{{ns['excerpt']}}}encoded", item["excerpt"])
        for tag in ("post_id", "post_date", "post_date_gmt", "post_name", "status", "post_type"):
            key = {"post_id": "id", "post_date": "date", "post_date_gmt": "date_gmt", "post_name": "name",
                   "post_type": "type"}.get(tag, tag)
            add(element, f"{{{ns['wp']}}}{tag}", item[key])
        for number, term in enumerate(item["terms"]):
            category = ET.SubElement(element, "category", domain="category" if number % 2 else "post_tag")
            category.text = _xml_safe(term)
        for comment in item["comments"]:
            node = ET.SubElement(element, f"{{{ns['wp']}}}comment")
            for tag, key in (("comment_id", "id"), ("comment_parent", "parent"), ("comment_author", "author"),
                             ("comment_date", "date"), ("comment_content", "content"), ("comment_approved", "approved")):
                add(node, f"{{{ns['wp']}}}{tag}", comment[key])
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


def every_file(root: Path) -> set[Path]:
    return {path.relative_to(root) for path in root.rglob("*")}


@FAST
@given(items=st.lists(ITEM, max_size=4), https=st.booleans(), force=st.booleans())
def test_any_export_gives_valid_safe_posts_inside_the_folder(items, https, force):
    root = Path(tempfile.mkdtemp(prefix="wp-fuzz-"))
    try:
        export = root / "export.xml"
        export.write_bytes(export_xml(items, https))
        uploads = root / "uploads" / "2013" / "06"
        uploads.mkdir(parents=True)
        (uploads / "team.jpg").write_bytes(b"jpg")
        (root / "geheim.png").write_bytes(b"geheim")
        before = every_file(root)
        try:
            report = import_export(export, root / "posts", authors={"annelies": "Annelies"}, default_author="annelies",
                                   force=force, uploads=root / "uploads", docs_dir=root / "docs")
        except NotAnExport as err:
            assert "\n" not in str(err)
            return
        new = every_file(root) - before
        images = ("docs", "assets", "images", "blog")
        assert all(path.parts[0] == "posts" or path.parts[:4] == images[:len(path.parts)] for path in new), new
        assert len(report.written) == len({path.name for path in report.written})
        assert len(report.written) + len(report.skipped) == len(items)  # every item is accounted for
        for path in report.written:
            source = f"posts/{path.name}"
            post = parse_post(path.read_text(encoding="utf-8"), source, READ)
            for alias in post.aliases:
                assert ".." not in alias_url(alias, source).split("/")
            assert unsafe_markup(markdown.markdown(post.body, extensions=EXTENSIONS)) == [], post.body
    finally:
        shutil.rmtree(root)

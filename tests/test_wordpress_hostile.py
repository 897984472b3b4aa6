"""The WordPress importer with exports as an attacker (or WordPress.com) writes them.

`fixtures/wordpress-hostile.xml` declares its namespaces with https:// (as WordPress.com does) and
holds escaped and real scripts, javascript:/data: links, clashing names, odd dates, old addresses
that try to climb out of the site, and pictures. Every test asserts what a user meets: the post
files, the built pages, the command's one-line errors, and that nothing lands outside its folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from PIL import Image
import yaml
from bs4 import BeautifulSoup
from sitebuilder import REPO, SiteBuilder

from trainersite.blog.aliases import alias_url
from trainersite.blog.posts import split_front_matter
from trainersite.tools.wordpress import html_to_markdown, old_path

FIXTURE = Path(__file__).parent / "fixtures" / "wordpress-hostile.xml"
SCRIPT = REPO / "scripts" / "import_wordpress.py"
# The site's own Markdown extensions, plus snippets (which would include files from disk).
EXTENSIONS = ["toc", "admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences",
              "pymdownx.snippets"]


def run_import(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")}


def post_file(posts: Path, name: str) -> tuple[dict, str]:
    return split_front_matter((posts / name).read_text(encoding="utf-8"), name)


def unsafe_markup(html: str) -> list[str]:
    """Anything in rendered HTML that could run: script-like tags, event attributes, script URLs."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in ("script", "iframe", "object", "embed", "form", "input", "style", "base", "meta"):
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or name == "style":
                found.append(f"{tag.name}[{name}]")
            if name in ("href", "src", "action", "formaction") and "".join(value.split()).lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                found.append(f"{tag.name}[{name}={value}]")
    return found


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, subprocess.CompletedProcess]:
    posts = tmp_path / "posts"
    done = run_import(FIXTURE, "--posts-dir", posts)
    assert done.returncode == 0, done.stderr
    return posts, done


# -- namespaces ------------------------------------------------------------------------------------


def test_an_export_with_https_namespaces_is_read(imported):
    posts, done = imported
    meta, _ = post_file(posts, "2013-01-10-over-scripts.md")
    assert meta["title"] == "Over scripts in je nieuwsbrief"
    assert meta["categories"] == ["Nieuwsbrief"]  # the tag '???' has no letters: no address, dropped
    assert "tags" not in meta
    assert meta["guid"] == "https://oudblog.example.nl/?p=201"


# -- no script the trainer did not write -----------------------------------------------------------


def test_scripts_and_script_links_never_come_alive(imported):
    posts, _ = imported
    meta, body = post_file(posts, "2013-01-10-over-scripts.md")
    html = markdown.markdown(body, extensions=EXTENSIONS)
    assert unsafe_markup(html) == []
    text = BeautifulSoup(html, "html.parser").get_text()
    # What the author wrote as text stays readable text.
    assert "Schrijf nooit <script>alert(1)</script> in een mail." in text
    assert "[klik](javascript:alert(7))" in text and '{: onclick="alert(8)" }' in text
    assert '--8<-- "/etc/passwd"' in text  # not an include of a file from disk
    assert "<img src=x onerror=alert(10)>" in text  # code stays code, its fence is not broken
    assert "alert(2)" not in text and "alert(9)" not in text  # real scripts and attributes are gone
    assert "Klik hier" in text and "javascript" not in body.replace("(javascript:alert(7))", "")
    assert "data:text" not in body and "elders.example.org" not in body
    assert "<!-- more -->" in body  # WordPress's own excerpt mark becomes ours


def test_hostile_posts_build_into_a_safe_site(site: SiteBuilder):
    done = run_import(FIXTURE, "--posts-dir", site.posts)
    assert done.returncode == 0, done.stderr
    # Pictures the import could not copy (no --uploads) are warned about, so --strict (deploy) would stop.
    result = site.build(strict=False)
    assert result.returncode == 0, result.output
    assert "nog op oudblog.example.nl" in result.output
    page = result.page("blog/over-scripts/")
    body = BeautifulSoup(page, "html.parser").find(class_="ts-post__body")  # the post's own text
    assert "Schrijf nooit" in body.get_text() and unsafe_markup(str(body)) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for built in result.site.rglob("*.html"):  # the summary, on listings and in meta tags too
        assert "met <script> erin" not in built.read_text(encoding="utf-8"), built
    assert result.exists("blog/klassiek/") and result.exists("blog/klassiek-2/")
    assert result.exists("blog/bericht-204/")
    assert not result.exists("blog/concept/")  # drafts
    assert not (site.root / "buiten").exists() and not (site.root.parent / "buiten").exists()


# -- never lose a post -----------------------------------------------------------------------------


def test_no_post_is_lost_to_a_name_taken_in_the_same_run(imported):
    posts, done = imported
    names = sorted(path.name for path in posts.iterdir())
    assert "2013-02-01-concept.md" in names and "2013-02-01-concept-2.md" in names  # two drafts "Concept"
    assert "2013-04-01-klassiek.md" in names and "2013-04-01-klassiek-2.md" in names  # one WordPress slug
    assert post_file(posts, "2013-04-01-klassiek-2.md")[0]["slug"] == "klassiek-2"
    assert post_file(posts, "2013-02-01-concept-2.md")[1].strip() == "Tweede opzet, over klachten aan de telefoon."
    assert "9 berichten geschreven (3 als concept), 2 reacties." in done.stdout
    assert "0 overgeslagen." in done.stdout


def test_a_post_behind_a_password_becomes_a_draft(imported):
    posts, done = imported
    meta, _ = post_file(posts, "2013-04-02-alleen-voor-deelnemers.md")
    assert meta["draft"] is True and "aliases" not in meta
    assert "'Alleen voor deelnemers': had in WordPress een wachtwoord, dus het is hier een concept" in done.stdout


def test_titles_without_letters_and_very_long_titles_give_valid_file_names(imported):
    posts, _ = imported
    meta, _ = post_file(posts, "2013-03-01-bericht-204.md")
    assert meta["title"] == "???" and meta["slug"] == "bericht-204"
    long = [path for path in posts.iterdir() if path.name.startswith("2013-05-01-")]
    assert len(long) == 1 and len(long[0].name.encode()) <= 100
    meta, _ = post_file(posts, long[0].name)
    assert len(meta["title"]) > 250 and meta["slug"] == long[0].stem[len("2013-05-01-"):]


def test_comment_dates_of_zero_are_handled(imported):
    posts, _ = imported
    comments = post_file(posts, "2013-03-01-bericht-204.md")[0]["comments"]
    assert str(comments[0]["date"]) == "2013-03-02 09:15:00"  # the UTC date stands in
    assert str(comments[0]["replies"][0]["date"]) == "2013-03-01 10:00:00"  # none at all: the post's date


def test_the_summary_counts_only_what_was_written(tmp_path: Path):
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "2013-04-01-klassiek.md").mkdir()  # something in the way that cannot be overwritten
    done = run_import(FIXTURE, "--posts-dir", posts, "--force")
    assert done.returncode == 0, done.stderr
    assert "8 berichten geschreven (3 als concept), 2 reacties." in done.stdout
    assert "1 overgeslagen:" in done.stdout and "kon niet worden geschreven" in done.stdout
    assert (posts / "2013-04-01-klassiek-2.md").is_file()  # the other post with that name is still written


def test_a_second_run_keeps_every_file_and_names_each_post_once(imported):
    posts, _ = imported
    before = {path.name: path.read_text(encoding="utf-8") for path in posts.iterdir()}
    again = run_import(FIXTURE, "--posts-dir", posts)
    assert again.returncode == 0 and "0 berichten geschreven" in again.stdout and "9 overgeslagen:" in again.stdout
    assert {path.name: path.read_text(encoding="utf-8") for path in posts.iterdir()} == before


# -- old addresses ---------------------------------------------------------------------------------


def test_hostile_old_addresses_never_become_aliases(imported):
    posts, done = imported
    for name in ("2013-01-10-over-scripts.md", "2013-03-01-bericht-204.md", "2013-04-01-klassiek.md",
                 "2013-04-01-klassiek-2.md"):
        assert "aliases" not in post_file(posts, name)[0], name
    assert done.stdout.count("is geen gewoon pad, dus er is geen alias van gemaakt") == 4


@pytest.mark.parametrize(
    "link",
    ["https://x.example.nl/?p=../../../x", "https://x.example.nl/x%2F..%2F..%2Fout/", "https://x.example.nl/%2Ftmp%2Fout/",
     "https://x.example.nl/%00/", "https://x.example.nl/a/%2e%2e/%2e%2e/b/", "https://x.example.nl/?p=%2Fetc",
     "https://x.example.nl/a\\..\\b/", "https://x.example.nl/?..=1", "https://[x/"],
)
def test_old_path_refuses_addresses_that_climb(link):
    assert old_path(link) is None


@pytest.mark.parametrize(
    ("link", "alias", "folder"),
    [("https://x.example.nl/?p=102", "/?p=102", "p/102/"),
     ("https://x.example.nl/2012/03/14/caf%C3%A9/", "/2012/03/14/caf%C3%A9/", "2012/03/14/café/"),
     ("https://x.example.nl/index.php?page_id=7&lang=nl", "/index.php?page_id=7&lang=nl", "page_id/7/lang/nl/")],
)
def test_old_path_keeps_plain_addresses(link, alias, folder):
    assert old_path(link) == alias
    assert alias_url(alias, "posts/x.md") == folder


# -- pictures --------------------------------------------------------------------------------------


def uploads_folder(root: Path) -> Path:
    uploads = root / "wp-content-kopie" / "uploads"
    (uploads / "2013" / "06").mkdir(parents=True)
    # Real pictures: the site build resizes what posts show, and stops on a file that is no picture.
    Image.new("RGB", (900, 600), (60, 90, 160)).save(uploads / "2013" / "06" / "team.jpg", quality=80)
    Image.new("RGB", (300, 200), (60, 90, 160)).save(uploads / "2013" / "06" / "team-300x200.jpg", quality=80)
    Image.new("RGB", (640, 480), (240, 240, 230)).save(uploads / "2013" / "06" / "bord.png")
    return uploads


def test_uploads_are_copied_into_the_site_with_alt_text_and_captions(site: SiteBuilder, tmp_path: Path):
    uploads = uploads_folder(tmp_path)
    config_file = site.root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    outside_before = files_under(tmp_path) - {Path("posts"), Path("docs")}
    docs_before = files_under(site.docs)  # the avatars and brand pictures every test site starts with
    done = run_import(FIXTURE, "--posts-dir", site.posts, "--config-file", config_file, "--uploads", uploads)
    assert done.returncode == 0, done.stderr
    images = site.docs / "assets" / "images" / "blog" / "2013" / "06"
    assert sorted(path.name for path in images.iterdir()) == ["bord.png", "team-300x200.jpg", "team.jpg"]
    assert (images / "team.jpg").read_bytes() == (uploads / "2013" / "06" / "team.jpg").read_bytes()
    _, body = post_file(site.posts, "2013-06-01-fotos-van-de-training.md")
    assert ("[![Het team aan tafel](../../assets/images/blog/2013/06/team-300x200.jpg)]"
            "(../../assets/images/blog/2013/06/team.jpg)") in body
    assert "*Het team tijdens de oefening*" in body
    assert "![Een vol whiteboard](../../assets/images/blog/2013/06/bord.png)" in body and "*Het bord na afloop*" in body
    assert "![Van elders](https://elders.example.org/plaatje.png)" in body  # not an upload: left as it was
    assert "3 afbeeldingen gekopieerd, 1 niet gevonden in de uploads-map:" in done.stdout
    assert "'Foto's van de training': https://oudblog.example.nl/wp-content/uploads/2013/06/kwijt.jpg" in done.stdout
    # Nothing was written anywhere but the posts folder and the blog's image folder.
    new = {path for path in files_under(tmp_path) - outside_before if path.parts[0] not in ("posts", "docs")}
    assert new == set()
    assert {path.parts[:4] for path in files_under(site.docs) - docs_before if len(path.parts) >= 4} == {
        ("assets", "images", "blog", "2013")}

    result = site.build(strict=False)
    assert result.returncode == 0, result.output
    page = result.page("blog/fotos-van-de-training/")
    # The thumbnail as the site publishes it: a copy of its own size (300 px), never enlarged.
    assert re.search(r'src="../../assets/images/responsive/[0-9a-f]+/team-300x200-300\.jpg"', page) and 'alt="Het team aan tafel"' in page
    assert (result.site / "assets" / "images" / "blog" / "2013" / "06" / "bord.png").is_file()


def test_uploads_that_are_not_plain_files_inside_the_folder_are_not_copied(tmp_path: Path):
    from trainersite.tools.wordpress import Uploads, upload_path

    uploads = uploads_folder(tmp_path)
    secret = tmp_path / "geheim.png"
    secret.write_bytes(b"geheim")
    (uploads / "2013" / "06" / "link.png").symlink_to(secret)
    images = Uploads(uploads, tmp_path / "docs")
    assert images.copy("2013/06/link.png") is None  # points outside the uploads folder
    assert upload_path("https://oud.example.nl/wp-content/uploads/2013/../../geheim.png") is None
    assert upload_path("https://oud.example.nl/wp-content/uploads/2013/06/%2e%2e%2fgeheim.png") is None
    assert upload_path("https://oud.example.nl/wp-content/uploads/2013/06/team.jpg?w=300") == "2013/06/team.jpg"
    assert not (tmp_path / "docs").exists()


# -- the command line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words", "code"),
    [(["--uploads", "{tmp}/bestaat-niet"], ["--uploads", "bestaat-niet"], 2),
     (["--config-file", "{tmp}/geen.yml"], ["geen.yml"], 1),
     (["--posts-dir", "{tmp}/bestand/posts"], ["bestand"], 2)],
)
def test_bad_options_are_one_line_errors(tmp_path: Path, args: list[str], words: list[str], code: int):
    (tmp_path / "bestand").write_text("een bestand, geen map", encoding="utf-8")
    done = run_import(FIXTURE, *[arg.format(tmp=tmp_path) for arg in args])
    assert done.returncode == code, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("trainersite: ") and "Traceback" not in done.stderr
    assert all(word in lines[0] for word in words), lines[0]


def test_text_that_looks_like_markup_renders_as_the_same_text():
    for text in ["a < b & c > d", "[x](javascript:alert(1))", "{: .klasse }", "`code` en \\ en *ster*",
                 "<!-- commentaar -->", "&amp; blijft &amp;"]:
        source = f"<p>{text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"
        html = markdown.markdown(html_to_markdown(source), extensions=EXTENSIONS)
        assert BeautifulSoup(html, "html.parser").get_text().strip() == text

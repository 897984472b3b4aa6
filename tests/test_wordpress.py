"""Moving a WordPress blog over: WXR export -> posts/*.md -> a built site with the old addresses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuilder import REPO

from trainersite.blog.posts import split_front_matter
from trainersite.tools.wordpress import NotAnExport, extract_video, html_to_markdown, read_export

FIXTURE = Path(__file__).parent / "fixtures" / "wordpress-export.xml"
SCRIPT = REPO / "scripts" / "import_wordpress.py"


def run_import(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=env)


def front(path: Path) -> dict:
    return split_front_matter(path.read_text(encoding="utf-8"), str(path))[0]


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, subprocess.CompletedProcess]:
    posts = tmp_path / "posts"
    done = run_import(FIXTURE, "--posts-dir", posts)
    assert done.returncode == 0, done.stderr
    return posts, done


def test_posts_are_written_with_their_front_matter(imported):
    posts, done = imported
    assert sorted(path.name for path in posts.iterdir()) == [
        "2012-03-14-luisteren-is-een-vak.md",
        "2012-10-02-chatten-met-klanten.md",
        "2013-01-05-half-af-over-klachten.md",
    ]
    meta = front(posts / "2012-03-14-luisteren-is-een-vak.md")
    assert meta["title"] == "Luisteren is een vak"
    assert str(meta["date"]) == "2012-03-14 09:30:00"
    assert meta["author"] == "annelies"
    assert meta["categories"] == ["Communicatie"]  # "Geen categorie" (uncategorized) is dropped
    assert meta["tags"] == ["luisteren", "stilte"]
    assert meta["summary"] == "Waarom goed luisteren meer oplevert dan goed praten."
    assert meta["video"] == "https://www.youtube.com/watch?v=abcdefghijk&t=42s"
    assert meta["aliases"] == ["/2012/03/14/luisteren-is-een-vak/"]
    assert meta["guid"] == "https://oud.example.nl/?p=101"
    assert "draft" not in meta


def test_only_approved_comments_are_kept_with_their_threads(imported):
    posts, done = imported
    comments = front(posts / "2012-03-14-luisteren-is-een-vak.md")["comments"]
    assert [c["author"] for c in comments] == ["Petra", "Kees"]  # no spam, no pingback
    assert comments[0]["text"] == "Mooi stuk!\nDie stilte vind ik het lastigst."
    assert [r["author"] for r in comments[0]["replies"]] == ["Annelies Verbeek"]
    assert comments[0]["replies"][0]["text"] == "Dank je Petra, oefenen helpt echt."
    assert "onerror" not in comments[1]["text"] and "<" not in comments[1]["text"]


def test_plain_permalinks_drafts_and_unknown_authors(imported):
    posts, done = imported
    chat = front(posts / "2012-10-02-chatten-met-klanten.md")
    assert chat["slug"] == "chatten-met-klanten"  # the WordPress slug is kept
    assert chat["aliases"] == ["/?p=102"]
    assert chat["video"] == "https://vimeo.com/76979871"
    assert chat["author"] == "annelies"
    draft = front(posts / "2013-01-05-half-af-over-klachten.md")
    assert draft["draft"] is True and "aliases" not in draft
    assert "3 berichten geschreven (1 als concept), 3 reacties." in done.stdout  # mkdocs.yml: language nl
    assert "'logo': type 'attachment', geen bericht" in done.stdout
    assert "'Over mij': type 'page', geen bericht" in done.stdout
    assert "'Weggegooid': status trash" in done.stdout
    assert "WordPress-auteur 'gastschrijver' staat niet in mkdocs.yml" in done.stdout


def test_body_becomes_markdown_without_the_embedded_video(imported):
    posts, _ = imported
    body = (posts / "2012-03-14-luisteren-is-een-vak.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "iframe" not in body and "youtube" not in body
    assert "wat er is.\n\nDrie dingen om te oefenen:" in body
    assert "- Vat samen in **je eigen woorden**." in body
    assert "## Waarom het werkt" in body
    assert "*wordt rustiger*" in body
    chat = (posts / "2012-10-02-chatten-met-klanten.md").read_text(encoding="utf-8")
    assert "vimeo" not in chat.split("---\n", 2)[2] and "wp:paragraph" not in chat
    assert "1. Te lange zinnen." in chat


def test_existing_files_are_kept_unless_forced(imported):
    posts, _ = imported
    target = posts / "2012-10-02-chatten-met-klanten.md"
    target.write_text("mijn eigen versie", encoding="utf-8")
    again = run_import(FIXTURE, "--posts-dir", posts)
    assert again.returncode == 0
    assert target.read_text(encoding="utf-8") == "mijn eigen versie"
    assert "0 berichten geschreven" in again.stdout and "bestaat al (gebruik --force om te overschrijven)" in again.stdout
    forced = run_import(FIXTURE, "--posts-dir", posts, "--force")
    assert forced.returncode == 0 and "3 berichten geschreven" in forced.stdout
    assert target.read_text(encoding="utf-8").startswith("---\ntitle:")


def test_author_mapping_option(tmp_path):
    done = run_import(FIXTURE, "--posts-dir", tmp_path, "--author", "gastschrijver=joost")
    assert done.returncode == 0, done.stderr
    assert front(tmp_path / "2012-10-02-chatten-met-klanten.md")["author"] == "joost"
    assert "gastschrijver" not in done.stdout


@pytest.mark.parametrize(
    "content",
    ["<rss><channel><title>Een gewone feed</title></channel></rss>", "<html><body>nee</body></html>", "geen xml"],
)
def test_a_file_that_is_not_an_export_fails_in_one_line_with_exit_code_2(tmp_path, content):
    path = tmp_path / "export.xml"
    path.write_text(content, encoding="utf-8")
    done = run_import(path, "--posts-dir", tmp_path / "posts")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"trainersite: {path} is geen WordPress-export")
    assert not (tmp_path / "posts").exists() or not any((tmp_path / "posts").iterdir())


def test_read_export_refuses_other_xml(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(NotAnExport):
        read_export(path)


def test_video_found_as_link_alone_on_its_line_or_embed_shortcode():
    video, rest = extract_video("Tekst.\n\nhttps://youtu.be/abcdefghijk\n\nMeer.")
    assert video == "https://www.youtube.com/watch?v=abcdefghijk" and "youtu" not in rest
    video, rest = extract_video("[embed]https://vimeo.com/123456[/embed]")
    assert video == "https://vimeo.com/123456"
    assert extract_video("Zie <a href='https://youtu.be/abcdefghijk'>mijn video</a>.")[0] is None


def test_html_to_markdown_drops_scripts_and_shortcodes():
    text = html_to_markdown('[caption id="1"]<img src="a.png" alt="Foto"> Onderschrift[/caption]<script>x()</script>')
    assert "script" not in text and "caption" not in text and "![Foto](a.png)" in text


def test_round_trip_import_then_build(site):
    done = run_import(FIXTURE, "--posts-dir", site.posts)
    assert done.returncode == 0, done.stderr
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/luisteren-is-een-vak/")
    assert "<h2>3 reacties</h2>" in html
    assert 'data-ts-embed="https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&amp;rel=0&amp;start=42"' in html
    assert result.exists("blog/chatten-met-klanten/")
    assert not result.exists("blog/half-af-over-klachten/")  # the draft
    for old, post in [("2012/03/14/luisteren-is-een-vak/", "luisteren-is-een-vak"), ("p/102/", "chatten-met-klanten")]:
        redirect = result.page(old)
        assert re.search(rf'url=(\.\./)+blog/{post}/"', redirect)
        assert f'href="https://www.example.nl/blog/{post}/"' in redirect


def test_the_old_guid_is_the_posts_guid(imported):
    from zoneinfo import ZoneInfo

    from trainersite.blog.models import Author
    from trainersite.blog.posts import ReadSettings, read_post

    posts, _ = imported
    settings = ReadSettings(authors={"annelies": Author("annelies", "Annelies")}, default_author="annelies", tz=ZoneInfo("Europe/Amsterdam"))
    post = read_post(posts / "2012-10-02-chatten-met-klanten.md", "posts/x.md", settings)
    assert post.guid == "https://oud.example.nl/?p=102"
    assert post.aliases == ("/?p=102",)

"""The trainer's loop as she meets it: `trainersite bekijk` shows problems in the browser and recovers
by itself, `trainersite controleer` lists every problem at once, `trainersite nieuw --afbeelding`
starts a post with its picture; hints for the usual mistakes, in Dutch and in English."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest
import yaml
from PIL import Image
from sitebuilder import REPO, SiteBuilder, post_text

from trainersite.blog.posts import parse_authors, parse_post, ReadSettings
from trainersite.core.dates import zone
from trainersite.core.errors import ContentError
from trainersite.core.hints import iso_date
from trainersite.core.problem_page import problem_page
from trainersite.blog.spelling import spelling_warnings

CLI = [sys.executable, "-m", "trainersite.tools.cli"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def write_config(site: SiteBuilder, language: str = "nl") -> Path:
    site.config["theme"]["language"] = language
    config_file = site.root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


def trainersite(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300)


# -- the preview: problems in the browser, and back by itself ------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def wait_for(url: str, ready, limit: float = 120) -> tuple[int, str]:
    """Poll `url` until `ready(status, html)`; every single request must answer within 5 s."""
    end = time.monotonic() + limit
    last = (0, "")
    while time.monotonic() < end:
        try:
            last = fetch(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
            continue
        if ready(*last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} never became ready; last answer {last[0]}: {last[1][:500]}")


@pytest.fixture
def preview(site: SiteBuilder):
    site.post("2024-03-05-eerste.md", post_text("Eerste bericht", "2024-03-05"))
    config_file = write_config(site)
    port = free_port()
    process = subprocess.Popen(
        [*CLI, "bekijk", "--geen-browser", "--poort", str(port), "--config-file", str(config_file)],
        cwd=site.root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        yield site, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the command and the mkdocs serve it started
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


def test_a_broken_post_shows_a_dutch_problem_page_and_the_fix_reloads_the_post(preview):
    site, base = preview
    wait_for(base + "blog/eerste-bericht/", lambda status, html: status == 200 and "Eerste bericht" in html)

    broken = site.post("2024-03-06-tweede.md", "---\ntitle: Tweede bericht\ndate: morgen\n---\nDe tekst van het tweede bericht.\n")
    started = time.monotonic()
    status, html = wait_for(base + "blog/", lambda status, html: "posts/2024-03-06-tweede.md" in html)
    assert time.monotonic() - started < 60
    assert "De site heeft 1 probleem" in html and "Verwacht" in html and "Sleutel" in html
    assert "<code>date</code>" in html and "een datum zoals 2024-03-05" in html and "Regel</dt><dd>3" in html
    assert "/livereload/" in html  # the page reloads by itself once the post is fixed
    # Every page shows it, also one that does not exist until the post is fixed.
    for url in ("", "blog/eerste-bericht/", "blog/tweede-bericht/"):
        assert "posts/2024-03-06-tweede.md" in fetch(base + url)[1], url

    broken.write_text(post_text("Tweede bericht", "2024-03-06"), encoding="utf-8")
    status, html = wait_for(base + "blog/tweede-bericht/", lambda status, html: status == 200 and "Tweede bericht" in html)
    assert "probleem" not in html


def test_a_broken_mkdocs_yml_while_previewing_shows_the_problem_and_recovers(preview):
    site, base = preview
    wait_for(base + "blog/", lambda status, html: status == 200)
    config_file = site.root / "mkdocs.yml"
    good = config_file.read_text(encoding="utf-8")
    config_file.write_text(good + "\nextra: [kapot\n", encoding="utf-8")
    status, html = wait_for(base + "blog/", lambda status, html: "mkdocs.yml" in html and "probleem" in html)
    config_file.write_text(good, encoding="utf-8")
    wait_for(base + "blog/eerste-bericht/", lambda status, html: status == 200 and "Eerste bericht" in html and "probleem" not in html)


def test_the_problem_page_escapes_what_the_trainer_typed():
    err = ContentError("posts/<x>.md", "title", "a text", "<script>alert(1)</script>")
    html = problem_page([err, "mkdocs.yml: <b>kapot</b>"], "nl")
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;kapot" in html
    assert problem_page([err], "en").count("The site has 1 problem") == 2  # title and heading


# -- controleer: every problem at once -----------------------------------------------------------


def broken_site(site: SiteBuilder) -> None:
    site.post("2024-03-05-dubbele-punt.md", "---\ntitle: Klachten: een kans\ndate: 2024-03-05\n---\nTekst.\n")
    site.post("2024-03-06-datum.md", "---\ntitle: Datum\ndate: 05-03-2024\n---\nTekst.\n")
    site.post("2024-03-07-tab.md", "---\ntitle: Tab\n\tdate: 2024-03-07\n---\nTekst.\n")
    site.post("2024-03-08-lijst.md", "---\ntitle: Lijst\ndate: 2024-03-08\ncategories: Klachten, Luisteren\n---\nTekst.\n")
    site.post("2024-03-09-tikfout.md", "---\ntitle: Tikfout\ndate: 2024-03-09\ndarft: true\n---\nTekst.\n")
    site.post("2024-03-10-goed.md", post_text("Goed", "2024-03-10", categories=["Klachtbehandeling"]))
    site.post("2024-03-11-bijna.md", post_text("Bijna", "2024-03-11", categories=["Klacht-behandeling"]))
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\n")
    site.page("trainingen/kapot.md", "---\ntitle: Kapot\nsummary: Kort.\nprice: duur\n---\n")


def test_controleer_lists_every_problem_at_once_in_dutch(site: SiteBuilder):
    broken_site(site)
    write_config(site, "nl")
    done = trainersite("controleer", cwd=site.root)  # finds mkdocs.yml in the current folder
    out = done.stdout
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in out + done.stderr
    assert 'posts/2024-03-05-dubbele-punt.md' in out and 'zet de tekst tussen aanhalingstekens: title: "Klachten: een kans"' in out
    assert "posts/2024-03-06-datum.md: 'date': verwacht een datum" in out and "schrijf de datum als jaar-maand-dag: 2024-03-05" in out
    assert "posts/2024-03-07-tab.md" in out and "gebruik spaties in plaats van een tab (regel 3)" in out
    assert "schrijf een lijst tussen vierkante haken: categories: [Klachten, Luisteren]" in out
    assert "posts/2024-03-09-tikfout.md: onbekende sleutel 'darft': bedoel je 'draft'?" in out
    assert "docs/trainingen/kapot.md: 'price': verwacht een bedrag in euro" in out
    assert "waarschuwing:" in out and "'Klachtbehandeling'" in out and "'Klacht-behandeling'" in out
    assert "7 problemen gevonden; er is niets gebouwd." in done.stderr
    assert not (site.root / "site").exists()  # nothing was built


def test_check_in_english_on_an_english_site(site: SiteBuilder):
    broken_site(site)
    write_config(site, "en")
    done = trainersite("check", cwd=site.root)
    assert done.returncode == 1
    assert "'date': expected a date like 2024-03-05" in done.stdout and "hint: write the date as year-month-day: 2024-03-05" in done.stdout
    assert 'hint: put the text in quotes: title: "Klachten: een kans"' in done.stdout
    assert "unknown key 'darft': did you mean 'draft'?" in done.stdout
    assert "warning: categories 'Klachtbehandeling'" in done.stdout
    assert "7 problems found; nothing was built." in done.stderr


def test_controleer_says_all_is_well_on_the_example_site():
    done = trainersite("controleer", cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Alles in orde:")


def test_a_build_still_stops_with_the_one_line_messages(site: SiteBuilder):
    broken_site(site)
    result = site.build()
    assert result.returncode == 1 and "Traceback" not in result.output
    for name in ("dubbele-punt", "datum", "tab", "lijst", "tikfout"):
        assert f"posts/2024-03-" in result.output and f"-{name}.md" in result.output, name


# -- nieuw --afbeelding ------------------------------------------------------------------------------


def test_nieuw_with_an_image_copies_it_and_sets_image(site: SiteBuilder, tmp_path: Path):
    write_config(site)
    photo = tmp_path / "Mijn Foto.JPG"
    Image.new("RGB", (40, 30), "orange").save(photo, "JPEG")
    done = trainersite("nieuw", "Een goed gesprek", "--afbeelding", photo, cwd=site.root)
    assert done.returncode == 0, done.stderr
    post = site.posts / f"{date.today():%Y-%m-%d}-een-goed-gesprek.md"
    image = site.docs / "assets" / "images" / "posts" / f"{post.stem}.jpg"
    assert image.read_bytes() == photo.read_bytes()
    meta = yaml.safe_load(post.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["image"] == f"/assets/images/posts/{post.stem}.jpg" and meta["draft"] is True
    assert "Nieuw concept:" in done.stdout and "Afbeelding gekopieerd naar" in done.stdout and "trainersite bekijk" in done.stdout
    # The draft with its picture previews: the image path is one the site has.
    result = site.build("--site-dir", str(tmp_path / "out"), strict=True)
    assert result.returncode == 0, result.output


def test_nieuw_refuses_what_is_not_an_image_and_leaves_nothing_behind(site: SiteBuilder, tmp_path: Path):
    write_config(site)
    fake = tmp_path / "foto.jpg"
    fake.write_text("geen foto", encoding="utf-8")
    done = trainersite("nieuw", "Met nepfoto", "--afbeelding", fake, cwd=site.root)
    assert done.returncode == 1 and "geen afbeelding" in done.stderr and "Traceback" not in done.stderr
    assert not list(site.posts.glob("*.md")) and not (site.docs / "assets" / "images" / "posts").exists()
    missing = trainersite("new", "Zonder foto", "--image", tmp_path / "weg.png", cwd=site.root)
    assert missing.returncode == 1 and "bestaat niet" in missing.stderr


def test_help_follows_the_site_language(site: SiteBuilder):
    write_config(site, "en")
    english = trainersite("--help", cwd=site.root)
    assert "The trainer's website" in english.stdout and "new (nieuw)" in english.stdout
    write_config(site, "nl")
    dutch = trainersite("--help", cwd=site.root)
    assert "De website van de trainer" in dutch.stdout and "nieuw (new)" in dutch.stdout and "gebruik:" in dutch.stdout


# -- each hint, in both languages --------------------------------------------------------------


SETTINGS = ReadSettings(authors=parse_authors({"annelies": {"name": "Annelies"}}, "annelies"), default_author="annelies", tz=zone("Europe/Amsterdam"))


def problem(text: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse_post(text, "posts/x.md", SETTINGS)
    return caught.value


@pytest.mark.parametrize(("text", "english", "dutch"), [
    ("---\ntitle: Klachten: een kans\ndate: 2024-03-05\n---\n",
     'hint: put the text in quotes: title: "Klachten: een kans"', 'tip: zet de tekst tussen aanhalingstekens: title: "Klachten: een kans"'),
    ("---\ntitle: Tab\n\tdate: 2024-03-05\n---\n",
     "hint: use spaces instead of a tab (line 3)", "tip: gebruik spaties in plaats van een tab (regel 3)"),
    ("---\ntitle: Tab\ncategories:\n\t- Luisteren\ndate: 2024-03-05\n---\n",
     "hint: use spaces instead of a tab (line 4)", "tip: gebruik spaties in plaats van een tab (regel 4)"),
    ("---\ntitle: Datum\ndate: 05-03-2024\n---\n",
     "hint: write the date as year-month-day: 2024-03-05", "tip: schrijf de datum als jaar-maand-dag: 2024-03-05"),
    ("---\ntitle: Lijst\ndate: 2024-03-05\ntags: telefoon, klachten\n---\n",
     "hint: write a list in square brackets: tags: [telefoon, klachten]", "tip: schrijf een lijst tussen vierkante haken: tags: [telefoon, klachten]"),
    ("---\ntitle: Tikfout\ndate: 2024-03-05\ncategoreis: [Luisteren]\n---\n",
     "unknown key 'categoreis': did you mean 'categories'?", "onbekende sleutel 'categoreis': bedoel je 'categories'?"),
])
def test_each_hint_in_both_languages(text, english, dutch):
    err = problem(text)
    assert english in err.message("en") and dutch in err.message("nl")
    assert "\n" not in err.message("nl")


@pytest.mark.parametrize(("typed", "iso"), [("05-03-2024", "2024-03-05"), ("5-3-2024", "2024-03-05"), ("31/12/2023", "2023-12-31"),
                                            ("5.3.2024 14:30", "2024-03-05 14:30"), ("13-13-2024", None), ("2024-03-05", None)])
def test_dutch_dates_are_rewritten_year_first(typed, iso):
    assert iso_date(typed) == iso


def test_categories_that_differ_only_in_spelling_warn_in_both_languages():
    from trainersite.core.messages import translate

    posts = [parse_post(post_text(name, "2024-03-05", categories=[category]), f"posts/{name}.md", SETTINGS)
             for name, category in (("a", "Klachtbehandeling"), ("b", "Klacht-behandeling"), ("c", "klachtbehandeling"), ("d", "Luisteren"))]
    warnings = spelling_warnings(posts)
    assert len(warnings) == 1  # `klachtbehandeling` is the same category as `Klachtbehandeling` already
    assert "'Klachtbehandeling' (posts/a.md) and 'Klacht-behandeling' (posts/b.md) differ only in spelling" in warnings[0]
    assert "verschillen alleen in schrijfwijze" in translate(warnings[0], "nl")

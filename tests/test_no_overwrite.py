"""The trainer's own files are sacred: the build never writes into docs/ or posts/, and new_post and
the WordPress importer never overwrite a file without --force (new_post has no --force at all).

Each test hashes whole folders before and after, so a stray extra file counts as a change too.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml
from sitebuilder import REPO, SiteBuilder, post_text

WORDPRESS_EXPORT = Path(__file__).parent / "fixtures" / "wordpress-export.xml"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` with the hash of its bytes (folders: 'dir')."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        for path in sorted(folder.rglob("*"))
    }


def run_script(name: str, *args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(REPO / "scripts" / name), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_a_build_writes_nothing_into_docs_or_posts(site: SiteBuilder):
    site.page("over.md", "---\ntitle: Over\n---\n# Over mij\n")
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\n# Trainingen\n")
    site.page(
        "trainingen/klachten.md",
        "---\ntitle: Klachten afhandelen\nsummary: Een dag oefenen.\nprice: 495\n"
        "sessions:\n  - {start: 2030-03-09 09:30, end: 2030-03-09 17:00, location: Utrecht}\n---\nTekst.\n",
    )
    site.post("2024-03-05-een.md", post_text("Een", categories=["Communicatie"], aliases=["/2011/09/een/"]))
    site.post("2024-04-01-twee.md", post_text("Twee", date="2024-04-01", training="klachten", body="Tekst\n\n<!-- more -->\n\nMeer."))
    site.post("2030-01-01-later.md", post_text("Later", date="2030-01-01"))  # scheduled: not built
    site.post("2024-05-01-concept.md", post_text("Concept", date="2024-05-01", draft=True))
    before = (snapshot(site.docs), snapshot(site.posts))

    result = site.build()
    assert result.returncode == 0, result.output
    assert result.exists("blog/twee/") and result.exists("2011/09/een/") and result.exists("trainingen/klachten/")
    assert (snapshot(site.docs), snapshot(site.posts)) == before


def test_a_failed_build_writes_nothing_into_docs_or_posts(site: SiteBuilder):
    site.post("2024-03-05-een.md", post_text("Een"))
    site.post("2024-03-06-kapot.md", "---\ntitle: [kapot\n---\n")
    before = (snapshot(site.docs), snapshot(site.posts))
    result = site.build()
    assert result.returncode == 1 and "posts/2024-03-06-kapot.md" in result.output
    assert (snapshot(site.docs), snapshot(site.posts)) == before


def _new_post_config(root: Path) -> Path:
    config = {
        "site_name": "Proef",
        "site_url": "https://www.example.nl/",
        "plugins": [{"trainersite-blog": {"default_author": "annelies", "authors": {"annelies": {"name": "Annelies"}}}}],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def test_new_post_never_overwrites_an_existing_post(tmp_path: Path):
    config = _new_post_config(tmp_path)
    posts = tmp_path / "posts"
    posts.mkdir()
    existing = posts / f"{date.today():%Y-%m-%d}-een-goed-gesprek.md"
    existing.write_bytes("---\ntitle: Een goed gesprek\n---\nMijn eigen tekst, al half af.\n".encode())
    before = snapshot(posts)

    done = run_script("new_post.py", "Een goed gesprek", "--config-file", config)
    assert done.returncode == 1 and existing.name in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(posts) == before


def test_wordpress_import_keeps_existing_posts_unless_forced(tmp_path: Path):
    posts = tmp_path / "posts"
    first = run_script("import_wordpress.py", WORDPRESS_EXPORT, "--posts-dir", posts)
    assert first.returncode == 0, first.stderr
    imported = sorted(posts.glob("*.md"))
    assert imported
    edited = imported[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMijn eigen aanvulling na de import.\n", encoding="utf-8")
    before = snapshot(posts)

    again = run_script("import_wordpress.py", WORDPRESS_EXPORT, "--posts-dir", posts)
    assert again.returncode == 0, again.stderr
    assert snapshot(posts) == before  # not one byte changed, no extra file

    forced = run_script("import_wordpress.py", WORDPRESS_EXPORT, "--posts-dir", posts, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Mijn eigen aanvulling" not in edited.read_text(encoding="utf-8")

"""scripts/new_post.py: a new draft with today's date and the default author, never overwriting."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml
from sitebuilder import REPO

from trainersite.tools.new_post import create_post
from trainersite.blog.posts import split_front_matter

SCRIPT = REPO / "scripts" / "new_post.py"


def make_config(root: Path, default_author: str = "joost") -> Path:
    config = {
        "site_name": "Proef",
        "site_url": "https://www.example.nl/",
        "theme": {"name": "mkdocs", "language": "nl"},  # the command speaks the site's language
        "markdown_extensions": [{"pymdownx.emoji": {"emoji_index": "!!python/name:material.extensions.emoji.twemoji"}}],
        "plugins": [
            "search",
            {"trainersite-blog": {"posts_dir": "berichten", "default_author": default_author,
                                  "authors": {"annelies": {"name": "Annelies"}, "joost": {"name": "Joost"}}}},
        ],
    }
    path = root / "mkdocs.yml"
    text = yaml.safe_dump(config, sort_keys=False).replace("'!!python/name:material.extensions.emoji.twemoji'", "!!python/name:material.extensions.emoji.twemoji")
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, env={**os.environ})


def test_creates_a_draft_with_today_and_the_default_author(tmp_path):
    config = make_config(tmp_path)
    done = run("Één vraag: werkt dit?", "--config-file", config)
    assert done.returncode == 0, done.stderr
    path = tmp_path / "berichten" / f"{date.today():%Y-%m-%d}-een-vraag-werkt-dit.md"
    assert path.is_file()
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert meta["title"] == "Één vraag: werkt dit?"
    assert meta["date"] == date.today()
    assert meta["author"] == "joost"
    assert meta["draft"] is True
    assert "<!-- more -->" in body and "## " in body
    assert f"berichten/{path.name}" in done.stdout and "trainersite bekijk" in done.stdout


def test_refuses_to_overwrite(tmp_path):
    config = make_config(tmp_path)
    assert run("Dubbel", "--config-file", config).returncode == 0
    path = tmp_path / "berichten" / f"{date.today():%Y-%m-%d}-dubbel.md"
    path.write_text("al geschreven", encoding="utf-8")
    again = run("Dubbel", "--config-file", config)
    assert again.returncode == 1
    assert "bestaat al" in again.stderr and path.name in again.stderr
    assert path.read_text(encoding="utf-8") == "al geschreven"


def test_a_title_without_letters_is_refused(tmp_path):
    done = run("!!!", "--config-file", make_config(tmp_path))
    assert done.returncode == 1 and "titel" in done.stderr


def test_the_new_post_builds_as_a_draft_only_in_preview(site):
    path = create_post(site.posts, "Mijn nieuwe bericht", date(2020, 5, 1), "annelies")
    assert path.name == "2020-05-01-mijn-nieuwe-bericht.md"
    result = site.build()
    assert result.returncode == 0, result.output
    assert not result.exists("blog/mijn-nieuwe-bericht/")  # a draft is never published
    text = path.read_text(encoding="utf-8").replace("draft: true", "draft: false")
    path.write_text(text, encoding="utf-8")
    result = site.build()
    assert result.returncode == 0, result.output
    assert "Mijn nieuwe bericht" in result.page("blog/mijn-nieuwe-bericht/")

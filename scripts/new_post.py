#!/usr/bin/env python3
"""Start a new blog post: scripts/new_post.py "Titel van het bericht"

Creates posts/YYYY-MM-DD-<slug>.md (today, the default author, draft: true) and never overwrites.
Run it with the project's virtualenv: .venv/bin/python scripts/new_post.py "Titel".
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from trainersite.tools.new_post import create_post
from trainersite.core.site_config import read_blog_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuw blogbericht aan (als concept).")
    parser.add_argument("title", help='de titel, tussen aanhalingstekens: "Titel van het bericht"')
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml van de site")
    args = parser.parse_args(argv)
    settings = read_blog_settings(args.config_file)
    try:
        path = create_post(settings.posts_dir, args.title, date.today(), settings.default_author)
    except FileExistsError as err:
        print(f"new_post: {err.filename} bestaat al; kies een andere titel of bewerk dat bestand.", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"new_post: {err}", file=sys.stderr)
        return 1
    shown = path.relative_to(settings.root) if path.is_relative_to(settings.root) else path
    print(f"Nieuw concept: {shown}")
    print("Bekijk het met scripts/serve (http://127.0.0.1:8000/blog/); concepten zijn alleen daar te zien.")
    print("Klaar om te publiceren? Haal de regel 'draft: true' weg en draai scripts/build.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

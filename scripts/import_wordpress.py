#!/usr/bin/env python3
"""Move a WordPress blog over: scripts/import_wordpress.py EXPORT.xml [--posts-dir posts] [--force] [--uploads DIR]

Reads a WordPress export (Tools > Export > Posts, a WXR .xml file) and writes one posts/*.md per
post, with its comments, old address (as alias) and feed GUID. Existing files are kept unless
--force. With --uploads (a copy of wp-content/uploads) the pictures the posts show are copied into
docs/assets/images/blog/ and linked there. Exit code 2, with one line, when the file is not a
WordPress export or an option is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from trainersite.core.site_config import read_blog_settings
from trainersite.tools.wordpress import NotAnExport, import_export

ROOT = Path(__file__).resolve().parent.parent


def _author_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        login, _, key = pair.partition("=")
        if not login or not key:
            raise SystemExit(f"import_wordpress: --author expects LOGIN=KEY, got {pair!r}")
        mapping[login] = key
    return mapping


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        self.exit(2, f"import_wordpress: {message} (see --help)\n")


def fail(message: str) -> int:
    print(f"import_wordpress: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description="Import posts from a WordPress export (WXR) file.")
    parser.add_argument("export", type=Path, help="the WordPress export file (.xml)")
    parser.add_argument("--posts-dir", type=Path, help="where to write the posts (default: the blog's posts folder)")
    parser.add_argument("--force", action="store_true", help="overwrite post files that already exist")
    parser.add_argument("--author", action="append", default=[], metavar="LOGIN=KEY",
                        help="map a WordPress login to an author key of mkdocs.yml (repeatable)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--uploads", type=Path, metavar="DIR",
                        help="a copy of the old site's wp-content/uploads: pictures are copied into the site")
    args = parser.parse_args(argv)
    try:
        settings = read_blog_settings(args.config_file)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, TypeError) as err:
        return fail(f"{args.config_file}: not readable as the site's mkdocs.yml ({type(err).__name__})")
    if args.uploads is not None and not args.uploads.is_dir():
        return fail(f"--uploads {args.uploads}: expected the folder holding a copy of wp-content/uploads")
    author_map = _author_map(args.author)
    for login, key in author_map.items():
        if key not in settings.authors:
            print(f"import_wordpress: --author {login}={key}: '{key}' is not an author in mkdocs.yml", file=sys.stderr)
            return 2
    if not args.export.is_file():
        print(f"import_wordpress: {args.export}: no such file", file=sys.stderr)
        return 2
    try:
        report = import_export(
            args.export,
            args.posts_dir or settings.posts_dir,
            authors=settings.authors,
            default_author=settings.default_author,
            author_map=author_map,
            post_url=settings.post_url,
            force=args.force,
            uploads=args.uploads,
            docs_dir=settings.docs_dir,
        )
    except NotAnExport as err:
        print(f"import_wordpress: {args.export} is not a WordPress export: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # e.g. a posts folder that cannot be made
        return fail(f"{err.filename or args.posts_dir}: {err.strerror or err}")
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())

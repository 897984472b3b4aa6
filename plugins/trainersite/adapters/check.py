"""`trainersite controleer`: every problem of content and settings, without building the site.

Runs MkDocs' own configuration check and the plugins' reading steps (on_config, on_pre_build,
on_files) with problems recorded instead of fatal (adapters/problems.py), so the check finds exactly
what a build would refuse; no Markdown is converted and nothing is written.
Exit 0 when all is well, 1 when there is a problem or a warning (`publiceer` builds with --strict,
which stops on warnings too).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import get_files

from ..core.i18n import site_locale
from ..core.messages import language_of, say, say_count, translate
from . import problems
from .shared import site_model


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def check(config_file: Path) -> tuple[list[str], list[str], int, int, str]:
    """(problems, warnings, posts, courses, language) as lines in the site's language."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    problems.collect_all(True)
    lang = "en"
    posts = courses = 0
    lines: list[str] = []
    try:
        config = load_config(config_file=str(config_file))
        lang = language_of(site_locale(config))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = config.plugins.on_files(get_files(config), config=config)
        site = site_model(config)  # what the plugins read, shared (core/site_model.py)
        posts, courses = len(site.posts), len(site.courses)
        del files
    except (MkDocsException, SystemExit) as err:  # a settings problem stops the reading
        lines.append(translate(str(err), lang))
    finally:
        problems.collect_all(False)
        logger.removeHandler(handler)
    lines = [problem.message(lang) for problem in problems.recorded()] + lines
    prefix = "trainersite: "  # get_plugin_logger's prefix: the command's own lines say who speaks
    warnings = [translate(record.getMessage().removeprefix(prefix), lang)
                for record in handler.records if record.levelno == logging.WARNING]
    return lines, warnings, posts, courses, lang


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trainersite controleer")
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    # MkDocs' own log lines would repeat what is listed below.
    logging.getLogger("mkdocs").propagate = False
    found, warnings, posts, courses, lang = check(args.config_file)
    for line in found:
        print(line)
    for line in warnings:
        print(say("warning: {text}", lang, text=line))
    if found or warnings:
        print(say_count("1 problem found; nothing was built.", "{count} problems found; nothing was built.",
                        len(found) + len(warnings), lang), file=sys.stderr)
        return 1
    print(say("Everything is in order: {posts} posts, {courses} courses, settings checked.", lang, posts=posts, courses=courses))
    return 0


if __name__ == "__main__":
    sys.exit(main())

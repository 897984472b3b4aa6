"""The `trainersite` command: write, preview, check and publish the site, in the site's language.

    trainersite nieuw "Titel" [--afbeelding pad]   (new)
    trainersite bekijk                              (serve)
    trainersite controleer                          (check)
    trainersite publiceer DOEL                      (deploy)
    trainersite importeer-wordpress export.xml      (import-wordpress)
    trainersite nieuwsbrief --sinds 2026-11-01      (newsletter)

Help and output follow `theme.language` of mkdocs.yml (core/messages.py). The MkDocs parts (the
preview, the check) run as `python -m ...` child processes: this layer never imports mkdocs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from ..core.messages import language_of, say, translate
from ..core.scratch import memory_folder
from ..core.site_config import read_blog_settings
from . import deploy as deploy_tool
from .digest import write_digest_files
from .new_post import IMAGE_KINDS, check_image, copy_image, create_post, new_post_path
from .wordpress import NotAnExport, import_export

# (Dutch name, English name): the site's language decides which one help shows first.
COMMANDS = {
    "new": ("nieuw", "new"),
    "serve": ("bekijk", "serve"),
    "check": ("controleer", "check"),
    "deploy": ("publiceer", "deploy"),
    "import": ("importeer-wordpress", "import-wordpress"),
    "newsletter": ("nieuwsbrief", "newsletter"),
}


def find_config(start: Path) -> Path | None:
    """mkdocs.yml in `start` or the nearest folder above it."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


def _names(command: str, lang: str) -> tuple[str, list[str]]:
    dutch, english = COMMANDS[command]
    return (dutch, [english]) if lang == "nl" else (english, [dutch])


def name_of(command: str, lang: str) -> str:
    return _names(command, lang)[0]


def build_parser(lang: str) -> argparse.ArgumentParser:
    def t(text: str) -> str:
        return say(text, lang)

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            # argparse passes prefix="" when it builds a subcommand's prog from this usage line
            return super().add_usage(usage, actions, groups, t("usage: ") if prefix is None else prefix)

    def parser_of(**options) -> argparse.ArgumentParser:
        made = argparse.ArgumentParser(formatter_class=Formatter, add_help=False, **options)
        # argparse's own words are English only: the site's language for titles and --help.
        made._positionals.title = t("positional arguments")
        made._optionals.title = t("options")
        made.add_argument("-h", "--help", action="help", help=t("show this help and stop"))
        return made

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config-file", "-f", type=Path, metavar=t("FILE"),
                        help=t("the site's settings file (default: mkdocs.yml in this folder or above)"))
    parser = parser_of(prog="trainersite", description=t("The trainer's website: write, preview, check and publish."))
    commands = parser.add_subparsers(dest="command", required=True, title=t("commands"), metavar="{" + ",".join(name_of(c, lang) for c in COMMANDS) + "}")

    def add(command: str, text: str) -> argparse.ArgumentParser:
        name, aliases = _names(command, lang)
        sub = commands.add_parser(name, aliases=aliases, parents=[common], help=t(text), description=t(text),
                                  formatter_class=Formatter, add_help=False)
        sub._positionals.title = t("positional arguments")
        sub._optionals.title = t("options")
        sub.add_argument("-h", "--help", action="help", help=t("show this help and stop"))
        sub.set_defaults(run=command)
        return sub

    new = add("new", "start a new post (as a draft)")
    new.add_argument("title", metavar=t("TITLE"), help=t('the title, in quotes: "Title of the post"'))
    new.add_argument("--afbeelding", "--image", dest="image", type=Path, metavar=t("PATH"),
                     help=t("an image for the post: it is copied to the site's image folder"))
    serve = add("serve", "preview the site in the browser (drafts included)")
    serve.add_argument("--poort", "--port", dest="port", type=int, default=8000, help=t("the port of the preview (default 8000)"))
    serve.add_argument("--geen-browser", "--no-browser", dest="no_browser", action="store_true", help=t("do not open the browser"))
    add("check", "check all content and settings without building")
    publish = add("deploy", "build, check and publish the site")
    publish.add_argument("target", help=t("a folder, or git:<remote>[#branch]"))
    publish.add_argument("--keep", type=int, default=2, help=t("releases to keep (folder target)"))
    publish.add_argument("--rollback", action="store_true", help=t("go back to the previous release (folder target)"))
    wp = add("import", "import posts from a WordPress export (.xml)")
    wp.add_argument("export", type=Path, help=t("the WordPress export file (.xml)"))
    wp.add_argument("--posts-dir", type=Path, help=t("where to write the posts (default: the blog's posts folder)"))
    wp.add_argument("--force", action="store_true", help=t("overwrite post files that already exist"))
    wp.add_argument("--author", action="append", default=[], metavar="LOGIN=KEY",
                    help=t("map a WordPress login to an author key of mkdocs.yml (repeatable)"))
    wp.add_argument("--uploads", type=Path, metavar=t("FOLDER"),
                    help=t("a copy of the old site's wp-content/uploads: pictures are copied into the site"))
    letter = add("newsletter", "write the digest e-mail of the posts since a date (HTML and plain text)")
    letter.add_argument("--sinds", "--since", dest="since", required=True, metavar=t("DATE"),
                        help=t("the first day of posts to include, e.g. 2026-11-01"))
    letter.add_argument("--uit", "--out", dest="out", type=Path, metavar=t("FILE"),
                        help=t("the HTML file to write (default: nieuwsbrief-<date>.html)"))
    return parser


def _config_from(argv: list[str]) -> Path | None:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--config-file", "-f", type=Path)
    known, _ = early.parse_known_args(argv)
    return known.config_file or find_config(Path.cwd())


def _error(text: str) -> int:
    print(f"trainersite: {text}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    config_file = _config_from(argv)
    lang = "en"
    if config_file is not None and config_file.is_file():
        try:
            lang = language_of(read_blog_settings(config_file).language)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, TypeError) as err:
            return _error(say("{path}: not readable as the site's mkdocs.yml ({reason})", "en",
                              path=config_file, reason=type(err).__name__))
    args = build_parser(lang).parse_args(argv)
    if config_file is None:
        return _error(say("no mkdocs.yml found here or in a folder above; go to the site's folder or use --config-file", lang))
    if not config_file.is_file():
        return _error(say("{path}: no such config file", lang, path=config_file))
    return RUNNERS[args.run](args, config_file.resolve(), lang)


# -- the commands --------------------------------------------------------------------------


def run_new(args, config_file: Path, lang: str) -> int:
    settings = read_blog_settings(config_file)
    image = None
    if args.image is not None:
        if not args.image.is_file():
            return _error(say("{path}: no such image file", lang, path=args.image))
        try:
            check_image(args.image)
        except ValueError:
            return _error(say("{path}: not an image (expected {kinds})", lang, path=args.image, kinds=", ".join(IMAGE_KINDS)))
    day = date.today()
    try:
        path = new_post_path(settings.posts_dir, args.title.strip(), day)
    except ValueError:
        return _error(say("the title needs at least one letter or digit", lang))
    if path.exists():  # checked before the image is copied, so a refused post leaves no stray image
        return _error(say("{path} already exists; choose another title or edit that file.", lang, path=_shown(path, settings.root)))
    if args.image is not None:
        image = copy_image(args.image, settings.docs_dir, path.stem)
    try:
        path = create_post(settings.posts_dir, args.title, day, settings.default_author, image)
    except FileExistsError:
        return _error(say("{path} already exists; choose another title or edit that file.", lang, path=_shown(path, settings.root)))
    print(say("New draft: {path}", lang, path=_shown(path, settings.root)))
    if image:
        print(say("Image copied to {path}", lang, path=_shown(settings.docs_dir, settings.root) + image))
    print(say("See it with: trainersite {command} (drafts are only shown there).", lang, command=name_of("serve", lang)))
    print(say("Ready to publish? Remove the line 'draft: true' and run: trainersite {command}", lang,
              command=name_of("deploy", lang) + " ..."))
    return 0


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def run_serve(args, config_file: Path, lang: str) -> int:
    """`mkdocs serve` (drafts included), the browser opened by MkDocs once the first build is done."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # MkDocs rewrites its whole preview folder on every save: in memory that is much faster.
    memory = memory_folder()
    if not env.get("TMPDIR") and memory:
        env["TMPDIR"] = memory
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file),
               "--dev-addr", f"127.0.0.1:{args.port}"]
    if not args.no_browser:
        command.append("--open")  # MkDocs uses Python's webbrowser: a browser where there is one
    print(say("The preview is at {url} (stop it with Ctrl+C).", lang, url=f"http://127.0.0.1:{args.port}/"), flush=True)
    try:
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return 0


def run_check(args, config_file: Path, lang: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "trainersite.adapters.check", "--config-file", str(config_file)]
    return subprocess.call(command, env=env)


def run_deploy(args, config_file: Path, lang: str) -> int:
    try:
        if args.rollback:
            target = deploy_tool.parse_target(args.target)
            if isinstance(target, deploy_tool.GitTarget):
                raise deploy_tool.DeployError("--rollback works for folder targets; for git, revert the commit on the branch")
            try:
                release = deploy_tool.rollback_folder(target)
            except OSError as err:
                raise deploy_tool.DeployError(f"rolling back {target} failed ({err}); check the folder by hand") from None
            print(translate(f"rolled back: {target} -> {release}", lang))
        else:
            print(translate(deploy_tool.deploy(args.target, config_file, args.keep), lang))
    except deploy_tool.DeployError as err:
        return _error(translate(str(err), lang))
    return 0


def run_import(args, config_file: Path, lang: str) -> int:
    settings = read_blog_settings(config_file)
    if args.uploads is not None and not args.uploads.is_dir():
        print("trainersite: " + say("--uploads {path}: expected the folder holding a copy of wp-content/uploads", lang,
                                    path=args.uploads), file=sys.stderr)
        return 2
    author_map = {}
    for pair in args.author:
        login, _, key = pair.partition("=")
        if not login or not key:
            print("trainersite: " + say("'{key}': expected LOGIN=KEY, got {pair}", lang, key="--author", pair=repr(pair)),
                  file=sys.stderr)
            return 2
        author_map[login] = key
    for login, key in author_map.items():
        if key not in settings.authors:
            print("trainersite: " + say("--author {login}={key}: '{key2}' is not an author in mkdocs.yml", lang,
                                        login=login, key=key, key2=key), file=sys.stderr)
            return 2
    if not args.export.is_file():
        print("trainersite: " + say("{path}: no such file", lang, path=args.export), file=sys.stderr)
        return 2
    try:
        report = import_export(
            args.export, args.posts_dir or settings.posts_dir, authors=settings.authors,
            default_author=settings.default_author, author_map=author_map, post_url=settings.post_url, force=args.force,
            uploads=args.uploads, docs_dir=settings.docs_dir,
        )
    except NotAnExport as err:
        print("trainersite: " + say("{path} is not a WordPress export: {reason}", lang, path=args.export,
                                    reason=translate(str(err), lang)), file=sys.stderr)
        return 2
    except OSError as err:  # e.g. a posts folder that cannot be made
        print(f"trainersite: {err.filename or args.posts_dir}: {err.strerror or err}", file=sys.stderr)
        return 2
    print("\n".join(translate(line, lang) for line in report.summary().splitlines()))
    return 0


def run_newsletter(args, config_file: Path, lang: str) -> int:
    target = args.out or Path(f"{name_of('newsletter', lang)}-{args.since}.html")
    code, message = write_digest_files(config_file, args.since, target)
    if code:
        return _error(translate(message, lang))
    print(message)
    return 0


RUNNERS = {"new": run_new, "serve": run_serve, "check": run_check, "deploy": run_deploy, "import": run_import,
           "newsletter": run_newsletter}


if __name__ == "__main__":
    sys.exit(main())

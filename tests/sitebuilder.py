"""Build whole sites in temporary folders, the way the trainer does, and read what comes out.

`SiteBuilder(tmp_path)` starts from the repository's own mkdocs.yml (so every plugin and theme
setting is tested as shipped), lets a test add posts, pages and config, then runs
`mkdocs build --strict` in a subprocess and returns the exit code, the log and the site folder.
"""

from __future__ import annotations

import copy
import gzip
import json
import filecmp
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def repo_config() -> dict:
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def deep_merge(base: dict, extra: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def plugin_config(config: dict, name: str) -> dict:
    """The options dict of plugin `name` inside a loaded mkdocs.yml (created when absent)."""
    plugins = config.setdefault("plugins", [])
    for index, entry in enumerate(plugins):
        if entry == name:
            plugins[index] = {name: {}}
            return plugins[index][name]
        if isinstance(entry, dict) and name in entry:
            if entry[name] is None:
                entry[name] = {}
            return entry[name]
    plugins.append({name: {}})
    return plugins[-1][name]


def search_pages(site: Path) -> dict[str, dict]:
    """Every page in a built site's search index, by URL: Pagefind's fragments are gzipped JSON."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def front_matter(**meta) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def post_text(title: str = "Een bericht", date: str = "2020-01-01", body: str = "Tekst van het bericht.", **meta) -> str:
    """A post file's text; `date` is written unquoted so YAML reads it as a date."""
    lines = {"title": title, **meta}
    head = yaml.safe_dump(lines, allow_unicode=True, sort_keys=False)
    return f"---\n{head}date: {date}\n---\n{textwrap.dedent(body)}\n"


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, url: str) -> str:
        """The HTML of a built page by its URL path (`blog/` -> site/blog/index.html)."""
        path = self.site / url.strip("/")
        if url.endswith("/") or url in ("", "/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def exists(self, url: str) -> bool:
        path = self.site / url.strip("/")
        return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


class SiteBuilder:
    """A throwaway site: the repository's config and templates, the test's own content."""

    def __init__(self, root: Path, with_example_docs: bool = False):
        self.root = root
        self.docs = root / "docs"
        self.posts = root / "posts"
        self.docs.mkdir(parents=True, exist_ok=True)
        self.posts.mkdir(exist_ok=True)
        self.config = repo_config()
        self.config.pop("nav", None)
        # The shipped privacy page is example content: a test that wants the link adds a page and the key.
        self.config.get("extra", {}).get("contact", {}).pop("privacy_url", None)
        self.config["theme"]["custom_dir"] = str(REPO / "overrides")
        self.config["docs_dir"] = "docs"
        self.config["site_dir"] = "site"
        if not with_example_docs:
            self.page("index.md", "---\ntitle: Home\n---\n# Welkom\n\nDe startpagina.\n")
        # The authors' avatars the shipped mkdocs.yml names: a missing picture stops the build.
        shutil.copytree(REPO / "docs" / "assets" / "images" / "authors", self.docs / "assets" / "images" / "authors", dirs_exist_ok=True)
        # The logo and favicon (theme.logo, theme.favicon) and the portrait the shipped home page shows.
        shutil.copytree(REPO / "docs" / "assets" / "images" / "brand", self.docs / "assets" / "images" / "brand", dirs_exist_ok=True)

    def post(self, name: str, text: str) -> Path:
        path = self.posts / name
        path.write_text(text, encoding="utf-8")
        return path

    def page(self, name: str, text: str) -> Path:
        path = self.docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def configure(self, **extra) -> None:
        self.config = deep_merge(self.config, extra)

    def plugin(self, name: str) -> dict:
        return plugin_config(self.config, name)

    def build(self, *args: str, strict: bool = True) -> BuildResult:
        config_file = self.root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(self.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        command = [*MKDOCS, "build", "--config-file", str(config_file), *(["--strict"] if strict else []), *args]
        # A fixed SOURCE_DATE_EPOCH makes time stamps (calendar DTSTAMP) repeatable between builds.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}
        done = subprocess.run(command, cwd=self.root, capture_output=True, text=True, env=env, timeout=600)
        return BuildResult(done.returncode, done.stdout + done.stderr, self.root / "site")


def same_tree(left, right) -> list[str]:
    """Relative paths that differ between two built sites (missing on either side included)."""
    differences = []
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    for name in sorted(names):
        if name.parts[0] == "pagefind":
            continue  # every Pagefind run names and numbers its files anew: compared by the pages below
        a, b = left / name, right / name
        if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            differences.append(str(name))
    if search_pages(Path(left)) != search_pages(Path(right)):
        differences.append("pagefind/ (the indexed pages)")
    return differences

"""The build's one owner of output paths (core/output_paths.py), shared by the three plugins.

It is kept per MkDocs `Files` collection, so every build (and every `mkdocs serve` rebuild) starts
afresh. The first plugin that asks registers what MkDocs itself writes: the pages and files already
in the collection, the theme's static templates (404.html, sitemap.xml) and the search index. Each
plugin then claims every path it generates before adding or writing it.
"""

from __future__ import annotations

import os
import weakref

from mkdocs.structure.files import File, Files, InclusionLevel

from ..blog import images
from ..core.output_paths import Owner, OutputPaths

_BY_FILES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def output_paths(files: Files, config) -> OutputPaths:
    registry = _BY_FILES.get(files)
    if registry is None:
        registry = OutputPaths(config.site_dir)
        for name in [*config.theme.static_templates, "sitemap.xml.gz"]:
            registry.claim(name, Owner("mkdocs.yml", "theme", f"the theme's {name}"), replace=True)
        if any(name.split("/")[-1] == "search" for name in config.plugins):  # search or material/search
            registry.claim("search/search_index.json", Owner("mkdocs.yml", "plugins", "the search index"), replace=True)
        if "trainersite-search" in config.plugins:  # Pagefind writes its index after the build
            for name in ("pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json"):
                registry.claim(name, Owner("mkdocs.yml", "plugins", "the search index"), replace=True)
        docs = os.path.abspath(config.docs_dir)
        for file in files:
            if file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs + os.sep):
                kind = "page" if file.is_documentation_page() else "file"
                what = f"the {kind} docs/{file.src_uri}"
            else:  # the theme's own files, or a page another plugin made
                what = f"the theme's file {file.src_uri}" if file.abs_src_path else f"the page {file.url or file.src_uri}"
            registry.claim(file.dest_uri, Owner(f"docs/{file.src_uri}", None, what), replace=True)
        _BY_FILES[files] = registry
    return registry


def claim(files: Files, config, path: str, owner: Owner) -> str:
    """Claim `path` for `owner`; a ContentError (naming the owner's file and key) when it is taken or unsafe."""
    return output_paths(files, config).claim(path, owner)


def add_generated(files: Files, config, src_uri: str, content, owner: Owner) -> File:
    """A generated page or file, its output path claimed first."""
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    claim(files, config, file.dest_uri, owner)
    files.append(file)
    return file


def site_has(files: Files):
    """`exists(path)` for safe_urls.checked_url: a file in the site, by source path, output path or page URL."""
    known = set()
    for file in files:
        known.update((file.src_uri, file.dest_uri, file.url.lstrip("/")))
    return lambda path: path in known or path.rstrip("/") + "/" in known



def check_images(posts, authors, exists, site_host) -> list[str]:
    """Local pictures of posts and authors exist (else a ContentError); the warnings for pictures elsewhere."""
    return images.check_images(posts, authors, exists, site_host)

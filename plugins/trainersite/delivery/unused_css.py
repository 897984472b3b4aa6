"""Unused CSS rules removed from the written site: only what its pages (and scripts) can use.

mkdocs-material ships one stylesheet for every feature it has (about 135 KB); this site's pages
use a fraction of it. After the build, each stylesheet under `assets/stylesheets/` is parsed with
tinycss2 and a selector is kept only when every class, id, element and attribute name it needs
occurs in the site's markup or in the scripts the pages load (classes that scripts add,
such as `md-header--shadow`, are named in those scripts). Selector lists keep their used members;
rules nested in @media/@supports are filtered the same way; other at-rules are kept as they are.
Conservative by design, as PurgeCSS: a name anywhere in a tag, a <style> or a <script> keeps the rules
that need it. Only markup is read, not the text between tags (most of a page), and a tag that
hundreds of pages share (the header, the footer) is read once: `MarkupScan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import tinycss2

_WORD = re.compile(r"[A-Za-z_][\w-]*")
# What a compound selector needs: classes, ids, element names and attribute names (and values).
_NEEDS = re.compile(r"""[.#]?-?[A-Za-z_][\w-]*|\[[^\]]*\]""")
_NESTED = {"media", "supports", "container", "layer", "document"}
# What the theme's bundle sets on elements at run time (modifier classes like md-header--shadow,
# data-md-* state attributes, the `js` class on <html>); its other names belong to features these
# pages do not have (content tabs, annotations, tooltips...).
_BUNDLE_STATE = re.compile(r"md-[\w-]*--[\w-]+|data-md-[\w-]+|md-typeset__[\w-]+|md-tooltip[\w-]*|md-clipboard[\w-]*|js|focus-visible")
# Attributes and states any script may set: kept whatever the pages' markup says.
ALWAYS = frozenset({"hidden", "open", "checked", "disabled", "aria-hidden", "aria-expanded", "aria-selected", "tabindex"})
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
# setProperty("--md-tooltip-x", ...) and the like: custom properties set from scripts or style attributes.
_SET_BY_SCRIPT = re.compile(r"--md-[\w-]+")


@dataclass(frozen=True)
class PurgeStats:
    files: int
    bytes_before: int
    bytes_after: int


# Markup: tags (names, attributes, classes, ids) and whole <style>/<script> elements.
_MARKUP = re.compile(rb"<style\b[^>]*>.*?</style>|<script\b[^>]*>.*?</script>|<[^>]+>", re.S | re.I)
# Pages are scanned as bytes (as they are on disk): the same patterns as the text ones above.
_WORD_BYTES, _VAR_USE_BYTES, _SET_BY_SCRIPT_BYTES = (
    re.compile(pattern.pattern.encode("ascii")) for pattern in (_WORD, _VAR_USE, _SET_BY_SCRIPT))


class MarkupScan:
    """The names a site's pages use in their markup, and the custom properties they read or set.

    Pages are added one by one (as bytes, as they are on disk); each distinct piece of markup is
    read once, however many pages carry it.
    """

    def __init__(self) -> None:
        self._seen: set[bytes] = set()
        self._words: set[bytes] = set()
        self._properties: set[bytes] = set()

    def add(self, page: bytes) -> None:
        pieces = set(_MARKUP.findall(page))
        pieces -= self._seen
        if not pieces:
            return
        self._seen |= pieces
        new = b" ".join(pieces)
        self._words.update(_WORD_BYTES.findall(new))
        self._properties.update(_VAR_USE_BYTES.findall(new))
        self._properties.update(_SET_BY_SCRIPT_BYTES.findall(new))

    @property
    def words(self) -> frozenset[str]:
        return frozenset(word.decode("ascii") for word in self._words)

    @property
    def properties(self) -> set[str]:
        """Custom properties the pages read (var(--x)) or that their scripts may set (--md-...)."""
        return {name.decode("ascii") for name in self._properties}


def site_words(texts: Iterable[str]) -> frozenset[str]:
    """The names used in the markup of `texts` (pages as strings)."""
    scan = MarkupScan()
    for text in texts:
        scan.add(text.encode("utf-8"))
    return scan.words


def _strip_functions(selector: str) -> str:
    """Drop the arguments of :not(), :is(), :where(), :has()... they never make a rule unused."""
    out, depth = [], 0
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _split_list(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def selector_used(selector: str, words: frozenset[str]) -> bool:
    plain = _strip_functions(selector)
    plain = re.sub(r"::?[\w-]+", " ", plain)  # pseudo-classes and pseudo-elements
    for token in _NEEDS.findall(plain):
        if token.startswith("["):
            name, _, value = token[1:-1].partition("=")
            names = [name.strip(" ~|^$*")]
            value = value.strip().strip("\"'").rstrip(" i")
            if _WORD.fullmatch(value or ""):
                names.append(value)
        else:
            names = [token.lstrip(".#")]
        if token[0] not in ".#[" and names[0] in ("html", "body", "from", "to"):
            continue
        if any(name and name not in words for name in names):
            return False
    return True


def _purge_rules(rules, words: frozenset[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_list(tinycss2.serialize(rule.prelude))
            used = [selector for selector in selectors if selector_used(selector, words)]
            if used:
                kept.append(",".join(used) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _NESTED and rule.content is not None:
            inner = _purge_rules(tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True), words)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":  # @font-face, @keyframes, @property...: kept as they are
            kept.append(tinycss2.serialize([rule]))
    return kept


def purge_css(css: str, words: frozenset[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(_purge_rules(rules, words))


def bundle_words(script: str) -> frozenset[str]:
    """The names the theme's bundle adds to pages: state classes and attributes, not every component it knows."""
    return frozenset(word for word in _WORD.findall(script) if _BUNDLE_STATE.fullmatch(word))


def purge_stylesheets(site_dir: Path, scan: MarkupScan, stylesheets: str = "assets/stylesheets",
                      scripts: str = "assets/javascripts") -> PurgeStats:
    """Rewrite the stylesheets with the rules the scanned pages (and the site's scripts) can use."""
    site = Path(site_dir)
    own_scripts, bundles = [], []
    for path in (site / scripts).glob("*.js"):
        (bundles if path.name.startswith("bundle.") else own_scripts).append(path.read_text(encoding="utf-8", errors="replace"))
    words = scan.words | site_words_in_scripts(own_scripts) | ALWAYS
    for bundle in bundles:
        words |= bundle_words(bundle)
    sheets = sorted(path for path in (site / stylesheets).rglob("*.css") if path.is_file())
    purged = {path: purge_css(path.read_text(encoding="utf-8"), words) for path in sheets}
    # Custom properties: a variable set in one stylesheet may be read in another, by a page's markup
    # or by a script. Pages and scripts do not change between rounds, the stylesheets do.
    scripts_text = "".join(own_scripts) + "".join(bundles)
    outside = scan.properties | set(_VAR_USE.findall(scripts_text)) | set(_SET_BY_SCRIPT.findall(scripts_text))
    used = outside | set(_VAR_USE.findall("".join(purged.values())))
    for _ in range(3):  # variables that only fed dropped variables go in the next round
        purged = {path: _drop_unused_properties(css, used) for path, css in purged.items()}
        now = outside | set(_VAR_USE.findall("".join(purged.values())))
        if now == used:
            break
        used = now
    before = after = 0
    for path, css in purged.items():
        before += path.stat().st_size
        path.write_text(css, encoding="utf-8")
        after += path.stat().st_size
    return PurgeStats(len(sheets), before, after)


def site_words_in_scripts(scripts: Iterable[str]) -> frozenset[str]:
    """Every word of the site's own scripts: the classes and attributes they set are named in them."""
    words: set[str] = set()
    for script in scripts:
        words.update(_WORD.findall(script))
    return frozenset(words)


def _drop_unused_properties(css: str, used: set[str]) -> str:
    """Drop custom property declarations (`--x: ...`) that nothing reads through var(--x)."""
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(_without_unused(rule, used) for rule in rules)


def _without_unused(rule, used: set[str]) -> str:
    if rule.type == "qualified-rule":
        declarations = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
        kept = [tinycss2.serialize([d]) if d.type != "declaration" else
                f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                for d in declarations
                if not (d.type == "declaration" and d.name.startswith("--") and d.name not in used)]
        if not kept:
            return ""
        return tinycss2.serialize(rule.prelude).strip() + "{" + ";".join(kept) + "}"
    if rule.type == "at-rule" and rule.lower_at_keyword in _NESTED and rule.content is not None:
        inner = "".join(_without_unused(r, used) for r in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True))
        return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}" if inner else ""
    return tinycss2.serialize([rule])

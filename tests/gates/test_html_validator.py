"""Gate: every HTML file of the built example site passes the Nu HTML Checker (vnu.jar from npm).

Only errors count. Errors that mkdocs-material's own templates cause in every page are
filtered by the explicit pattern list below (message AND offending markup must both match),
never by file, so the same mistake in our own markup still fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest

from .conftest import NODE_MODULES, BuiltSite, require_tool

pytestmark = pytest.mark.gate

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class ThemeError:
    message: re.Pattern[str]
    markup: re.Pattern[str]
    why: str


THEME_ERRORS = [
    # mkdocs-material's base.html: the hidden checkboxes that open the drawer and the search
    # carry autocomplete="off" (to stop Firefox restoring their state); not allowed on checkboxes.
    ThemeError(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">'),
        "material base.html: md-toggle checkboxes with autocomplete=off",
    ),
    # mkdocs-material's partials/toc.html: the table of contents' title is a label for the
    # "__toc" toggle, which material's nav.html renders only inside the navigation of the
    # active page when that page is in the nav; posts and courses are not, so the label dangles.
    ThemeError(
        re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.$"),
        re.compile(r'<label class="md-nav__title" for="__toc">'),
        "material toc.html: label for the __toc toggle on pages outside the nav",
    ),
]


def is_theme_error(message: dict) -> bool:
    return any(
        known.message.search(message.get("message", "")) and known.markup.search(message.get("extract", ""))
        for known in THEME_ERRORS
    )


def run_vnu(site: BuiltSite) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: the Nu HTML Checker needs a Java runtime", pytrace=False)
    require_tool(VNU_JAR, "vnu-jar (node_modules)")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always",
               "--skip-non-html", str(site.root)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    # vnu writes its JSON report to stderr.
    try:
        report = json.loads(done.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return report["messages"]


def describe(message: dict, site: BuiltSite) -> str:
    where = message.get("url", "?").removeprefix("file:").removeprefix(str(site.root))
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}\n    {extract}"


def test_html_checker_finds_no_errors_in_our_markup(built_site: BuiltSite) -> None:
    messages = run_vnu(built_site)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    ours = [m for m in errors if not is_theme_error(m)]
    print(f"Nu HTML Checker: {len(built_site.html_files())} files, {len(errors)} errors, "
          f"{len(errors) - len(ours)} of them known theme errors")
    assert not ours, "HTML errors:\n" + "\n".join(describe(m, built_site) for m in ours)


def test_theme_error_filter_does_not_hide_our_own_markup() -> None:
    """The filter is bound to the theme's markup: the same message on our own element still counts."""
    ours = {"message": "Attribute “autocomplete” is only allowed when the input type is “text”.",
            "extract": '<input class="ts-newsletter" type="checkbox" autocomplete="off">'}
    theirs = {"message": "Attribute “autocomplete” is only allowed when the input type is “text”.",
              "extract": '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'}
    assert not is_theme_error(ours)
    assert is_theme_error(theirs)

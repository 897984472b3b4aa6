"""Every library the package and its scripts import is declared in pyproject.toml (walks the imports with ast)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(REPO / "plugins" / "trainersite").rglob("*.py"), *(REPO / "scripts").glob("*.py")])


def top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"trainersite", "__future__"}


def declared(extras: bool = False) -> set[str]:
    """Distribution names the project depends on (with `extras`: also those of its optional extras)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    if extras:
        requirements += [req for group in project.get("optional-dependencies", {}).values() for req in group]
    return {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-") for requirement in requirements}


def test_every_imported_library_is_declared():
    distributions = packages_distributions()
    wanted, with_extras = declared(), declared(extras=True)
    missing = {}
    for path in SOURCES:
        # the package needs its dependencies; the helper scripts (bench) may use the test extra
        allowed = with_extras if path.relative_to(REPO).parts[0] == "scripts" else wanted
        for module in top_level_imports(path):
            names = {name.lower().replace("_", "-") for name in distributions.get(module, [module])}
            if not names & allowed:
                missing.setdefault(module, str(path.relative_to(REPO)))
    assert not missing, f"imported but not in pyproject.toml dependencies: {missing}"


def test_the_walk_sees_third_party_imports():
    assert {"frontmatter", "yaml", "bs4", "lxml"} <= set().union(*(top_level_imports(p) for p in SOURCES))

"""The pure layers never import mkdocs: only `trainersite.adapters` may (walks every import with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "trainersite"
PURE = sorted(p for p in PACKAGE.rglob("*.py") if "adapters" not in p.relative_to(PACKAGE).parts)


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            # A relative import that climbs into adapters/ would bring mkdocs in through the back door.
            target = (node.module or "")
            if target.split(".")[0] == "adapters":
                names.add("trainersite.adapters")
    return names


def test_the_pure_layers_exist():
    folders = {p.relative_to(PACKAGE).parts[0] for p in PURE if len(p.relative_to(PACKAGE).parts) > 1}
    assert {"core", "blog", "courses", "tools"} <= folders


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_outside_adapters_never_imports_mkdocs(path):
    bad = {name for name in imported_modules(path)
           if name.split(".")[0] in {"mkdocs", "properdocs", "material"} or name.startswith("trainersite.adapters")}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_check_sees_an_mkdocs_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from mkdocs.structure.pages import Page\n    return Page\n")
    assert "mkdocs.structure.pages" in imported_modules(sample)

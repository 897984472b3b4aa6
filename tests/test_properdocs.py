"""The example site built with ProperDocs (the maintained fork of MkDocs 1.x) equals the MkDocs build,
apart from the generator meta tag. ProperDocs lives in its own venv, made by scripts/install-properdocs
(scripts/test runs it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from sitebuilder import REPO, same_tree

PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(command: list[str], site, cwd) -> str:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([*command, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
                          cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "speed layer off" not in done.stderr  # ProperDocs 1.6 keeps the internals the speed layer uses
    return done.stderr


@pytest.mark.skipif(not PROPERDOCS.exists(), reason="no .venv-properdocs: run scripts/install-properdocs (scripts/test does)")
def test_properdocs_builds_the_example_site_like_mkdocs(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("docs", "posts", "overrides"):
        shutil.copytree(REPO / name, source / name)
    shutil.copy(REPO / "mkdocs.yml", source / "mkdocs.yml")
    build([sys.executable, "-m", "mkdocs"], tmp_path / "mkdocs", source)
    log = build([str(PROPERDOCS)], tmp_path / "properdocs", source)
    assert "Documentation built" in log
    differences = same_tree(tmp_path / "mkdocs", tmp_path / "properdocs")
    assert any(name.endswith(".html") for name in differences), "the generator tag should name ProperDocs"
    for name in differences:
        left, right = ((tmp_path / side / name).read_bytes() for side in ("mkdocs", "properdocs"))
        assert GENERATOR.sub(b"", left) == GENERATOR.sub(b"", right), name

"""The speed layer steps aside on an engine it was not written for: the build runs plainly, same output."""

from __future__ import annotations

import logging

import pytest
import yaml
from sitebuilder import SiteBuilder, post_text, same_tree

from trainersite.adapters import speed
from trainersite.adapters.speed import Speed, supported


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        ("mkdocs", "1.6.1", True),
        ("properdocs", "1.6.7", True),
        ("mkdocs", "1.5.3", False),
        ("mkdocs", "2.0.0", False),
        ("properdocs", "1.7.0", False),
        ("zensical", "1.6.0", False),
    ],
)
def test_supported_engines(name, version, expected):
    assert supported(name, version) is expected


def test_this_engine_is_supported():
    assert Speed().enabled, speed.engine()


def test_on_another_mkdocs_version_the_build_is_plain_with_the_same_output(tmp_path, monkeypatch, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = SiteBuilder(tmp_path)
    site.page("over.md", "# Over\n\nTekst.\n")
    for n in range(1, 51):  # enough posts for the speed layer to fork workers when it is on
        site.post(f"2020-02-{n % 28 + 1:02d}-p{n}.md", post_text(f"Post {n}", f"2020-02-{n % 28 + 1:02d}",
                                                              f"Inleiding {n}.\n\n<!-- more -->\n\n## Kop\n\nTekst {n}."))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    fast = site.build("--site-dir", str(tmp_path / "fast"))  # its own process: speed layer on
    assert fast.returncode == 0, fast.output
    assert (tmp_path / ".cache" / "trainersite").is_dir()

    monkeypatch.setattr(speed, "engine", lambda: ("mkdocs", "2.0.0"))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "plain"))
    blog = config.plugins["trainersite-blog"]
    try:
        with caplog.at_level(logging.INFO):
            blog.speed = Speed()  # MkDocs keeps plugin instances per process: this one starts under the patched engine
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
        off = [record.getMessage() for record in caplog.records if "speed layer off" in record.getMessage()]
        assert off == ["trainersite: speed layer off: written for MkDocs 1.6 and ProperDocs 1.6, this is mkdocs 2.0.0"]
        assert blog.speed.prerender is None and blog.speed.page_workers.used == 0
        assert same_tree(tmp_path / "fast", tmp_path / "plain") == []
    finally:
        # MkDocs keeps plugin instances per process (this one may have been made under the patched
        # engine): later tests in this process get a speed layer made under the real engine.
        monkeypatch.undo()
        blog.speed = Speed()

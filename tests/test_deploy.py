"""Publishing: scripts/deploy builds with --strict into a temporary folder, checks feeds and links,
and only then switches a folder (symlink swap) or pushes a gh-pages commit. A failed build or check
must leave the published site byte for byte as it was.

Every site, target and remote lives in tmp_path; the project's own repository is never touched.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

import brotli
import pytest
import yaml
from sitebuilder import REPO, SiteBuilder, post_text

from trainersite.tools.deploy import DeployError, GitTarget, parse_target
from trainersite.tools.sitecheck import check_feeds, check_links, check_site, link_target, site_url_of

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Deploy Test",
    "GIT_AUTHOR_EMAIL": "deploy@example.nl",
    "GIT_COMMITTER_NAME": "Deploy Test",
    "GIT_COMMITTER_EMAIL": "deploy@example.nl",
}
BAD_POST = "---\ndate: 2024-03-05\n---\nGeen titel.\n"  # fails before anything is written
# A link to a page that does not exist: MkDocs warns while writing pages, so --strict fails only
# after the build folder is full: a build that fails half-way.
HALF_WAY_POST = post_text("Halverwege", body="Zie [de oude pagina](bestaat-niet.md).")
BROKEN_LINK_POST = post_text("Kapotte link", body="Zie [de oude pagina](/bestaat-niet/).")


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_IDENTITY, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def deploy(site: SiteBuilder, target: str, *extra: str) -> subprocess.CompletedProcess:
    config_file = site.root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(site.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = [sys.executable, "-m", "trainersite.tools.deploy", "--config-file", str(config_file), target, *extra]
    return run(command, site.root)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (following the published symlink) with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def git(*args: str, cwd: Path) -> str:
    done = run(["git", *args], cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def blog(site: SiteBuilder) -> SiteBuilder:
    # (SiteBuilder ships the authors' avatars, or the link check would rightly find broken images)
    site.post("2024-03-05-eerste-bericht.md", post_text("Eerste bericht", date="2024-03-05"))
    return site


def assert_refused(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "nothing was published" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    for word in words:
        assert word in done.stdout + done.stderr, done.stdout + done.stderr


# -- folder target -------------------------------------------------------------------------


def test_folder_deploy_switches_a_symlink_and_refuses_failed_builds_and_checks(blog: SiteBuilder, tmp_path: Path):
    target = tmp_path / "www" / "cursussite"
    target.parent.mkdir()

    first = deploy(blog, str(target))
    assert first.returncode == 0, first.stderr
    assert target.is_symlink() and (target / "index.html").is_file()
    assert "Eerste bericht" in (target / "blog" / "eerste-bericht" / "index.html").read_text(encoding="utf-8")
    first_release = target.resolve()
    assert first_release.parent == target.parent / "cursussite.releases"
    published = snapshot(target)
    assert "feed.xml" in published
    # Precompressed copies for the web server, equal to the files they stand beside.
    home = (target / "index.html").read_bytes()
    assert gzip.decompress((target / "index.html.gz").read_bytes()) == home
    assert brotli.decompress((target / "index.html.br").read_bytes()) == home
    assert (target / "feed.xml.br").is_file() and (target / "pagefind" / "pagefind.js.gz").is_file()

    # Bad front matter: the build stops before writing anything.
    bad = blog.post("2024-04-01-zonder-titel.md", BAD_POST)
    assert_refused(deploy(blog, str(target)), "build failed")
    bad.unlink()
    # A strict warning: the build folder was filled, then the build failed.
    half = blog.post("2024-04-02-halverwege.md", HALF_WAY_POST)
    assert_refused(deploy(blog, str(target)), "bestaat-niet.md", "strict", "build failed")
    half.unlink()
    # A clean build with a broken internal link: the check refuses it and names page and link.
    broken = blog.post("2024-04-03-kapotte-link.md", BROKEN_LINK_POST)
    assert_refused(deploy(blog, str(target)), "blog/kapotte-link/index.html", "/bestaat-niet/", "check found")
    broken.unlink()

    assert target.resolve() == first_release
    assert snapshot(target) == published
    kept = (target.parent / "cursussite.releases").iterdir()
    assert [p.name for p in kept if not p.name.startswith(".")] == [first_release.name]  # .history aside

    # A good second deploy goes live; the first release is kept for a rollback.
    blog.post("2024-05-01-tweede-bericht.md", post_text("Tweede bericht", date="2024-05-01"))
    second = deploy(blog, str(target))
    assert second.returncode == 0, second.stderr
    assert target.resolve() != first_release and first_release.is_dir()
    assert (target / "blog" / "tweede-bericht" / "index.html").is_file()

    rollback = deploy(blog, str(target), "--rollback")
    assert rollback.returncode == 0, rollback.stderr
    assert target.resolve() == first_release
    assert snapshot(target) == published


def test_folder_deploy_keeps_only_the_live_and_the_previous_release(tmp_path: Path):
    from trainersite.tools.deploy import publish_folder

    build = tmp_path / "build"
    build.mkdir()
    target = tmp_path / "live"
    releases = []
    for number in range(4):
        (build / "index.html").write_text(f"versie {number}", encoding="utf-8")
        releases.append(publish_folder(build, target))
        assert (target / "index.html").read_text(encoding="utf-8") == f"versie {number}"
    kept = sorted(p.name for p in (tmp_path / "live.releases").iterdir() if not p.name.startswith("."))
    assert kept == [releases[2].name, releases[3].name]


def test_folder_deploy_refuses_to_replace_a_real_folder(blog: SiteBuilder, tmp_path: Path):
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "index.html").write_text("de oude site", encoding="utf-8")
    done = deploy(blog, str(target))
    assert_refused(done, "real folder")
    assert (target / "index.html").read_text(encoding="utf-8") == "de oude site"


def _publish(build: Path, target: Path, text: str, keep: int = 2) -> Path:
    from trainersite.tools.deploy import publish_folder

    (build / "index.html").write_text(text, encoding="utf-8")
    return publish_folder(build, target, keep)


def _live(target: Path) -> str:
    return (target / "index.html").read_text(encoding="utf-8")


def test_rollback_after_a_redeploy_returns_to_the_release_live_before_it(tmp_path: Path):
    """R1, R2 (bad), rollback, R3, rollback: R1 goes live again, never the rolled-back R2."""
    from trainersite.tools.deploy import rollback_folder

    build, target = tmp_path / "build", tmp_path / "live"
    build.mkdir()
    _publish(build, target, "R1")
    _publish(build, target, "R2 (fout)")
    rollback_folder(target)
    assert _live(target) == "R1"
    _publish(build, target, "R3")
    rollback_folder(target)
    assert _live(target) == "R1"
    with pytest.raises(DeployError, match="no release before"):
        rollback_folder(target)
    assert _live(target) == "R1"


def test_rollbacks_step_back_through_the_releases_in_the_order_they_went_live(tmp_path: Path):
    from trainersite.tools.deploy import rollback_folder

    build, target = tmp_path / "build", tmp_path / "live"
    build.mkdir()
    for text in ("R1", "R2", "R3"):
        _publish(build, target, text, keep=3)
    rollback_folder(target)
    assert _live(target) == "R2"
    rollback_folder(target)
    assert _live(target) == "R1"
    _publish(build, target, "R4", keep=3)  # the rolled-back R2 and R3 are gone; R1 stays for a rollback
    releases = [p for p in (tmp_path / "live.releases").iterdir() if not p.name.startswith(".")]
    assert sorted(_live(p) for p in releases) == ["R1", "R4"]
    rollback_folder(target)
    assert _live(target) == "R1"


def test_a_folder_published_before_the_history_file_still_rolls_back(tmp_path: Path):
    from trainersite.tools.deploy import rollback_folder

    build, target = tmp_path / "build", tmp_path / "live"
    build.mkdir()
    _publish(build, target, "R1")
    _publish(build, target, "R2")
    (tmp_path / "live.releases" / ".history").write_text("{kapot", encoding="utf-8")
    rollback_folder(target)
    assert _live(target) == "R1"


def deploy_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "trainersite.tools.deploy", *args], tmp_path)


def assert_one_line_error(done: subprocess.CompletedProcess, code: int, *words: str) -> None:
    assert done.returncode == code, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deploy: "), done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize("keep", ["0", "-1"])
def test_keep_below_one_is_a_clear_error(tmp_path: Path, keep: str):
    done = deploy_cli(tmp_path, "--config-file", str(tmp_path / "mkdocs.yml"), "--keep", keep, str(tmp_path / "www"))
    assert_one_line_error(done, 1, f"--keep {keep}", "at least 1")
    assert not (tmp_path / "www").exists() and not (tmp_path / "www.releases").exists()


def test_a_bad_option_value_is_one_line_too(tmp_path: Path):
    assert_one_line_error(deploy_cli(tmp_path, "--keep", "twee", "www"), 2, "--keep", "twee")


@pytest.mark.parametrize("kind", ["missing", "real folder", "own symlink"])
def test_rollback_where_deploy_never_published_is_a_clear_error(tmp_path: Path, kind: str):
    target = tmp_path / "www"
    if kind == "real folder":
        target.mkdir()
        (target / "index.html").write_text("eigen site", encoding="utf-8")
    elif kind == "own symlink":
        (tmp_path / "elders").mkdir()
        (tmp_path / "elders" / "index.html").write_text("eigen site", encoding="utf-8")
        target.symlink_to(tmp_path / "elders")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    done = deploy_cli(tmp_path, "--rollback", str(target))
    assert_one_line_error(done, 1, str(target), "nothing")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_publishing_never_replaces_a_symlink_deploy_did_not_make(tmp_path: Path):
    from trainersite.tools.deploy import publish_folder

    (tmp_path / "elders").mkdir()
    target = tmp_path / "www"
    target.symlink_to(tmp_path / "elders")
    (tmp_path / "build").mkdir()
    with pytest.raises(DeployError, match="symlink deploy did not make"):
        publish_folder(tmp_path / "build", target)
    assert target.resolve() == tmp_path / "elders"


# -- git target ----------------------------------------------------------------------------


def test_git_deploy_pushes_gh_pages_and_refuses_failed_builds_and_checks(blog: SiteBuilder, tmp_path: Path):
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    project_refs = git("for-each-ref", "--format=%(refname)", cwd=REPO)

    first = deploy(blog, f"git:{remote}")
    assert first.returncode == 0, first.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    assert {"index.html", "feed.xml", "blog/eerste-bericht/index.html", ".nojekyll"} <= set(files)
    published = git("rev-parse", "gh-pages", cwd=remote)

    bad = blog.post("2024-04-01-zonder-titel.md", BAD_POST)
    assert_refused(deploy(blog, f"git:{remote}"), "build failed")
    bad.unlink()
    broken = blog.post("2024-04-03-kapotte-link.md", BROKEN_LINK_POST)
    assert_refused(deploy(blog, f"git:{remote}"), "/bestaat-niet/")
    broken.unlink()
    assert git("rev-parse", "gh-pages", cwd=remote) == published

    blog.post("2024-05-01-tweede-bericht.md", post_text("Tweede bericht", date="2024-05-01"))
    second = deploy(blog, f"git:{remote}")
    assert second.returncode == 0, second.stderr
    assert git("rev-parse", "gh-pages^", cwd=remote) == published
    assert "blog/tweede-bericht/index.html" in git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote)
    # The project's own repository gained no branch or remote ref from this.
    assert git("for-each-ref", "--format=%(refname)", cwd=REPO) == project_refs


def test_git_deploy_to_a_named_branch(blog: SiteBuilder, tmp_path: Path):
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote), cwd=tmp_path)
    done = deploy(blog, f"git:{remote}#site")
    assert done.returncode == 0, done.stderr
    assert "index.html" in git("ls-tree", "--name-only", "site", cwd=remote)
    assert git("branch", "--list", "gh-pages", cwd=remote) == ""


def test_scripts_deploy_publishes_with_the_project_venv(blog: SiteBuilder, tmp_path: Path):
    config_file = blog.root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(blog.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = run(["bash", str(REPO / "scripts" / "deploy"), "--config-file", str(config_file), "publiek"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "publiek").is_symlink() and (tmp_path / "publiek" / "blog" / "eerste-bericht" / "index.html").is_file()
    assert "gepubliceerd:" in done.stdout  # the site speaks Dutch, so does `trainersite publiceer`


def test_deploy_names_a_bad_target_in_one_line(tmp_path: Path):
    done = run([sys.executable, "-m", "trainersite.tools.deploy", "git:"], tmp_path)
    assert done.returncode == 1 and "git:<remote" in done.stderr and "Traceback" not in done.stderr


# -- the checks themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["git:--upload-pack=touch {tmp}/gehackt", "git:-oProxyCommand=touch {tmp}/gehackt",
     "git:{tmp}/remote.git#--force", "git:{tmp}/remote.git#-x", "git:{tmp}/remote.git#a..b"],
)
def test_a_git_target_never_becomes_a_git_option(tmp_path: Path, target: str):
    done = deploy_cli(tmp_path, "--config-file", str(tmp_path / "mkdocs.yml"), target.format(tmp=tmp_path))
    assert_one_line_error(done, 1, "git")
    assert not (tmp_path / "gehackt").exists()


def test_git_transports_that_run_commands_are_refused(tmp_path: Path):
    from trainersite.tools.deploy import publish_git

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>site</p>", encoding="utf-8")
    (tmp_path / "scratch").mkdir()
    hostile = GitTarget(f"ext::sh -c touch% {tmp_path}/gehackt")
    with pytest.raises(DeployError, match="nothing was published"):
        publish_git(tmp_path / "site", hostile, tmp_path / "scratch", "test")
    assert not (tmp_path / "gehackt").exists()


def test_parse_target():
    assert parse_target("git:https://example.nl/site.git") == GitTarget("https://example.nl/site.git", "gh-pages")
    assert parse_target("git:../remote.git#live") == GitTarget("../remote.git", "live")
    assert parse_target("www/site") == Path("www/site").absolute()
    with pytest.raises(DeployError):
        parse_target("git:#main")


@pytest.mark.parametrize(
    ("link", "page", "expected"),
    [
        ("../", "blog/x/index.html", "blog/"),
        ("/assets/a.css", "index.html", "assets/a.css"),
        ("https://www.example.nl/blog/", "index.html", "blog/"),
        ("https://elders.example.org/x", "index.html", None),
        ("mailto:info@example.nl", "index.html", None),
        ("#inhoud", "over/index.html", None),
        ("pagina%202.html?x=1#top", "blog/index.html", "blog/pagina 2.html"),
    ],
)
def test_link_target(link, page, expected):
    assert link_target(link, PurePosixPath(page), "/", "https://www.example.nl/") == expected


def test_link_check_finds_broken_links_and_images_but_not_good_ones(tmp_path: Path):
    (tmp_path / "blog").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "blog" / "index.html").write_text("<p>blog</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="blog/">ok</a><a href="/blog/#x">ok</a><img src="assets/logo.svg" srcset="assets/logo.svg 2x">'
        '<a href="https://elders.example.org/">extern</a><a href="mailto:a@example.nl">mail</a>'
        '<a href="weg/">kapot</a><img src="/assets/ontbreekt.png"><a href="../../etc/passwd">buiten</a>',
        encoding="utf-8",
    )
    problems = [str(p) for p in check_links(tmp_path, "https://www.example.nl/")]
    assert len(problems) == 3, problems
    assert all(p.startswith("index.html: broken link") for p in problems)
    assert any("'weg/'" in p for p in problems) and any("ontbreekt.png" in p for p in problems)


def test_link_check_honours_a_site_under_a_sub_path(tmp_path: Path):
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "index.html").write_text("<p>blog</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="/trainer/blog/">ok</a><a href="/blog/">kapot</a>', encoding="utf-8")
    problems = check_links(tmp_path, "https://www.example.nl/trainer/")
    assert [p.detail for p in problems] == ["broken link '/blog/': no such file in the build"]


def test_feed_check_flags_a_malformed_feed_and_skips_the_sitemap(tmp_path: Path):
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', encoding="utf-8"
    )
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>https://www.example.nl/</link>'
        "<description>d</description></channel></rss>",
        encoding="utf-8",
    )
    assert check_site(tmp_path) == []
    (tmp_path / "atom.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog & co</title></feed>',
        encoding="utf-8",
    )
    problems = check_feeds(tmp_path)
    assert [p.file for p in problems] == ["atom.xml"] and "does not parse cleanly" in problems[0].detail


def test_the_check_reads_the_site_address_from_the_builds_canonical_link(tmp_path: Path):
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "index.html").write_text("<p>blog</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://www.example.nl/trainer/">'
        '<a href="https://www.example.nl/trainer/blog/">ok</a><a href="https://www.example.nl/trainer/weg/">kapot</a>',
        encoding="utf-8",
    )
    assert site_url_of(tmp_path) == "https://www.example.nl/trainer/"
    assert [p.detail for p in check_site(tmp_path)] == [
        "broken link 'https://www.example.nl/trainer/weg/': no such file in the build"
    ]

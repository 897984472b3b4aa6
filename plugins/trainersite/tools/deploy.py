"""Publish the site: build into a fresh temporary folder, check it, and only then switch it live.

    python -m trainersite.deploy TARGET        (scripts/deploy TARGET does this with the project's .venv)

TARGET is either
- a folder path (e.g. /var/www/cursussite): the published path becomes a symlink to a versioned
  release folder beside it (`<name>.releases/<timestamp>`); a new release goes live by swapping
  the symlink atomically with os.replace, and the previous release is kept for `--rollback`;
- `git:<remote URL or path>[#branch]` (branch default gh-pages): the build is committed on top
  of that branch in a throwaway repository in a temporary folder and pushed. The project's own
  repository and working tree are never touched. A remote or branch is never read as a git
  option (`git:--upload-pack=...` is refused, and every git call ends its options with `--`).

The releases that went live are listed, in order, in `<name>.releases/.history`: a rollback
steps back through that list, so after R1, R2, rollback, R3 a rollback returns to R1 (the
release live before the last deploy), never to the rolled-back R2.

A failed build, a failed check or a failed publish step leaves the published site as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..delivery.precompress import precompress
from .sitecheck import check_site

GIT_PREFIX = "git:"
DEFAULT_BRANCH = "gh-pages"
SHOWN_PROBLEMS = 20
HISTORY = ".history"  # inside <name>.releases/: release names in the order they went live
# Transports a deploy may use; `ext::` (runs a command) and `fd::` are never allowed.
GIT_PROTOCOLS = "file:git:http:https:ssh"


class DeployError(Exception):
    """A step failed; the message says which, and that nothing was published."""


@dataclass(frozen=True)
class GitTarget:
    remote: str
    branch: str = DEFAULT_BRANCH


def parse_target(text: str) -> Path | GitTarget:
    """`git:<remote>[#branch]` or a folder path."""
    if text.startswith(GIT_PREFIX):
        remote, _, branch = text[len(GIT_PREFIX):].partition("#")
        if not remote:
            raise DeployError(f"'{text}': expected git:<remote URL or path>[#branch]")
        if remote.startswith("-"):
            raise DeployError(
                f"'{text}': a git remote cannot start with '-' (for a folder of that name write ./{remote})"
            )
        if any(ord(char) < 32 for char in remote):
            raise DeployError(f"'{text}': the git remote contains a control character")
        branch = branch or DEFAULT_BRANCH
        if not _valid_branch(branch):
            raise DeployError(f"'{text}': '{branch}' is not a usable branch name (letters, digits, '-', '_', '.', '/')")
        return GitTarget(remote, branch)
    if not text.strip():
        raise DeployError("expected a folder path or git:<remote>[#branch] to publish to")
    return Path(text).expanduser().absolute()


def _valid_branch(name: str) -> bool:
    """A plain branch name: no leading '-', nothing git would refuse or read as a revision."""
    return (
        re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_./-]*", name) is not None
        and not name.endswith((".", "/", ".lock"))
        and ".." not in name
        and "//" not in name
        and "/." not in name
    )


# -- build and check -----------------------------------------------------------------------


def build(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` into `site_dir`; its own output goes to the terminal."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
               "--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if subprocess.run(command, env=env).returncode != 0:
        raise DeployError("the build failed (see the message above); nothing was published")


def check(site_dir: Path) -> None:
    problems = check_site(site_dir)
    if problems:
        for problem in problems[:SHOWN_PROBLEMS]:
            print(f"deploy: {problem}", file=sys.stderr)
        more = len(problems) - SHOWN_PROBLEMS
        if more > 0:
            print(f"deploy: ... and {more} more", file=sys.stderr)
        raise DeployError(f"the check found {len(problems)} problem(s) in the build; nothing was published")


# -- publish to a folder: versioned releases behind a symlink ------------------------------


def releases_dir(target: Path) -> Path:
    return target.parent / f"{target.name}.releases"


def publish_folder(site_dir: Path, target: Path, keep: int = 2) -> Path:
    """Copy the build into a new release beside `target`, then swap the `target` symlink to it."""
    if keep < 1:
        raise DeployError(f"--keep {keep}: expected a whole number of at least 1 (the live release); nothing was published")
    if target.exists() and not target.is_symlink():
        raise DeployError(
            f"{target} is a real folder, not a published symlink: move it away (or publish to a new path) "
            "so deploy can manage it; nothing was published"
        )
    if target.is_symlink() and _live_release(target) is None:
        raise DeployError(
            f"{target} is a symlink deploy did not make (it points to {os.readlink(target)}): move it away "
            "so deploy can manage it; nothing was published"
        )
    releases = releases_dir(target)
    releases.mkdir(parents=True, exist_ok=True)
    history = _history(target)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    release = releases / stamp
    # Copy under a hidden name first, so a half-copied release never looks like a finished one.
    incoming = releases / f".incoming-{stamp}"
    try:
        shutil.copytree(site_dir, incoming, symlinks=True)
    except OSError:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    incoming.rename(release)
    history.append(release.name)
    _write_history(releases, history)  # before the swap: a crash in between leaves a harmless extra name
    _point(target, release)
    _prune(releases, history, keep)
    return release


def _point(target: Path, release: Path) -> None:
    link = target.parent / f".{target.name}.new-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(release, target.parent), target_is_directory=True)
    os.replace(link, target)  # atomic: readers see the old release or the new one, never a mix


def _release_list(releases: Path) -> list[Path]:
    if not releases.is_dir():
        return []
    return sorted(p for p in releases.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


def _live_release(target: Path) -> Path | None:
    """The release folder `target` points at, if it is one of deploy's own."""
    if not target.is_symlink():
        return None
    live = target.resolve()
    releases = releases_dir(target).resolve()
    return live if live.parent == releases and not live.name.startswith(".") else None


def _history(target: Path) -> list[str]:
    """The kept releases in the order they went live, ending with the live one.

    Names after the live one were rolled back from and are dropped. Without a history file (a
    folder published by an older deploy) the releases up to the live one, by name, stand in.
    """
    releases = releases_dir(target)
    existing = {p.name for p in _release_list(releases)}
    live = _live_release(target)
    try:
        names = json.loads((releases / HISTORY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        names = None
    if not (isinstance(names, list) and all(isinstance(name, str) for name in names)):
        names = sorted(name for name in existing if live is None or name <= live.name)
    names = [name for name in names if name in existing]
    if live is not None and live.name in existing:
        if live.name in names:
            names = names[: len(names) - names[::-1].index(live.name)]
        else:
            names.append(live.name)
    return names


def _write_history(releases: Path, names: list[str]) -> None:
    temporary = releases / f"{HISTORY}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(names, indent=0) + "\n", encoding="utf-8")
    os.replace(temporary, releases / HISTORY)


def _prune(releases: Path, history: list[str], keep: int) -> None:
    """Keep the last `keep` releases of the history (the live one included); drop the rest."""
    kept = set(history[-keep:])
    for release in _release_list(releases):
        if release.name not in kept:
            shutil.rmtree(release, ignore_errors=True)
    _write_history(releases, history[-keep:])


def rollback_folder(target: Path) -> Path:
    """Point `target` back at the release that was live before the last deploy."""
    if not target.is_symlink():
        what = "does not exist" if not target.exists() else "is not a published symlink"
        raise DeployError(f"{target} {what}: deploy did not publish there, so there is nothing to roll back")
    live = _live_release(target)
    if live is None:
        raise DeployError(
            f"{target} is a symlink deploy did not make (it points to {os.readlink(target)}); nothing was changed"
        )
    history = _history(target)
    if len(history) < 2:
        raise DeployError(f"no release before {live.name} is kept; nothing was changed")
    previous = releases_dir(target) / history[-2]
    _write_history(releases_dir(target), history[:-1])
    _point(target, previous)
    return previous


# -- publish to a git branch ---------------------------------------------------------------


def _git_env() -> dict[str, str]:
    # Never let an inherited GIT_DIR/GIT_WORK_TREE steer git into the project's own repository.
    blocked = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"}
    env = {k: v for k, v in os.environ.items() if k not in blocked}
    env["GIT_ALLOW_PROTOCOL"] = GIT_PROTOCOLS
    return env


def _git(git_dir: Path, *args: str, work_tree: Path | None = None, env: dict | None = None) -> str:
    command = ["git", f"--git-dir={git_dir}"]
    if work_tree is not None:
        command.append(f"--work-tree={work_tree}")
    try:
        done = subprocess.run(
            [*command, *args], cwd=work_tree or git_dir.parent, capture_output=True, text=True, env=env or _git_env()
        )
    except FileNotFoundError:
        raise DeployError("git is not installed; nothing was published") from None
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["(no output)"]
        raise DeployError(f"git {args[0]} failed: {lines[-1]}; nothing was published")
    return done.stdout.strip()


def publish_git(site_dir: Path, target: GitTarget, scratch: Path, message: str) -> str | None:
    """Commit the build on top of `target.branch` of the remote and push; the new commit, or None if unchanged."""
    remote = target.remote
    if Path(remote).expanduser().exists():
        remote = str(Path(remote).expanduser().absolute())  # relative paths mean the caller's folder
    git_dir = scratch / "publish.git"
    _git(git_dir, "init", "--quiet", "--bare", str(git_dir))
    ref = f"refs/heads/{target.branch}"
    parent = None
    # `--` ends the options: whatever the remote says, git reads it as a repository, never an option.
    if _git(git_dir, "ls-remote", "--heads", "--", remote, ref):
        _git(git_dir, "fetch", "--quiet", "--depth=1", "--", remote, f"{ref}:refs/remotes/target")
        parent = _git(git_dir, "rev-parse", "refs/remotes/target")
    (site_dir / ".nojekyll").touch()  # GitHub Pages: serve folders that start with '_' as they are
    env = {**_git_env(), "GIT_INDEX_FILE": str(scratch / "publish.index")}
    _git(git_dir, "add", "--all", "--force", ".", work_tree=site_dir, env=env)
    tree = _git(git_dir, "write-tree", env=env)
    if parent and _git(git_dir, "rev-parse", f"{parent}^{{tree}}") == tree:
        return None
    commit = _git(git_dir, "commit-tree", tree, "-m", message, *(["-p", parent] if parent else []))
    _git(git_dir, "push", "--quiet", "--", remote, f"{commit}:{ref}")
    return commit


# -- command line --------------------------------------------------------------------------


def deploy(target_text: str, config_file: Path, keep: int = 2) -> str:
    """Build, check, publish; the one-line outcome. Raises DeployError before anything goes live."""
    target = parse_target(target_text)
    if keep < 1:
        raise DeployError(f"--keep {keep}: expected a whole number of at least 1 (the live release); nothing was published")
    if not config_file.is_file():
        raise DeployError(f"{config_file}: no such config file; nothing was published")
    with tempfile.TemporaryDirectory(prefix="trainersite-deploy-") as scratch_name:
        scratch = Path(scratch_name)
        site_dir = scratch / "site"
        build(config_file, site_dir)
        check(site_dir)
        precompress(site_dir)  # .gz/.br beside each text file, for hosts that serve them as they are
        if isinstance(target, GitTarget):
            stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            commit = publish_git(site_dir, target, scratch, f"Publish site ({stamp})")
            if commit is None:
                return f"nothing changed: {target.remote} {target.branch} already has this build"
            return f"published to {target.remote} branch {target.branch} (commit {commit[:10]})"
        try:
            release = publish_folder(site_dir, target, keep)
        except OSError as err:  # a full disk, no permission: the symlink swap comes last, so nothing changed
            raise DeployError(f"publishing to {target} failed ({err}); the published site is unchanged") from None
        return f"published: {target} -> {release}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        self.exit(2, f"deploy: {message} (see deploy --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog="deploy", description="Build with --strict, check feeds and links, then publish atomically."
    )
    parser.add_argument("target", help="a folder path, or git:<remote URL or path>[#branch] (default branch gh-pages)")
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml")
    parser.add_argument("--keep", type=int, default=2, help="folder target: releases to keep (live one included)")
    parser.add_argument("--rollback", action="store_true", help="folder target: go back to the previous release")
    args = parser.parse_args(argv)
    try:
        if args.rollback:
            target = parse_target(args.target)
            if isinstance(target, GitTarget):
                raise DeployError("--rollback works for folder targets; for git, revert the commit on the branch")
            try:
                print(f"deploy: rolled back: {target} -> {rollback_folder(target)}")
            except OSError as err:
                raise DeployError(f"rolling back {target} failed ({err}); check the folder by hand") from None
        else:
            print(f"deploy: {deploy(args.target, args.config_file, args.keep)}")
    except DeployError as err:
        print(f"deploy: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

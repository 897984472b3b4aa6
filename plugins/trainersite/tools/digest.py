"""`trainersite nieuwsbrief --sinds 2026-11-01`: write the digest e-mail (HTML + plain text).

(tools/cli.py runs it; `python -m trainersite.tools.digest` works too.)

The site is built into a temporary folder with the digest switched on (see adapters/feeds_plugin.py),
so the mail holds exactly the posts, excerpts, pictures and course dates the site shows; only the
two mail files are kept. No posts since that date: the build's one-line message, exit 1.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DIGEST_SINCE, DIGEST_TO = "TRAINERSITE_DIGEST_SINCE", "TRAINERSITE_DIGEST_TO"
_ERROR = re.compile(r"^(?:ERROR\s+-\s+|Error:\s*)")


def write_digest_files(config_file: Path, since: str, target: Path) -> tuple[int, str]:
    """Build with the digest on; (exit code, the build's last error line or the written paths)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", DIGEST_SINCE: since, DIGEST_TO: str(target.resolve())}
    with tempfile.TemporaryDirectory(prefix="trainersite-digest-") as site_dir:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file), "--site-dir", site_dir],
            capture_output=True, text=True, env=env, cwd=config_file.parent,
        )
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        message = next((line for line in reversed(lines) if _ERROR.match(line)), lines[-1] if lines else "")
        return 1, _ERROR.sub("", message).strip()
    return 0, f"{target}\n{target.with_suffix('.txt')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trainersite nieuwsbrief", description=__doc__.splitlines()[0])
    parser.add_argument("--sinds", "--since", dest="since", required=True, help="datum, bijvoorbeeld 2026-11-01")
    parser.add_argument("--uit", "--out", dest="out", help="bestand (standaard nieuwsbrief-<datum>.html)")
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    target = Path(args.out or f"nieuwsbrief-{args.since}.html")
    code, message = write_digest_files(Path(args.config_file).resolve(), args.since, target)
    print(message, file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Move a WordPress blog over: the same as `trainersite importeer-wordpress EXPORT.xml` (kept for old habits).

Options: --posts-dir, --force, --author LOGIN=KEY, --uploads DIR (a copy of wp-content/uploads: the
pictures are copied into docs/assets/images/blog/), --config-file. Exit code 2, with one line, when
the file is not a WordPress export or an option is wrong.
"""

import sys
from pathlib import Path

from trainersite.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    given = sys.argv[1:]
    default = [] if any(arg in ("--config-file", "-f") or arg.startswith("--config-file=") for arg in given) else ["--config-file", str(ROOT / "mkdocs.yml")]
    sys.exit(main(["importeer-wordpress", *default, *given]))

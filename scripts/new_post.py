#!/usr/bin/env python3
"""Start a new blog post: the same as `trainersite nieuw "Titel"` (kept for old habits).

Run it with the project's virtualenv: .venv/bin/python scripts/new_post.py "Titel".
"""

import sys
from pathlib import Path

from trainersite.tools.cli import main

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    given = sys.argv[1:]
    default = [] if any(arg in ("--config-file", "-f") or arg.startswith("--config-file=") for arg in given) else ["--config-file", str(ROOT / "mkdocs.yml")]
    sys.exit(main(["nieuw", *default, *given]))

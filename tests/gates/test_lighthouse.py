"""Gate: Lighthouse 12 (npm) scores the home page and a post at least 0.95 for accessibility,
best practices and SEO, run on Debian's chromium against the local server.

Chromium gets --host-resolver-rules that resolve no host name but 127.0.0.1, so neither
Lighthouse nor the page can fetch anything from the internet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, NODE_MODULES, require_tool

pytestmark = pytest.mark.gate

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["accessibility", "best-practices", "seo"]
MINIMUM = 0.95
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
# Lighthouse splits --chrome-flags with yargs: the value must be quoted after the "=".
OFFLINE_FLAG = '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"'


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is missing: Lighthouse runs on Node.js", pytrace=False)
    require_tool(LIGHTHOUSE, "lighthouse (node_modules)")
    return found


def chrome_flags() -> str:
    return " ".join(["--headless=new", *CHROMIUM_ARGS, OFFLINE_FLAG])


def run_lighthouse(url: str, report: Path) -> dict:
    require_tool(CHROMIUM, "chromium (/usr/bin/chromium)")
    command = [node(), str(LIGHTHOUSE), url, f"--only-categories={','.join(CATEGORIES)}",
               "--output=json", f"--output-path={report}", f"--chrome-flags={chrome_flags()}",
               "--quiet", "--max-wait-for-load=60000"]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0 or not report.is_file():
        pytest.fail(f"lighthouse failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def failed_audits(result: dict, category: str) -> list[str]:
    failed = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            failed.append(f"{ref['id']} ({audit['score']}): {audit['title']}")
    return failed


@pytest.mark.parametrize("kind", ["home", "post"])
def test_lighthouse_scores(site_url: str, page_types: dict[str, str], kind: str, tmp_path: Path) -> None:
    url = site_url + page_types[kind]
    result = run_lighthouse(url, tmp_path / "lighthouse.json")
    assert not result.get("runtimeError"), result.get("runtimeError")
    scores = {category: result["categories"][category]["score"] for category in CATEGORIES}
    print(f"lighthouse {page_types[kind]} ({kind}): " + ", ".join(f"{c} {s}" for c, s in scores.items()))
    low = {category: score for category, score in scores.items() if score is None or score < MINIMUM}
    assert not low, f"{page_types[kind]}: Lighthouse scores under {MINIMUM}: {low}\n" + "\n".join(
        f"  {category}: {audit}" for category in low for audit in failed_audits(result, category)
    )


def test_chromium_gets_every_flag_and_the_offline_rule_intact() -> None:
    """Lighthouse's own flag parser hands chromium the offline rule as one whole switch."""
    script = ("import {parseChromeFlags} from './node_modules/lighthouse/cli/run.js';"
              "console.log(JSON.stringify(parseChromeFlags(process.env.GATE_CHROME_FLAGS)));")
    done = subprocess.run([node(), "--input-type=module", "-e", script], cwd=NODE_MODULES.parent,
                          env={**os.environ, "GATE_CHROME_FLAGS": chrome_flags()},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["--headless=new", *CHROMIUM_ARGS, OFFLINE]

"""Gate: Lighthouse 12 (npm) scores the home page, a post, the course catalogue and a course at least
0.95 for mobile performance, accessibility, best practices and SEO, run on Debian's chromium against
the local server (the scores are printed; the target for performance is 100).

Performance is timing: a busy machine (2 cores shared by several jobs) slows the scripts Lighthouse
times, and can cost a page many points. A page whose performance is under the minimum is measured
up to twice more and its best run counts, so CI is not flaky; the other categories do not depend on
timing and count from the first run.

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
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
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


@pytest.mark.parametrize("kind", ["home", "post", "courses", "course"])
def test_lighthouse_scores(site_url: str, page_types: dict[str, str], kind: str, tmp_path: Path) -> None:
    url = site_url + page_types[kind]
    result = run_lighthouse(url, tmp_path / "lighthouse.json")
    assert not result.get("runtimeError"), result.get("runtimeError")
    scores = {category: result["categories"][category]["score"] for category in CATEGORIES}
    runs = [scores["performance"]]
    for attempt in (2, 3):
        if scores["performance"] is not None and scores["performance"] >= MINIMUM:
            break
        again = run_lighthouse(url, tmp_path / f"lighthouse-{attempt}.json")
        runs.append(again["categories"]["performance"]["score"])
        if (runs[-1] or 0) > (scores["performance"] or 0):
            result, scores["performance"] = again, runs[-1]
    audits = result["audits"]
    timings = ", ".join(f"{name} {audits[name].get('displayValue', '?')}" for name in
                        ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"])
    print(f"lighthouse {page_types[kind]} ({kind}): " + ", ".join(f"{c} {s}" for c, s in scores.items())
          + f" ({timings}; performance runs: {runs})")
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

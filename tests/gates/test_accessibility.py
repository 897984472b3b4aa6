"""Gate: axe-core (npm, injected into the page by Playwright) finds no WCAG 2.0/2.1 A or AA violation
on any kind of page. Fix what it finds in our CSS or templates; no rule is switched off.
"""

from __future__ import annotations

import pytest

from .conftest import NODE_MODULES, PAGE_KINDS, require_tool

pytestmark = pytest.mark.gate

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(require_tool(AXE, "axe-core (node_modules)")))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:6]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(violation["nodes"]) > 6:
            lines.append(f"    ... and {len(violation['nodes']) - 6} more")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_wcag_a_or_aa_violation(page, site_url: str, page_types: dict[str, str], kind: str) -> None:
    page.goto(site_url + page_types[kind], wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{page_types[kind]} ({kind}): axe-core violations:\n{describe(violations)}"


def test_axe_reports_a_real_violation(page, site_url: str) -> None:
    """The gate can fail: an image without alt text on a served page is reported."""
    page.goto(site_url + "/")
    page.evaluate("() => document.querySelector('main').append(Object.assign(document.createElement('img'), {src: 'x.png'}))")
    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}

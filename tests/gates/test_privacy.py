"""Gate: loading any kind of page talks only to the site's own server.

No Google Fonts (mkdocs.yml sets theme.font: false), no video host before the reader clicks
a click-to-load embed, no share, analytics or other third-party scripts. Every request the page
makes (recorded with page.on("request") by the `page` fixture) must go to the local server.
"""

from __future__ import annotations

import pytest

from .conftest import PAGE_KINDS, is_local

pytestmark = pytest.mark.gate


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_requests_only_the_local_server(page, site_url: str, page_types: dict[str, str], kind: str) -> None:
    page.goto(site_url + page_types[kind], wait_until="networkidle")
    # Scroll to the end so lazily loaded images, embeds and widgets fetch what they would fetch.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert page.gate_requests, "no request was recorded: the recorder is broken"
    foreign = sorted({url for url in page.gate_requests if not is_local(url, site_url)})
    assert not foreign, f"{page_types[kind]} ({kind}) requests other hosts: {foreign}"


def test_recorder_sees_a_third_party_request(page, site_url: str) -> None:
    """The gate can fail: a page that asks Google Fonts for a font is caught (the request is aborted)."""
    page.goto(site_url + "/")
    page.evaluate("""() => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = 'https://fonts.googleapis.com/css?family=Roboto';
        document.head.append(link);
    }""")
    page.wait_for_load_state("networkidle")
    assert "https://fonts.googleapis.com/css?family=Roboto" in page.gate_requests
    assert not is_local("https://fonts.googleapis.com/css?family=Roboto", site_url)

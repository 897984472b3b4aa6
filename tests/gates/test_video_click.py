"""Gate: the click-to-load video in a real browser — nothing from the video host before the click,
the privacy-friendly player after it."""

from __future__ import annotations

import pytest

from .conftest import POST_PATH, BuiltSite

pytestmark = pytest.mark.gate


def video_post(built_site: BuiltSite) -> str:
    for path in built_site.url_paths(POST_PATH):
        if "data-ts-embed" in built_site.file_for(path).read_text(encoding="utf-8"):
            return path
    pytest.fail("the example site has no post with a video (posts/*.md with a `video:` key)", pytrace=False)


def test_video_loads_only_after_the_click(page, site_url: str, built_site: BuiltSite) -> None:
    page.goto(site_url + video_post(built_site))
    page.wait_for_load_state("networkidle")
    hosts = ("youtube", "ytimg", "vimeo", "googlevideo")
    assert not [url for url in page.gate_requests if any(host in url for host in hosts)]
    assert page.locator("iframe").count() == 0
    play = page.locator("a[data-ts-embed]")
    assert play.is_visible()
    play.click()
    frame = page.locator(".ts-video iframe")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert page.url.startswith(site_url)  # the click did not follow the link away
    page.wait_for_timeout(300)
    assert any(url.startswith("https://www.youtube-nocookie.com/") for url in page.gate_requests)

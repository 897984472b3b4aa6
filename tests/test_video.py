"""The `video:` key: every usual YouTube/Vimeo form is understood, and the page loads nothing from the host."""

from __future__ import annotations

import re

import pytest
from sitebuilder import post_text

from trainersite.core.errors import ContentError
from trainersite.blog.video import parse_video


@pytest.mark.parametrize(
    "url, provider, video_id, start",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "dQw4w9WgXcQ", 0),
        ("http://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1m30s", "YouTube", "dQw4w9WgXcQ", 90),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=75", "YouTube", "dQw4w9WgXcQ", 75),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "YouTube", "dQw4w9WgXcQ", 42),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=10", "YouTube", "dQw4w9WgXcQ", 10),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "YouTube", "dQw4w9WgXcQ", 0),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "dQw4w9WgXcQ", 0),
        ("www.youtube.com/watch?v=dQw4w9WgXcQ#t=1h2m3s", "YouTube", "dQw4w9WgXcQ", 3723),
        ("https://vimeo.com/76979871", "Vimeo", "76979871", 0),
        ("https://vimeo.com/76979871#t=30s", "Vimeo", "76979871", 30),
        ("https://player.vimeo.com/video/76979871?h=abc123", "Vimeo", "76979871", 0),
        ("https://vimeo.com/channels/staffpicks/76979871", "Vimeo", "76979871", 0),
    ],
)
def test_usual_forms_are_understood(url, provider, video_id, start):
    video = parse_video(url, "posts/x.md")
    assert (video.provider, video.video_id, video.start) == (provider, video_id, start)


def test_youtube_plays_without_cookies_and_keeps_the_start_time():
    video = parse_video("https://youtu.be/dQw4w9WgXcQ?t=42", "posts/x.md")
    assert video.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&start=42"
    assert video.watch_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"


def test_vimeo_embed_asks_not_to_track_and_keeps_an_unlisted_key():
    video = parse_video("https://vimeo.com/76979871/abc123#t=30s", "posts/x.md")
    assert video.embed_url == "https://player.vimeo.com/video/76979871?h=abc123&autoplay=1&dnt=1#t=30s"
    assert video.watch_url == "https://vimeo.com/76979871/abc123#t=30s"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x7tgad0",
        "https://www.youtube.com/watch?v=kort",
        "https://www.youtube.com/channel/UCabc",
        "https://vimeo.com/about",
        "javascript:alert(1)",
        "gewoon tekst",
    ],
)
def test_other_links_are_refused_naming_file_and_key(url):
    with pytest.raises(ContentError) as caught:
        parse_video(url, "posts/x.md")
    assert str(caught.value).startswith("posts/x.md: 'video': expected a YouTube or Vimeo link")


def test_post_page_shows_a_click_to_load_embed_and_requests_nothing_from_the_host(site):
    site.post("2023-04-12-video.md", post_text("Met video", "2023-04-12", video="https://youtu.be/dQw4w9WgXcQ?t=42"))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/met-video/")
    figure = re.search(r'<figure class="ts-video".*?</figure>', html, re.DOTALL).group(0)
    assert 'data-ts-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;rel=0&amp;start=42"' in figure
    # Without JavaScript the button is a plain link to the video.
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s"' in figure
    assert "Video afspelen" in figure
    # Nothing that a browser fetches on load points at a video host: no iframe, no thumbnail.
    assert "<iframe" not in html
    fetched = re.findall(r'\s(?:src|srcset|poster|data)=["\']([^"\']+)', html)
    fetched += re.findall(r'<link[^>]+href=["\']([^"\']+)', html)
    fetched += re.findall(r"url\(([^)]+)\)", html)
    hosts = ("youtube", "ytimg", "vimeo", "googlevideo")
    assert not [url for url in fetched if any(host in url for host in hosts)]
    assert result.exists("assets/javascripts/video.js")
    assert "data-ts-embed" in (result.site / "assets/javascripts/video.js").read_text(encoding="utf-8")


def test_post_without_video_has_no_embed_and_no_script(site):
    site.post("2023-04-12-zonder.md", post_text("Zonder video", "2023-04-12"))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/zonder-video/")
    # (the inlined stylesheet names the class; no element may carry it, no script is loaded)
    assert 'class="ts-video' not in html and "video.js" not in html


def test_unrecognised_video_link_fails_the_build_naming_file_and_key(site):
    site.post("2023-04-12-fout.md", post_text("Foute video", "2023-04-12", video="https://example.nl/film.mp4"))
    result = site.build()
    assert result.returncode != 0
    assert "posts/2023-04-12-fout.md: 'video': verwacht een YouTube- of Vimeo-link" in result.output
    assert "Traceback" not in result.output

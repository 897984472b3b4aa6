"""A post's `video:` link -> what a privacy-friendly click-to-load embed needs.

Nothing here is fetched: the page shows a local placeholder and a link; only the reader's click
(see overrides/assets/javascripts/video.js) swaps in the player from `embed_url`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from ..core.errors import ContentError

VIDEO_EXPECTED = "a YouTube or Vimeo link like https://www.youtube.com/watch?v=... or https://vimeo.com/123456"

_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v|e)/([^/?#]+)")
_VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
_VIMEO_PATH = re.compile(r"^/(?:video/|channels/[^/]+/|groups/[^/]+/videos/|album/\d+/video/)?(\d+)(?:/([0-9a-f]+))?/?$")
_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


@dataclass(frozen=True)
class Video:
    provider: str  # display name: "YouTube" or "Vimeo"
    video_id: str
    start: int = 0  # seconds
    private_hash: str = ""  # Vimeo's unlisted-video key

    @property
    def embed_url(self) -> str:
        """The player, loaded only after the click; YouTube without cookies."""
        if self.provider == "YouTube":
            query = {"autoplay": 1, "rel": 0, **({"start": self.start} if self.start else {})}
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?{urlencode(query)}"
        query = {**({"h": self.private_hash} if self.private_hash else {}), "autoplay": 1, "dnt": 1}
        return f"https://player.vimeo.com/video/{self.video_id}?{urlencode(query)}" + self._vimeo_time

    @property
    def watch_url(self) -> str:
        """The video on the host's own site: the link that works without JavaScript."""
        if self.provider == "YouTube":
            start = f"&t={self.start}s" if self.start else ""
            return f"https://www.youtube.com/watch?v={self.video_id}{start}"
        path = f"{self.video_id}/{self.private_hash}" if self.private_hash else self.video_id
        return f"https://vimeo.com/{path}" + self._vimeo_time

    @property
    def _vimeo_time(self) -> str:
        return f"#t={self.start}s" if self.start else ""


def _seconds(value: str) -> int | None:
    """`90`, `90s`, `1m30s`, `1h2m3s` -> seconds; None when it is none of those."""
    match = _DURATION.match(value.strip().lower())
    if not value.strip() or not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _start(query: dict[str, list[str]], fragment: str) -> int:
    candidates = [*query.get("t", []), *query.get("start", []), *parse_qs(fragment).get("t", [])]
    for value in candidates:
        seconds = _seconds(value)
        if seconds is not None:
            return seconds
    return 0


def _host(netloc: str) -> str:
    host = netloc.lower().split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def parse_video(url: str, source: str, key: str = "video") -> Video:
    """A YouTube or Vimeo URL in any of its usual forms -> Video, else a ContentError."""
    text = url.strip() if isinstance(url, str) else ""
    if text.startswith("//"):
        text = "https:" + text
    elif text and "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = _host(parts.netloc)
    query = parse_qs(parts.query)
    video_id = ""
    if parts.scheme in ("http", "https") and host in _YOUTUBE_HOSTS:
        match = _YOUTUBE_PATH.match(parts.path)
        video_id = match.group(1) if match else (query.get("v") or [""])[0] if parts.path in ("/watch", "/watch/") else ""
    elif parts.scheme in ("http", "https") and host == "youtu.be":
        video_id = parts.path.strip("/")
    if video_id:
        if not _YOUTUBE_ID.match(video_id):
            raise ContentError(source, key, VIDEO_EXPECTED, url)
        return Video("YouTube", video_id, _start(query, parts.fragment))
    if parts.scheme in ("http", "https") and host in _VIMEO_HOSTS:
        match = _VIMEO_PATH.match(parts.path)
        if match:
            private = match.group(2) or (query.get("h") or [""])[0]
            return Video("Vimeo", match.group(1), _start(query, parts.fragment), private)
    raise ContentError(source, key, VIDEO_EXPECTED, url)


def find_video(url: str) -> Video | None:
    """The video behind a link, or None when it is not a YouTube/Vimeo video (for the importer)."""
    try:
        return parse_video(url, "")
    except ContentError:
        return None

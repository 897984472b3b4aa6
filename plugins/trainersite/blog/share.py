"""Share links for a post: plain links to each network's share page, no script, no tracker."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    network: str  # stable key, used as CSS class: linkedin, facebook, x, whatsapp, email
    name: str  # what the reader sees
    url: str


def _enc(text: str) -> str:
    """Percent-encode everything but letters, digits and `-._~` (spaces as %20, as mail apps expect)."""
    return quote(text, safe="")


def share_links(title: str, url: str, email_label: str = "E-mail") -> tuple[ShareLink, ...]:
    """Links that share `url` (absolute) with `title`; every value is URL-encoded."""
    u, t = _enc(url), _enc(title)
    return (
        ShareLink("linkedin", "LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ShareLink("x", "X", f"https://x.com/intent/tweet?text={t}&url={u}"),
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={_enc(f'{title} {url}')}"),
        ShareLink("email", email_label, f"mailto:?subject={t}&body={u}"),
    )

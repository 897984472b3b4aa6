"""Gate: no broken internal link or image in the built example site, checked over real HTTP.

A small crawler: it starts from every HTML file of the site (so pages no menu links to are
checked too), reads each page's href/src/srcset, and fetches every internal URL once from the
local http.server. Root-relative links only work over HTTP, which is why file:// is not enough.
Absolute links to the site's own address (site_url, as in canonical links and feeds) are
checked against the local server as well; other hosts are not fetched (there is no network).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml

from trainersite.tools.sitecheck import page_links  # the deploy check's collector: one list of link attributes

from .conftest import REPO, BuiltSite

pytestmark = pytest.mark.gate

SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "sms"}


def internal_target(link: str, page_url: str, server: str, public_url: str) -> str | None:
    """The local URL to fetch for `link` on `page_url`, or None for other hosts and schemes."""
    scheme = urlsplit(link).scheme.lower()
    if scheme in SKIPPED_SCHEMES:
        return None
    if public_url and link.startswith(public_url):
        link = server + "/" + link[len(public_url):]
    absolute = urldefrag(urljoin(page_url, link)).url
    return absolute if absolute.startswith(server + "/") else None


def fetch_status(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(site: BuiltSite, server: str, public_url: str) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Fetch every page and everything it links to once: (status by URL, pages that link to each URL)."""
    # index.html pages are started under their directory URL, the way every link names them.
    start = [server + "/" + p.relative_to(site.root).as_posix().removesuffix("index.html") for p in site.html_files()]
    status: dict[str, int] = {}
    referrers: dict[str, set[str]] = {}
    queue = list(start)
    while queue:
        url = queue.pop()
        if url in status:
            continue
        code, content_type, body = fetch_status(url)
        status[url] = code
        if code != 200 or content_type != "text/html":
            continue
        for link in page_links(body.decode("utf-8", errors="replace")):
            target = internal_target(link, url, server, public_url)
            if target is None:
                continue
            referrers.setdefault(target, set()).add(url.removeprefix(server))
            if target not in status:
                queue.append(target)
    return status, referrers


def public_site_url() -> str:
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        # mkdocs.yml may carry !!python/name tags; only site_url is needed here.
        config = yaml.load(handle, Loader=yaml.BaseLoader)
    url = config.get("site_url", "") or ""
    return url if url.endswith("/") or not url else url + "/"


def test_no_broken_internal_links_or_images(built_site: BuiltSite, site_url: str) -> None:
    status, referrers = crawl(built_site, site_url, public_site_url())
    broken = {url: code for url, code in status.items() if code >= 400}
    print(f"link checker: {len(status)} internal URLs fetched, {len(broken)} broken")
    report = [
        f"{code} {url.removeprefix(site_url)} <- linked from {', '.join(sorted(referrers.get(url, {'(start)'})))}"
        for url, code in sorted(broken.items())
    ]
    assert not broken, "broken internal links:\n" + "\n".join(report)


def test_crawler_reads_every_kind_of_link() -> None:
    html = ('<a href="/blog/">b</a><img src="../img.png" srcset="a.png 1x, b.png 2x">'
            '<a href="mailto:x@example.nl">m</a><a href="https://elders.example.com/">e</a>'
            '<link rel="canonical" href="https://www.example.nl/over/">')
    links = page_links(html)
    targets = {internal_target(link, "http://127.0.0.1:1/blog/x/", "http://127.0.0.1:1", "https://www.example.nl/")
               for link in links}
    assert targets == {
        "http://127.0.0.1:1/blog/",
        "http://127.0.0.1:1/blog/img.png",
        "http://127.0.0.1:1/blog/x/a.png",
        "http://127.0.0.1:1/blog/x/b.png",
        "http://127.0.0.1:1/over/",
        None,
    }


def test_crawler_reports_a_missing_page(tmp_path) -> None:
    """The checker itself can fail: a page with a dead link, served the same way, is reported."""
    import functools
    import http.server
    import threading

    from .conftest import QuietHandler

    (tmp_path / "index.html").write_text('<a href="/bestaat-niet/">weg</a><img src="/logo.png">', encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        status, referrers = crawl(BuiltSite(tmp_path, ""), base, "")
    finally:
        server.shutdown()
        server.server_close()
    assert status[base + "/bestaat-niet/"] == 404
    assert status[base + "/logo.png"] == 200
    assert referrers[base + "/bestaat-niet/"] == {"/"}

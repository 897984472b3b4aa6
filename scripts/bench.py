"""Build-speed benchmark: N generated Dutch posts, a cold `mkdocs build`, time and peak memory.

    scripts/bench 1000                 # the blog build and the plain-pages baseline, median of 3
    scripts/bench 2000 --runs 1        # one run each
    scripts/bench 1000 --serve-edit    # also: one rebuild after editing one post, as `mkdocs serve` does
    scripts/bench 1000 --cold-cards --no-baseline   # the cost of pictures: cold and warm card cache
    scripts/bench 1000 --weight        # first-visit bytes and requests of home, /blog/, a post, the catalogue,
                                       # a course, and what one search downloads (search code included)
    scripts/bench 1000 --weight --lighthouse   # also Lighthouse's mobile scores of those pages
    scripts/bench --weight --example --lighthouse   # the same for the example site itself

The baseline builds the same posts as plain MkDocs pages (mkdocs-material without our templates, same
Markdown extensions, only MkDocs' own search plugin, posts not in the navigation): the price MkDocs itself puts on any MkDocs
blog. The blog build indexes with Pagefind instead (trainersite-search), which the ratio includes.
`--cold-cards` (or `--pictures`) also builds without trainersite-media ("no pictures") and with
the card and image cache of an earlier build kept ("warm pictures", the render cache still cold),
and prints both costs as a share of the build without pictures.
`--weight` builds with precompressed copies and serves the blog on 127.0.0.1 as a host does (gzip where
the browser accepts it), opens each page kind once in Debian's chromium (Playwright), with an empty
cache: the bytes (uncompressed) and requests of a first visit, content images counted apart.
Each build runs in its own process; peak memory is that process's max RSS (os.wait4).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CATEGORIES = [
    "Klantgerichtheid", "Communicatie", "Klachtbehandeling", "Telefonie", "Leiderschap", "Teamontwikkeling",
    "E-mail en chat", "Gesprekstechniek", "Coaching", "Service-design", "Feedback", "Werkplezier",
]
WORDS = (
    "klant gesprek vraag antwoord team medewerker luisteren begrip oplossing afspraak telefoon mail chat "
    "klacht toon vertrouwen rust aandacht samen leren oefenen training praktijk voorbeeld dag week moment "
    "vriendelijk duidelijk eerlijk kort helder open warm concreet snel zorgvuldig goed beter echt "
    "maakt geeft neemt zegt vraagt hoort ziet denkt voelt helpt werkt begint eindigt verandert blijft "
    "de het een en van in op met voor naar maar ook als dan dat die niet wel nog al om bij uit over"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def post_markdown(n: int, rng: random.Random) -> tuple[str, str]:
    """One realistic post (600-900 words: headings, lists, a quote, an excerpt marker)."""
    year = 2011 + n % 15
    day = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    title = f"{sentence(rng)[:-1][:60]} {n}"
    categories = rng.sample(CATEGORIES, rng.randint(1, 3))
    target = rng.randint(600, 900)
    parts = [paragraph(rng, 3), "<!-- more -->"]
    words = 60
    while words < target:
        parts.append(f"## {sentence(rng)[:-1][:50]}")
        parts.append(paragraph(rng, 4))
        parts.append("\n".join(f"- {sentence(rng)}" for _ in range(3)))
        parts.append(f"> {sentence(rng)}")
        parts.append(paragraph(rng, 3))
        words += 170
    meta = {"title": title, "categories": categories, "tags": rng.sample(WORDS[:30], 2)}
    if n % 3 == 0:
        meta["summary"] = sentence(rng)
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"{day}-post-{n}.md", f"---\n{head}date: {day}\n---\n" + "\n\n".join(parts) + "\n"


def make_site(root: Path, count: int, plain: bool, without: tuple[str, ...] = (), example: bool = False,
              compress: bool = False) -> Path:
    """A copy of the example site with `count` generated posts (as posts, or as plain pages); with
    `example`, the example site's own posts and no generated ones."""
    shutil.copytree(REPO / "docs", root / "docs")
    if example:
        shutil.copytree(REPO / "posts", root / "posts")
        count = 0
    shutil.copytree(REPO / "overrides", root / "overrides")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    rng = random.Random(20261123)
    target = root / ("docs/posts-plain" if plain else "posts")
    target.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        name, text = post_markdown(n, rng)
        (target / name).write_text(text, encoding="utf-8")
    config["plugins"] = [p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) not in without]
    if compress:  # .gz/.br copies beside the files, as `trainersite publiceer` writes them
        config["plugins"] = [{"trainersite-delivery": {"compress": True}} if p == "trainersite-delivery" else p
                             for p in config["plugins"]]
    if plain:
        config["plugins"] = ["search"]  # MkDocs' own search plugin, as any plain MkDocs site has
        # mkdocs-material as it comes: our templates need the plugins' labels and data.
        config["theme"].pop("custom_dir", None)
        config.pop("extra_css", None)
        config["not_in_nav"] = "/posts-plain/"
        # The same navigation as the blog site, but for the blog index that only the blog builds.
        config["nav"] = [entry for entry in config["nav"] if "blog/" not in str(entry)]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


PICTURE_CACHES = ("trainersite/cards", "trainersite/images")  # under .cache: trainersite-media's


def timed_build(root: Path, warm: bool = False, keep: tuple[str, ...] = ()) -> tuple[float, float, int, float]:
    """Seconds, peak MB, pages written and CPU seconds of one `mkdocs build` in its own process.

    Cold unless `warm`: the cache is deleted first, but for the folders in `keep` (under .cache).
    """
    site_dir = root / "site"
    shutil.rmtree(site_dir, ignore_errors=True)
    if not warm:
        kept = [(root / ".cache" / name, root / f".kept-{number}") for number, name in enumerate(keep)]
        for folder, aside in kept:
            if folder.is_dir():
                folder.rename(aside)
        shutil.rmtree(root / ".cache", ignore_errors=True)
        for folder, aside in kept:
            if aside.is_dir():
                folder.parent.mkdir(parents=True, exist_ok=True)
                aside.rename(folder)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {root}:\n{proc.stderr.read().decode()}")
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return seconds, usage.ru_maxrss / 1024, pages, usage.ru_utime + usage.ru_stime


def serve_edit(root: Path, preview_parent: str) -> float:
    """Seconds for one rebuild after editing one post, as `mkdocs serve` does it.

    One process and one plugin set for both builds, the output in a fresh `mkdtemp` folder under
    `preview_parent` (scripts/serve puts it in memory, /dev/shm, where there is one).
    """
    code = f"""
import pathlib, shutil, tempfile, time
from mkdocs.config import load_config
from mkdocs.commands.build import build
site_dir = tempfile.mkdtemp(prefix='mkdocs_', dir={preview_parent!r})
serve_url = 'http://127.0.0.1:8000/'
def get_config():
    config = load_config('mkdocs.yml', site_dir=site_dir)
    config.site_url = serve_url
    return config
config = get_config()
config.plugins.on_startup(command='serve', dirty=False)
build(config, serve_url=serve_url)
posts = sorted(pathlib.Path('posts').glob('*.md'))
post = posts[len(posts) // 2]
post.write_text(post.read_text(encoding='utf-8') + '\\nEen extra zin.\\n', encoding='utf-8')
start = time.perf_counter()
build(get_config(), serve_url=serve_url)
print(time.perf_counter() - start)
shutil.rmtree(site_dir)  # as mkdocs serve does when it stops
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode:
        raise SystemExit(done.stderr)
    return float(done.stdout.strip().splitlines()[-1])


def first_visits(root: Path, lighthouse: bool = False) -> None:
    """Serve the built site and print what a first visit of each page kind downloads."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    site = root / "site"
    posts = sorted(p.parent for p in (site / "blog").glob("*/index.html")
                   if p.parent.name not in {"categorie", "archief", "pagina", "tag", "auteur"})
    courses = sorted(p.parent for p in (site / "trainingen").glob("*/index.html"))
    pages = {"home": "/", "blog": "/blog/", "post": f"/{posts[len(posts) // 2].relative_to(site).as_posix()}/",
             "catalogue": "/trainingen/", "course": f"/{courses[0].relative_to(site).as_posix()}/"}

    class Quiet(http.server.SimpleHTTPRequestHandler):
        """Serves the build's precompressed .gz copies where the browser accepts gzip, as hosts do."""

        def log_message(self, *args) -> None:
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            packed = path.with_name(path.name + ".gz")
            if "gzip" not in self.headers.get("Accept-Encoding", "") or not packed.is_file():
                return super().send_head()
            body = packed.open("rb")
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(packed.stat().st_size))
            self.end_headers()
            return body

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    measure = """() => {
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const images = entries.filter(e => e.initiatorType === 'img');
        const sum = list => list.reduce((total, e) => total + e.decodedBodySize, 0);
        return {bytes: sum(entries) - sum(images), requests: entries.length - images.length,
                images: sum(images), image_requests: images.length,
                largest: entries.filter(e => e.initiatorType !== 'img').sort((a, b) => b.decodedBodySize - a.decodedBodySize)
                  .slice(0, 4).map(e => `${new URL(e.name).pathname} ${Math.round(e.decodedBodySize / 1024)} KB`)};
    }"""
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for kind, path in pages.items():
                context = browser.new_context(viewport={"width": 412, "height": 823})  # empty cache: a first visit
                page = context.new_page()
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(500)  # anything a script fetches late
                found = page.evaluate(measure)
                print(f"first visit {kind:9s} {path}: {found['bytes'] / 1024:7.1f} KB in {found['requests']} requests "
                      f"(+ content images {found['images'] / 1024:.1f} KB in {found['image_requests']}); "
                      f"largest: {', '.join(found['largest'])}")
                context.close()
            for term in QUERIES:
                search_cost(browser, base + pages["blog"], term)
            browser.close()
        if lighthouse:
            for kind, path in pages.items():
                print(f"lighthouse mobile {kind:9s} {path}: {lighthouse_scores(base + path)}")
    finally:
        server.shutdown()


# Searched on /blog/ after a first visit: a stemmed word, a very common word, two words.
QUERIES = ["klachten", "een", "gesprekken luisteren"]


def search_cost(browser, url: str, term: str) -> None:
    """What one search downloads after the page has loaded, search code included.

    Counted from the browser context's network events (the search worker's fetches do not show in
    the page's performance timeline), each response's body uncompressed.
    """
    context = browser.new_context(viewport={"width": 1366, "height": 768})  # the header's box is visible
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    fetched: list[tuple[str, int]] = []

    def done(request) -> None:
        try:  # the body as the browser has it: uncompressed, like the first-visit figures
            response = request.response()
            body = len(response.body()) if response else 0
        except Exception:  # noqa: BLE001 - a request the browser dropped has no body
            body = 0
        fetched.append((request.url, body))

    context.on("requestfinished", done)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(term, delay=30)
    page.locator(".md-search-result__list a").first.wait_for(state="attached", timeout=30_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    total = sum(size for _, size in fetched)
    code = sum(size for name, size in fetched if name.endswith(".js") or "wasm" in name.rsplit("/", 1)[-1])
    shown = page.locator(".md-search-result__list > li").count()
    print(f"search {term!r} on /blog/: {total / 1024:7.1f} KB in {len(fetched)} requests "
          f"(search code {code / 1024:.1f} KB of it), {shown} results shown")
    context.close()


def lighthouse_scores(url: str) -> str:
    """Lighthouse's mobile scores (the gates' npm copy, Debian's chromium, nothing fetched from outside)."""
    lighthouse = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not lighthouse.is_file() or not shutil.which("node"):
        return "lighthouse is not installed (scripts/install-gates)"
    flags = ('--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage '
             '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"')
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run(["node", str(lighthouse), url, "--only-categories=performance,accessibility,best-practices,seo",
                               "--output=json", f"--output-path={report}", f"--chrome-flags={flags}", "--quiet"],
                              capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        if done.returncode or not report.is_file():
            return f"lighthouse failed: {done.stderr.strip()[-300:]}"
        import json
        result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: category["score"] for name, category in result["categories"].items()}
    metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
    return (", ".join(f"{name} {round(score * 100) if score is not None else '-'}" for name, score in scores.items())
            + " (" + ", ".join(f"{metric.split('-')[0]}-{metric.split('-')[1]} {result['audits'][metric].get('displayValue', '-')}"
                             for metric in metrics) + ")")


def preview_parents() -> dict[str, str]:
    """Where the preview output goes: on disk (mkdocs serve's default) and in memory (scripts/serve)."""
    from trainersite.core.scratch import memory_folder  # the check trainersite serve uses

    parents = {"on disk": tempfile.gettempdir()}
    if memory := memory_folder():
        parents["in memory"] = memory
    return parents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("posts", nargs="?", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve-edit", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--weight", action="store_true", help="only build the blog once and measure first visits")
    parser.add_argument("--lighthouse", action="store_true", help="with --weight: also Lighthouse's mobile scores")
    parser.add_argument("--example", action="store_true", help="with --weight: the example site's own posts, none generated")
    parser.add_argument("--pictures", "--cold-cards", action="store_true",
                        help="also build without trainersite-media and with a warm card cache: the cost of pictures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trainersite-bench-") as tmp:
        if args.weight:
            root = make_site(Path(tmp) / "blog", args.posts, plain=False, example=args.example, compress=True)
            seconds, _, pages, _ = timed_build(root)
            what = "the example site" if args.example else f"blog {args.posts} posts"
            print(f"{what}: built in {seconds:.2f} s, {pages} pages")
            first_visits(root, lighthouse=args.lighthouse)
            return
        kinds = {"blog": False} if args.no_baseline else {"blog": False, "plain pages": True}
        if args.pictures:
            kinds["no pictures"] = kinds["warm pictures"] = False
        roots = {
            kind: make_site(Path(tmp) / kind.replace(" ", "-"), args.posts, plain,
                            ("trainersite-media",) if kind == "no pictures" else ())
            for kind, plain in kinds.items()
        }
        keep = {"warm pictures": PICTURE_CACHES}
        if args.pictures:
            timed_build(roots["warm pictures"])  # fills the card and image cache the runs keep
        # Runs alternate between the kinds, so a slower spell of a shared machine hits both alike.
        runs: dict[str, list] = {kind: [] for kind in kinds}
        for _ in range(args.runs):
            for kind in kinds:
                runs[kind].append(timed_build(roots[kind], keep=keep.get(kind, ())))
        seconds = {kind: statistics.median(run[0] for run in kind_runs) for kind, kind_runs in runs.items()}
        for kind, kind_runs in runs.items():
            peak = max(run[1] for run in kind_runs)
            cpu = statistics.median(run[3] for run in kind_runs)
            print(f"{kind:13s} {args.posts} posts: {seconds[kind]:6.2f} s (median of {args.runs}: "
                  f"{', '.join(f'{run[0]:.2f}' for run in kind_runs)}), {seconds[kind] / args.posts * 1000:5.1f} ms/post, "
                  f"{kind_runs[0][2]} pages, peak {peak:.0f} MB, CPU {cpu:.2f} s")
        if not args.no_baseline:
            pairs = [blog[0] / plain[0] for blog, plain in zip(runs["blog"], runs["plain pages"])]
            print(f"ratio blog / plain pages: {seconds['blog'] / seconds['plain pages']:.2f}x "
                  f"(run by run: {', '.join(f'{ratio:.2f}' for ratio in pairs)})")
        if args.pictures:
            for kind, what in (("blog", "cold cards and images"), ("warm pictures", "warm card and image cache")):
                extra = seconds[kind] - seconds["no pictures"]
                pairs = [run[0] / bare[0] - 1 for run, bare in zip(runs[kind], runs["no pictures"])]
                print(f"pictures, {what} (a social card for every page): {extra:+.2f} s, "
                      f"{extra / seconds['no pictures'] * 100:+.1f}% of the build without them "
                      f"(run by run: {', '.join(f'{pair * 100:+.1f}%' for pair in pairs)})")
        warm = timed_build(roots["blog"], warm=True)
        print(f"blog, warm render cache: {warm[0]:6.2f} s ({warm[0] / seconds['blog']:.2f}x the cold build), CPU {warm[3]:.2f} s")
        if args.serve_edit:
            for where, parent in preview_parents().items():
                times = [serve_edit(roots["blog"], parent) for _ in range(args.runs)]
                rebuild = statistics.median(times)
                print(f"serve rebuild after editing one post, preview folder {where}: {rebuild:.2f} s "
                      f"(median of {args.runs}: {', '.join(f'{t:.2f}' for t in times)}; "
                      f"{rebuild / seconds['blog']:.2f}x the cold build)")

if __name__ == "__main__":
    main()

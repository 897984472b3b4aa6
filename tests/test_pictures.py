"""Pictures: social cards for every page, responsive images, metadata stripped, bad pictures.

Whole sites are built in temporary folders and read back as a browser and a social network would:
the og:image of every page is fetched from the built folder and decoded, every srcset candidate
is opened and measured.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from sitebuilder import REPO, SiteBuilder, post_text
from trainersite.core.errors import ContentError
from trainersite.media import social_cards
from trainersite.media.card_pool import CHUNK, CardPool, draw_chunk
from trainersite.media.images import target_widths
from trainersite.media.social_cards import Card, CardJob, CardStyle

SITE = "https://www.example.nl/"
GPS_IFD = 0x8825
ORIENTATION = 0x0112
LONG_WORD = "klantenservicemedewerkers"  # 25 letters
DUTCH_TITLE = (
    f"Waarom ĳverige {LONG_WORD} in België bij een klacht eerst luisteren en dan "
    "oplossingen zoeken voor klanten"
)
STYLE = CardStyle("#4051b5", "#ffffff", "#ff6e42", "Verbeek Klantcontact", "www.example.nl")


def write_photo(path: Path, size=(1600, 1000), gps=True, orientation=6) -> None:
    """A camera-like JPEG: EXIF with GPS position and an orientation tag (6: turn 90° clockwise)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (90, 140, 200))
    image.paste((250, 200, 40), (0, 0, size[0] // 4, size[1] // 4))  # a corner to tell the turn by
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Voorbeeldcamera"
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 10.0)})
    image.save(path, "JPEG", exif=exif, quality=85)


def test_dutch_title_stays_inside_the_margins():
    assert len(DUTCH_TITLE) == 120 and "ë" in DUTCH_TITLE and "ĳ" in DUTCH_TITLE and LONG_WORD in DUTCH_TITLE
    card = Card(DUTCH_TITLE, "Blog", "Annelies Verbeek · 6 september 2011")
    boxes = social_cards.layout(card, STYLE)
    inner = (social_cards.MARGIN_X - 4, social_cards.MARGIN_TOP - 16,
             social_cards.WIDTH - social_cards.MARGIN_X + 4, social_cards.HEIGHT - social_cards.MARGIN_BOTTOM + 16)
    for box in boxes:
        left, top, right, bottom = box.box
        assert inner[0] <= left and inner[1] <= top and right <= inner[2] and bottom <= inner[3], box
    for first, second in zip(boxes, boxes[1:]):  # no two lines drawn over each other
        if first.box[0] < second.box[2] and second.box[0] < first.box[2]:
            assert first.box[3] <= second.box[1] or second.box[3] <= first.box[1], (first, second)
    # Never clipped: every letter of the title is on the card (hyphens only where a word was split).
    title_lines = [box.text for box in boxes if box.font == str(social_cards.BOLD)]
    joined = "".join(line[:-1] if line.endswith("-") else line + " " for line in title_lines)
    assert joined.split() == DUTCH_TITLE.split()
    # The ink itself, drawn: inside the margins as well.
    ink = social_cards.text_mask(card, STYLE).getbbox()
    assert ink is not None and inner[0] <= ink[0] and inner[1] <= ink[1] and ink[2] <= inner[2] and ink[3] <= inner[3]
    image = social_cards.render(card, STYLE)
    assert image.size == (1200, 630)


def test_a_title_beyond_any_sensible_length_is_shortened_not_cut_off():
    card = Card(" ".join([DUTCH_TITLE] * 8))
    boxes = social_cards.layout(card, STYLE)
    assert boxes[-1].text.endswith("…") or any(box.text.endswith("…") for box in boxes)
    assert all(box.box[3] <= social_cards.HEIGHT - social_cards.MARGIN_BOTTOM + 16 for box in boxes)


def test_card_key_changes_with_what_the_card_shows():
    card = Card("Titel", "Blog", "Annelies · 1 januari 2020")
    assert social_cards.card_key(card, STYLE) == social_cards.card_key(Card("Titel", "Blog", "Annelies · 1 januari 2020"), STYLE)
    assert social_cards.card_key(card, STYLE) != social_cards.card_key(Card("Titel", "Blog", "Joost · 1 januari 2020"), STYLE)
    other = CardStyle("#009485", "#ffffff", "#ff6e42", "Verbeek Klantcontact", "www.example.nl")
    assert social_cards.card_key(card, STYLE) != social_cards.card_key(card, other)


def test_widths_are_never_upscaled():
    assert target_widths(4000) == [480, 800, 1200]
    assert target_widths(1000) == [480, 800, 1000]
    assert target_widths(300) == [300]


def test_brand_colours_come_from_the_theme_palette():
    assert social_cards.brand_colours({"primary": "teal", "accent": "amber"}, {})[::2] == ("#009485", "#ffaa00")
    assert social_cards.brand_colours({"primary": "indigo"}, {})[1] == "#ffffff"  # the text colour that reads best
    assert social_cards.brand_colours({"primary": "yellow"}, {})[1] == "#1a1a1a"
    assert social_cards.brand_colours([{"primary": "indigo"}], {"accent": "#123456"})[2] == "#123456"


def _meta(page: str) -> dict[str, str]:
    head = page[: page.index("</head>")]
    return {key: html.unescape(value) for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', head)}


def _local(url: str, site: Path, page_dir: Path | None = None) -> Path:
    if url.startswith(SITE):
        return site / url[len(SITE):]
    assert page_dir is not None, url
    return (page_dir / url).resolve()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = SiteBuilder(tmp_path_factory.mktemp("pictures"))
    write_photo(site.docs / "assets/images/posts/vergadering.jpg")
    write_photo(site.docs / "assets/images/team.jpg", size=(900, 600), orientation=1)
    (site.docs / "assets/images/trainingen").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (2000, 1000), (30, 160, 120)).save(site.docs / "assets/images/trainingen/cursus.png")
    site.page("over.md", "# Over ons\n\n![Het team aan tafel](assets/images/team.jpg)\n\n![Zaal](assets/images/posts/vergadering.jpg)\n")
    site.page("trainingen/index.md", "# Trainingen\n")
    site.page("trainingen/klantgericht.md", "---\ntitle: Klantgericht\nsummary: Twee dagen oefenen.\nformat: [open]\n"
              "image: /assets/images/trainingen/cursus.png\nsessions:\n  - {start: 2099-03-09 09:30, end: 2099-03-09 17:00, location: Utrecht}\n---\nTekst.\n")
    site.post("2020-01-01-met-foto.md", post_text("Met foto", "2020-01-01", categories=["Klachten"],
                                                  image="/assets/images/posts/vergadering.jpg"))
    site.post("2020-01-02-lang.md", post_text(DUTCH_TITLE, "2020-01-02", categories=["Klachten"]))
    for n in range(3, 6):
        site.post(f"2020-01-{n:02d}-p.md", post_text(f"Bericht {n}", f"2020-01-{n:02d}", categories=["Telefonie"]))
    result = site.build()
    assert result.returncode == 0, result.output
    return site, result


def _pages(site: Path) -> list[Path]:
    # Redirect stubs (aliases) and the 404 page are not shared; every other page is.
    return [p for p in site.rglob("index.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]


def test_every_page_has_a_share_picture_that_exists_and_decodes(built):
    _, result = built
    pages = _pages(result.site)
    assert len(pages) >= 10
    for page in pages:
        meta = _meta(page.read_text(encoding="utf-8"))
        assert meta.get("og:image", "").startswith(SITE), page
        assert meta["twitter:image"] == meta["og:image"] and meta["twitter:card"] == "summary_large_image"
        assert meta["og:image:alt"]
        picture = _local(meta["og:image"], result.site)
        with Image.open(picture) as image:
            image.load()
            assert image.size == (int(meta["og:image:width"]), int(meta["og:image:height"])), page
            if "/social/" in meta["og:image"]:
                assert image.size == (1200, 630) and image.format == "PNG"


def test_posts_without_image_share_their_card_and_feeds_carry_it(built):
    _, result = built
    meta = _meta(result.page("blog/bericht-3/"))
    assert "/assets/images/social/" in meta["og:image"]
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', result.page("blog/bericht-3/"), re.DOTALL)[1]
    assert f'"image": "{meta["og:image"]}"' in ld or f'"image":"{meta["og:image"]}"' in ld
    feed = (result.site / "feed.xml").read_text(encoding="utf-8")
    assert f'<enclosure url="{meta["og:image"]}"' in feed
    photo = _meta(result.page("blog/met-foto/"))["og:image"]
    assert "/responsive/" in photo and photo.endswith("-1000.jpg")  # the photo, turned: 1000 px wide
    assert f'<enclosure url="{photo}"' in feed


def test_srcset_candidates_exist_with_the_stated_widths_and_sizes_match(built):
    _, result = built
    checked = 0
    for page in _pages(result.site):
        text = page.read_text(encoding="utf-8")
        for srcset in re.findall(r'srcset="([^"]+)"', text):
            for candidate in srcset.split(", "):
                url, width = candidate.rsplit(" ", 1)
                with Image.open(_local(html.unescape(url), result.site, page.parent)) as image:
                    assert f"{image.width}w" == width, (page, url)
                checked += 1
        for tag in re.findall(r"<img\b[^>]*\bsrcset=[^>]*>", text):
            src = re.search(r'src="([^"]+)"', tag)[1]
            width, height = re.search(r'width="(\d+)" height="(\d+)"', tag).groups()
            with Image.open(_local(html.unescape(src), result.site, page.parent)) as image:
                assert image.size == (int(width), int(height)), (page, tag)
            assert 'decoding="async"' in tag
    assert checked > 20


def test_markdown_pictures_become_responsive_and_only_the_first_loads_at_once(built):
    _, result = built
    page = result.page("over/")
    pictures = re.findall(r"<picture>.*?</picture>", page, re.DOTALL)
    assert len(pictures) == 2
    assert 'type="image/webp"' in pictures[0] and 'alt="Het team aan tafel"' in pictures[0]
    assert 'loading="lazy"' not in pictures[0] and 'loading="lazy"' in pictures[1]
    assert "team-900.jpg 900w" in pictures[0] and "team-1200" not in pictures[0]  # never upscaled


def test_thumbnails_on_listings_home_and_catalogue(built):
    _, result = built
    for url in ("blog/", "blog/categorie/klachten/", "blog/archief/2020/", ""):
        assert re.search(r'<img class="ts-card__image" src="[^"]*vergadering-1000\.jpg"', result.page(url)), url
    catalogue = result.page("trainingen/")
    assert re.search(r'<img class="ts-course-card__image" src="[^"]*cursus-1200\.png"[^>]*width="1200" height="600"', catalogue)
    post = result.page("blog/met-foto/")
    assert re.search(r'<img class="ts-post__image" [^>]*width="1000" height="1600"', post)


def test_published_jpegs_carry_no_gps_and_are_turned_upright(built):
    _, result = built
    jpegs = list(result.site.rglob("*.jpg"))
    assert len(jpegs) >= 6
    for path in jpegs:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD) and GPS_IFD not in exif, path
            assert exif.get(ORIENTATION, 1) == 1, path
    with Image.open(result.site / "assets/images/posts/vergadering.jpg") as original:
        assert original.size == (1000, 1600)  # the published original too: turned, no metadata
        assert original.getpixel((990, 10))[0] > 200  # the yellow corner went to the top right


def test_warm_rebuild_makes_no_new_pictures(built):
    site, result = built
    cache = site.root / ".cache/trainersite"
    published = sorted(p.name for p in (result.site / "assets/images/social").iterdir())
    cards = sorted(p.name for p in (cache / "cards").iterdir())
    # Every published card is in the cache (the render cache's clean-up leaves them alone), nothing else is.
    assert published and cards == published
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file() and ("/cards/" in str(p) or "/images/" in str(p))}
    again = site.build()
    assert again.returncode == 0, again.output
    after = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file() and ("/cards/" in str(p) or "/images/" in str(p))}
    assert after == before
    assert sorted(p.name for p in (result.site / "assets/images/social").iterdir()) == published


def _card_jobs(folder: Path, count: int) -> list[CardJob]:
    folder.mkdir(parents=True, exist_ok=True)
    return [CardJob(Card(f"{DUTCH_TITLE[: 30 + 3 * n]} {n}", "Blog", f"Annelies Verbeek · {n % 28 + 1} maart 2024"),
                    STYLE, str(folder / f"{n}.png"), f"posts/bericht-{n}.md") for n in range(count)]


def test_cards_drawn_by_helpers_have_the_bytes_of_cards_drawn_in_one_process(tmp_path):
    count = 3 * CHUNK + 5
    serial = _card_jobs(tmp_path / "serial", count)
    assert draw_chunk(serial) == []
    pool = CardPool(helpers=1)
    parallel = _card_jobs(tmp_path / "parallel", count)
    pool.submit(parallel)
    pool.submit(parallel[:3])  # a card already on its way is not drawn twice
    first = pool._chunks[0][1]
    assert first is not None and first.result() == []  # this chunk a helper process drew
    pool.finish()
    assert pool.made == count and pool._executor is None
    for one, other in zip(serial, parallel):
        assert Path(one.path).read_bytes() == Path(other.path).read_bytes(), one.card.title
    # The same input gives the same bytes, every time: what the cache relies on.
    assert social_cards.encode(social_cards.render(serial[0].card, STYLE)) == Path(serial[0].path).read_bytes()
    with Image.open(serial[-1].path) as card:
        assert card.size == (1200, 630) and card.format == "PNG"
    assert not list(tmp_path.rglob("*.part"))


def test_a_card_a_helper_cannot_draw_is_one_line_naming_the_page_and_the_file(tmp_path):
    jobs = _card_jobs(tmp_path / "cards", 2 * CHUNK)
    jobs[1] = CardJob(jobs[1].card, STYLE, str(tmp_path / "weg" / "kaart.png"), "posts/kapot.md")  # no such folder
    pool = CardPool(helpers=1)
    pool.submit(jobs)
    first = pool._chunks[0][1]
    assert first is not None and [index for index, _ in first.result()] == [1]  # the helper met the error
    with pytest.raises(ContentError) as caught:
        pool.finish()
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message, message
    assert message.startswith("posts/kapot.md: expected a social card drawn into ") and "weg/kaart.png" in message
    assert "FileNotFoundError" in message
    assert pool._executor is None  # the helpers are stopped
    assert all(Path(job.path).is_file() for number, job in enumerate(jobs) if number != 1)


def test_a_logo_that_cannot_be_read_stops_the_build_with_one_line_naming_it(site):
    (site.docs / "assets").mkdir(exist_ok=True)
    (site.docs / "assets/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 50)
    site.plugin("trainersite-media")["logo"] = "assets/logo.png"
    for n in range(1, 2 * CHUNK + 1):  # enough cards for the helper processes
        site.post(f"2020-02-{n % 28 + 1:02d}-p{n}.md", post_text(f"Bericht {n}", f"2020-02-{n % 28 + 1:02d}"))
    result = site.build()
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.output
    assert "'trainersite-media.logo': expected a PNG, JPEG or WebP file" in errors[0] and "assets/logo.png" in errors[0], errors[0]
    assert not (result.site / "assets/images/social").exists()


def test_a_cache_folder_that_is_a_file_is_one_line(site):
    site.post("2020-01-01-p.md", post_text("Bericht", "2020-01-01"))
    (site.root / "cache-bestand").write_text("geen map", encoding="utf-8")
    site.plugin("trainersite-media")["cache_dir"] = "cache-bestand"
    result = site.build()
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "'trainersite-media.cache_dir': expected a folder the build can write to" in errors[0], result.output


@pytest.mark.parametrize("kind", ["missing", "corrupt", "huge", "unsupported", "truncated"])
def test_bad_pictures_stop_the_build_with_one_line(site, kind):
    target = site.docs / "assets/images/foto.jpg"
    target.parent.mkdir(parents=True, exist_ok=True)
    expected = {
        "missing": "exists",  # checked when the post is read, before the picture is opened
        "corrupt": "no picture Pillow can read",
        "huge": "at most 40 megapixels",
        "unsupported": "this one is TIFF",
        "truncated": "undamaged",
    }[kind]
    if kind == "corrupt":
        target.write_text("dit is geen foto", encoding="utf-8")
    elif kind == "huge":
        Image.new("L", (7000, 6000)).save(target, "JPEG")
    elif kind == "unsupported":
        Image.new("RGB", (40, 40)).save(target, "TIFF")
    elif kind == "truncated":
        write_photo(target, gps=False)
        target.write_bytes(target.read_bytes()[:2000])
    site.post("2020-01-01-x.md", post_text("Met foto", "2020-01-01", image="/assets/images/foto.jpg"))
    site.configure(theme={"language": "en"})  # the English lines; the Dutch ones are test_messages' business
    result = site.build()
    assert result.returncode != 0
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.output
    assert "posts/2020-01-01-x.md: 'image': expected" in errors[0] and expected in errors[0], errors[0]
    assert "assets/images/foto.jpg" in errors[0]


def test_a_bad_picture_in_markdown_names_the_page(site):
    (site.docs / "assets").mkdir(exist_ok=True)
    (site.docs / "assets/kapot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 50)
    site.page("over.md", "# Over\n\n![kapot](assets/kapot.png)\n")
    result = site.build()
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "docs/over.md: '![]()': expected" in result.output and "docs/assets/kapot.png" in result.output


def test_example_site_pictures_are_original_and_clean():
    for path in (REPO / "docs").rglob("*.jpg"):
        with Image.open(path) as image:
            assert not image.getexif().get_ifd(GPS_IFD), path

"""Whole-site tests of the content pages (issue 14): the catalogue's next date with places, the course
page's table of contents, the order of what comes under a post, plural authors, listing cards with a
thumbnail and the author."""

from __future__ import annotations

import re

import pytest
import yaml
from PIL import Image
from sitebuilder import SiteBuilder, post_text

from test_course_site import course, example_courses, text_of


def flat(html: str) -> str:
    """Plain text without the space text_of leaves before punctuation after an element."""
    return re.sub(r" ([,:])", r"\1", text_of(html))


def card_texts(html: str) -> dict[str, str]:
    """Course cards of the catalogue as plain text, by title."""
    bodies = re.findall(r'<li class="ts-course-card[^"]*">(.*?)</li>\s*(?=<li class="ts-course-card|</ul>\s*</div>)', html, re.S)
    return {re.search(r"<h2[^>]*><a[^>]*>(.*?)</a>", body).group(1): flat(body) for body in bodies}


def toc_links(html: str) -> list[tuple[str, str]]:
    """(anchor, text) of the page's table of contents (Material's secondary navigation)."""
    nav = html[html.index('<nav class="md-nav md-nav--secondary"'):]
    nav = nav[:nav.index("</nav>", nav.index('<ul class="md-nav__list"'))]
    return [(anchor, text_of(label)) for anchor, label in re.findall(r'<a href="#([^"]+)" class="md-nav__link">(.*?)</a>', nav, re.S)]


def test_the_next_date_on_a_card_has_places_and_full_dates_before_it_say_so(site):
    example_courses(site)  # Luisteren: 10 March 2099 full, 16 June 2099 has 4 places
    course(site, "alles-vol", title="Alles vol", summary="Populair.", format="open", price=100,
           sessions=[{"start": "2099-05-01 09:00", "end": "2099-05-01 17:00", "seats_left": 0},
                     {"start": "2099-09-01 09:00", "end": "2099-09-01 17:00", "seats_left": 0}])
    course(site, "onbekend", title="Onbekend aantal", summary="Plaatsen niet verteld.", format="open", price=100,
           sessions=[{"start": "2099-05-02 09:00", "end": "2099-05-02 17:00"}])
    site.post("2020-01-01-x.md", post_text("Met promo", "2020-01-01", training="luisteren"))
    result = site.build()
    assert result.returncode == 0, result.output
    cards = card_texts(result.page("trainingen/"))
    assert "Eerstvolgende 10 maart 2099 (vol), 16 juni 2099: nog 4 plaatsen" in cards["Luisteren"]
    assert "Eerstvolgende 20 april 2099: nog 8 plaatsen" in cards["Klachten online"]
    assert "Eerstvolgende 1 mei 2099 (Vol)" in cards["Alles vol"] and "september" not in cards["Alles vol"]
    assert "Eerstvolgende 2 mei 2099 Meer" in cards["Onbekend aantal"]  # no count told: no count shown
    html = result.page("trainingen/")
    assert '<time datetime="2099-06-16">16 juni 2099</time>' in html and '<time datetime="2099-03-10">' in html
    promo = flat(result.page("blog/met-promo/").split('class="ts-promo', 1)[1].split("</aside>", 1)[0])
    assert "Eerstvolgende: 10 maart 2099 (vol), 16 juni 2099: nog 4 plaatsen" in promo


def test_course_toc_lists_the_generated_sections_around_the_text(site):
    example_courses(site)
    site.post("2020-01-01-luisteren.md", post_text("Goed luisteren", "2020-01-01", categories=["Klantgerichtheid"]))
    course(site, "kaal", "## Aanpak\n\nZo werken we.", title="Kaal", summary="Zonder extra's.", format="incompany")
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("trainingen/luisteren/")
    assert [text for _, text in toc_links(html)] == [
        "In het kort", "Leerdoelen", "Data en inschrijven", "Dit zeggen deelnemers", "Lees ook op het blog",
    ]
    for anchor, text in toc_links(html):  # every entry leads to its heading on the page
        assert re.search(rf'<h2 id="{anchor}"[^>]*>{text}', html), anchor
    bare = result.page("trainingen/kaal/")  # no goals, testimonials or related posts: not in the toc
    assert [text for _, text in toc_links(bare)] == ["In het kort", "Aanpak", "Data en inschrijven"]


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    site = SiteBuilder(tmp_path_factory.mktemp("content-pages"))
    photo = site.docs / "assets/images/posts/zaal.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1600, 900), (40, 120, 90)).save(photo)
    example_courses(site)
    site.page("contact.md", "---\ntitle: Contact\n---\nBel gerust.\n")
    site.post("2021-01-01-samen.md", post_text("Samen geschreven", "2021-01-01", authors=["annelies", "joost"],
                                               categories=["Klantgerichtheid"], image="/assets/images/posts/zaal.jpg"))
    site.post("2021-01-02-alleen.md", post_text("Alleen geschreven", "2021-01-02", authors=["joost"],
                                                categories=["Klantgerichtheid"], training="luisteren"))
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def test_a_post_by_two_authors_is_about_the_authors(blog):
    assert '<h2 id="ts-author-box-title" class="ts-author-box__title">Over de auteurs</h2>' in blog.page("blog/samen-geschreven/")
    assert '<h2 id="ts-author-box-title" class="ts-author-box__title">Over de auteur</h2>' in blog.page("blog/alleen-geschreven/")


def test_english_site_says_about_the_authors(site):
    site.configure(theme={"language": "en"})
    site.post("2021-01-01-samen.md", post_text("Together", "2021-01-01", authors=["annelies", "joost"]))
    result = site.build()
    assert result.returncode == 0, result.output
    assert ">About the authors</h2>" in result.page("blog/together/")


def test_under_a_post_at_most_two_boxes_in_reading_order(blog):
    promoted = blog.page("blog/alleen-geschreven/")
    order = ['class="ts-taxonomy"', 'class="ts-share"', 'class="ts-promo', 'class="ts-post-end',
             'class="ts-author-box"', 'class="ts-newsletter"', 'class="ts-related"']
    positions = [promoted.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert 'class="ts-contact-cta"' not in promoted  # the course is the call to action
    plain = blog.page("blog/samen-geschreven/")
    assert 'class="ts-promo' not in plain and 'class="ts-contact-cta"' in plain
    assert plain.index('class="ts-contact-cta"') < plain.index('class="ts-post-end')
    # author and newsletter share one block: two boxes after the share links, not four
    end = plain.split('<div class="ts-post-end', 1)[1]
    assert end.index('class="ts-author-box"') < end.index('class="ts-newsletter"') < end.index("</aside>\n  </div>")


def test_listing_cards_show_the_thumbnail_and_the_authors(blog):
    for url in ("blog/", "blog/categorie/klantgerichtheid/", "blog/archief/2021/", "blog/auteur/joost/"):
        html = blog.page(url)
        cards = re.findall(r'<article class="ts-card[^"]*">.*?</article>', html, re.S)
        together = next(card for card in cards if "Samen geschreven" in card)
        alone = next(card for card in cards if "Alleen geschreven" in card)
        assert 'class="ts-card ts-card--picture"' in together, url
        assert re.search(r'<source type="image/webp" srcset="[^"]*zaal-\d+\.webp \d+w', together), url
        assert re.search(r'<img class="ts-card__image" src="[^"]*zaal-\d+\.jpg"[^>]*width="\d+" height="\d+"', together), url
        assert '<span class="ts-card__authors">Annelies Verbeek, Joost Hendriks</span>' in together, url
        assert "<img" not in alone and '<span class="ts-card__authors">Joost Hendriks</span>' in alone, url


def test_example_courses_do_not_repeat_their_goals_in_the_text():
    """The front matter's `goals` are shown as "Leerdoelen": the text does not list them again."""
    from sitebuilder import REPO

    for path in sorted((REPO / "docs" / "trainingen").glob("*.md")):
        if path.name == "index.md":
            continue
        head, body = path.read_text(encoding="utf-8").split("---\n", 2)[1:]
        goals = yaml.safe_load(head).get("goals") or []
        assert goals, path.name
        assert not re.search(r"^#+ (Wat je leert|Leerdoelen)\s*$", body, re.M | re.I), path.name

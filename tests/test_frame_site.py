"""Whole-site tests of the site's frame: the home page from docs/index.md's front matter, its one-line
errors, the footer on every page kind, the Dutch 404 and privacy pages, the active tab, the sidebars
each page kind shows, and the frame's Dutch labels."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
import yaml
from sitebuilder import post_text

from test_course_site import example_courses, text_of


def home_page(site, body: str = "## Over mij\n\nIk train teams.\n", **meta) -> None:
    site.page("index.md", "---\n" + yaml.safe_dump({"title": "Home", **meta}, allow_unicode=True, sort_keys=False) + "---\n" + body)


HERO = {
    "title": "Klantcontact <b>dat</b> werkt",
    "text": "Ik train teams die klanten spreken.",
    "buttons": [{"label": "Bekijk de trainingen", "url": "trainingen/"}, {"label": "Neem contact op", "url": "contact/"}],
}


def full_site(site) -> None:
    """Courses, a contact page, a privacy page, posts in two years (archive pages) and a second blog page."""
    example_courses(site)
    site.page("contact.md", "---\ntitle: Contact\n---\nBel of mail.\n")
    site.page("privacy.md", "---\ntitle: Privacyverklaring\n---\nGeen cookies.\n")
    site.configure(extra={"contact": {"privacy_url": "privacy/"}})
    site.plugin("trainersite-blog")["per_page"] = 2
    site.config["nav"] = [{"Home": "index.md"}, {"Blog": "blog/index.md"}, {"Trainingen": "trainingen/index.md"},
                          {"Contact": "contact.md"}]
    for day in range(1, 5):
        site.post(f"b{day}.md", post_text(f"Bericht {day}", f"2024-0{day}-10", categories=["Telefonie"], tags=["stem"]))
    site.post("oud.md", post_text("Oud bericht", "2019-05-01", body="## Een\n\nTekst.\n\n## Twee\n\nMeer tekst.\n"))


# -- the home page ---------------------------------------------------------------------------------


def test_the_home_page_shows_what_its_front_matter_says(site):
    full_site(site)
    home_page(site, hero=HERO, courses=["teamcoaching", "luisteren"], courses_title="Wat ik doe",
              testimonials=1, posts=2, contact="Bel me gerust.")
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("")
    hero = html.split('class="ts-hero"', 1)[1].split("</section>", 1)[0]
    assert "Klantcontact &lt;b&gt;dat&lt;/b&gt; werkt" in hero and "<b>dat</b>" not in hero  # escaped
    assert "Ik train teams die klanten spreken." in hero
    assert re.findall(r'<a class="md-button[^"]*" href="([^"]+)">([^<]+)</a>', hero) == [
        ("trainingen/", "Bekijk de trainingen"), ("contact/", "Neem contact op")]
    assert 'class="md-button md-button--primary" href="trainingen/"' in hero  # the first one stands out
    offer = html.split('class="ts-home__section ts-home__offer"', 1)[1].split("</section>", 1)[0]
    assert "Wat ik doe" in offer
    assert re.findall(r'class="ts-course-card__title"><a href="([^"]+)"', offer) == [
        "trainingen/teamcoaching/", "trainingen/luisteren/"]  # the chosen courses, in the chosen order
    # Under the section's h2 the course titles are h3 (the catalogue's are h2, under its h1).
    assert offer.count('<h3 class="ts-course-card__title">') == 2 and '<h2 class="ts-course-card' not in offer
    quotes = html.split('class="ts-home__section ts-home__quotes"', 1)[1].split("</section>", 1)[0]
    assert quotes.count('<figure class="ts-quote">') == 1 and "Heel bruikbaar." in quotes and "Sanne K." in quotes
    assert 'href="trainingen/luisteren/"' in quotes  # the quote links its course
    posts = html.split('class="ts-home__section ts-latest"', 1)[1].split("</section>", 1)[0]
    assert posts.count('class="ts-card__title"') == 2 and "Bericht 4" in posts and "Bericht 3" in posts
    contact = html.split('class="ts-home__section ts-home__contact"', 1)[1].split("</section>", 1)[0]
    assert "Bel me gerust." in contact and 'href="mailto:info@example.nl"' in contact and 'href="tel:+31301234567"' in contact
    assert "Ik train teams." in text_of(html)  # the Markdown under the front matter
    assert html.count("<h1") == 1


def test_without_settings_the_home_page_shows_every_course_and_the_blogs_number_of_posts(site):
    full_site(site)
    site.plugin("trainersite-blog")["home_latest"] = 3
    home_page(site, body="# Welkom\n\nDe startpagina.\n")
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("")
    assert 'class="ts-hero"' not in html and "Welkom" in html
    assert len(re.findall(r"<h1[ >]", html.split('class="ts-home"', 1)[1])) == 1  # the Markdown's own, not a second
    assert html.count('class="ts-course-card__title"') == 3
    assert html.split('class="ts-home__section ts-latest"', 1)[1].count('class="ts-card__title"') == 3
    assert html.count('<figure class="ts-quote">') == 1  # the one testimonial there is


@pytest.mark.parametrize(("meta", "says"), [
    ({"heor": HERO}, "docs/index.md: onbekende sleutel 'heor': bedoel je 'hero'?"),
    ({"hero": {**HERO, "titel": "x"}}, "docs/index.md: onbekende sleutel 'hero.titel': bedoel je 'hero.title'?"),
    ({"courses": ["bestaat-niet"]}, "docs/index.md: 'courses': verwacht de slug van een training (luisteren, klachten-online, teamcoaching), maar er staat 'bestaat-niet'"),
    ({"posts": -1}, "docs/index.md: 'posts': verwacht een heel getal van minstens 0, maar er staat -1"),
    ({"hero": {**HERO, "buttons": [{"label": "Klik", "url": "javascript:alert(1)"}]}}, "docs/index.md: 'hero.buttons[1].url': verwacht een https://-adres"),
    ({"hero": {**HERO, "buttons": [{"label": "Weg", "url": "bestaat-niet/"}]}}, "docs/index.md: 'hero.buttons[1].url': verwacht een pagina in docs/ die bestaat"),
    ({"hero": {"text": "Geen kop."}}, "docs/index.md: 'hero.title': verwacht een tekst (niet leeg)"),
])
def test_a_bad_home_key_is_one_line_naming_file_and_key(site, meta, says):
    full_site(site)
    home_page(site, **meta)
    result = site.build()
    assert result.returncode != 0
    lines = [line for line in result.output.splitlines() if "docs/index.md" in line]
    assert len(lines) == 1 and says in lines[0], result.output
    assert "Traceback" not in result.output


# -- the footer, the tabs and the sidebars on every page kind ---------------------------------------

KINDS = {
    "home": "", "post": "blog/bericht-4/", "blog": "blog/", "blog page 2": "blog/pagina/2/",
    "category": "blog/categorie/telefonie/", "categories": "blog/categorie/", "archive": "blog/archief/2024/",
    "tag": "blog/tag/stem/", "tags": "blog/tag/", "author": "blog/auteur/annelies/", "catalogue": "trainingen/",
    "course": "trainingen/luisteren/", "contact": "contact/", "privacy": "privacy/", "404": "404.html",
}
BLOG_KINDS = {"post", "blog", "blog page 2", "category", "categories", "archive", "tag", "tags", "author"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from sitebuilder import SiteBuilder

    site = SiteBuilder(tmp_path_factory.mktemp("frame"))
    full_site(site)
    home_page(site, hero=HERO)
    site.page("nieuwsbrief.md", "---\ntitle: Nieuwsbrief\n---\nEén keer per maand een tip.\n")
    site.configure(extra={"contact": {"social": [{"name": "Mastodon", "url": "https://social.example.nl/@a?x=1&y=2"}]}})
    result = site.build()
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_page_has_the_footer_with_the_contact_data(built, kind):
    html = built.page(KINDS[kind])
    assert html.count('<footer class="md-footer ts-footer">') == 1, kind
    footer = html.split('<footer class="md-footer ts-footer">', 1)[1].split("</footer>", 1)[0]
    text = text_of(footer)
    for value in ("Verbeek Klantcontact", "Annelies Verbeek", "Voorbeeldstraat 12", "3511 AB Utrecht", "KvK 12345678", "030 123 4567"):
        assert value in text, (kind, value, text)
    assert 'href="mailto:info@example.nl"' in footer and 'href="tel:+31301234567"' in footer
    # The social link as configured (https only, checked in courses/contact.py), its ampersand escaped.
    assert 'href="https://social.example.nl/@a?x=1&amp;y=2"' in footer
    links = {text: href for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer)}
    own = {"contact": "Contact", "privacy": "Privacy"}.get(kind)  # a page links itself as ./
    for label, target in (("Contact", "contact/"), ("Privacy", "privacy/"), ("RSS-feed van het blog", "feed.xml")):
        assert links[label].endswith(target) or (label == own and links[label] == "./"), (kind, label, links)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_tab_of_the_pages_section_is_active(built, kind):
    html = built.page(KINDS[kind])
    active = re.findall(r'md-tabs__item md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">\s*([^<]+?)\s*</a>', html)
    expected = {"home": ["Home"], "catalogue": ["Trainingen"], "course": ["Trainingen"], "contact": ["Contact"]}
    want = ["Blog"] if kind in BLOG_KINDS else expected.get(kind, [])
    assert active == want, (kind, active)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_page_shows_the_docs_navigation_and_only_posts_and_courses_a_table_of_contents(built, kind):
    html = built.page(KINDS[kind])
    assert re.search(r'data-md-type="navigation"\s+hidden', html), kind
    toc = re.search(r'data-md-type="toc"\s*(hidden)?', html)
    if kind == "course":
        assert toc and not toc.group(1)
    elif kind != "404":
        assert toc and toc.group(1), kind


def test_a_post_keeps_its_table_of_contents_only_when_it_has_headings(built):
    with_headings = built.page("blog/oud-bericht/")
    assert re.search(r'data-md-type="toc"\s*>', with_headings) and "Link naar dit kopje" in with_headings
    without = built.page("blog/bericht-4/")
    assert re.search(r'data-md-type="toc"\s+hidden', without)


def test_the_frame_speaks_dutch(built):
    html = built.page("blog/oud-bericht/")
    assert 'aria-label="Kopregel"' in html and 'aria-label="Hoofdmenu"' in html
    assert 'aria-label="Header"' not in html and 'aria-label="Tabs"' not in html
    assert 'title="Permanent link"' not in html and 'title="Link naar dit kopje"' in html
    assert 'alt="logo"' not in html and 'class="md-header__button md-logo" aria-label="Verbeek Klantcontact"' in html


def test_the_newsletter_page_says_nieuwsbrief_once(built):
    html = built.page("nieuwsbrief/")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert re.findall(r"<h[12][^>]*>([^<]*)", article) == ["Nieuwsbrief"]  # the page's H1, no box heading under it
    assert '<aside class="ts-newsletter" aria-label="Nieuwsbrief">' in article and "<form" in article


# -- 404 and privacy ---------------------------------------------------------------------------------


def test_the_404_page_is_dutch_with_links_home_to_the_blog_and_a_search_box(built):
    html = built.page("404.html")
    assert "<title>Pagina niet gevonden - Verbeek Klantcontact</title>" in html and "Not found" not in html
    body = html.split('class="ts-not-found"', 1)[1]
    assert '<form class="ts-not-found__search" role="search" data-ts-search-open>' in body
    assert '<label for="ts-not-found-q">Zoek op de site</label>' in body
    links = dict((text, href) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', body.split("</ul>", 1)[0]))
    # Absolute paths: a 404 page is served at any address, however deep.
    resolved = {text: urljoin("https://www.example.nl/a/b/c", href) for text, href in links.items()}
    assert resolved == {"Naar de startpagina": "https://www.example.nl/", "Naar het blog": "https://www.example.nl/blog/"}
    assert "assets/javascripts/search.js" in html


def test_an_english_site_gets_an_english_404(site):
    site.configure(theme={"language": "en"})
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("404.html")
    assert "<title>Page not found - " in html and "To the home page" in html and "Search the site" in html
    assert 'aria-label="Main menu"' in html


def test_the_privacy_page_is_linked_from_the_footer_the_contact_form_and_the_newsletter(built):
    assert "Geen cookies." in built.page("privacy/")
    contact = built.page("contact/")
    form = contact.split('class="ts-contact-form"', 1)[1].split("</section>", 1)[0]
    assert re.search(r'class="ts-form__privacy">[^<]*<a href="\.\./privacy/">', form)
    newsletter = built.page("blog/bericht-4/").split('class="ts-newsletter', 1)[1].split("</aside>", 1)[0]
    assert 'href="../../privacy/"' in newsletter


def test_a_privacy_url_to_a_missing_page_is_one_line(site):
    site.configure(extra={"contact": {"privacy_url": "privacy/"}})
    result = site.build()
    assert result.returncode != 0
    assert "'extra.contact.privacy_url'" in result.output and "Traceback" not in result.output


def test_the_shipped_example_home_page_uses_the_front_matter_keys():
    from sitebuilder import REPO

    meta = yaml.safe_load((REPO / "docs" / "index.md").read_text(encoding="utf-8").split("---")[1])
    assert {"hero", "courses", "testimonials", "posts", "contact"} <= set(meta)
    assert (REPO / "docs" / meta["hero"]["image"].lstrip("/")).is_file()

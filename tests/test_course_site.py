"""Whole-site tests of the course catalogue and course pages: build a site, read the HTML, JSON-LD and .ics."""

from __future__ import annotations

import json
import re

import icalendar
import yaml
from sitebuilder import post_text

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def course(site, slug: str, body: str = "Over deze training.", **meta) -> None:
    site.page(f"trainingen/{slug}.md", "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n")


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in JSON_LD.findall(html)]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def example_courses(site) -> None:
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\nOns aanbod.\n")
    course(
        site,
        "luisteren",
        title="Luisteren",
        summary="Twee dagen luisteren en doorvragen.",
        duration="2 dagen",
        format=["open", "incompany"],
        price=1295,
        goals=["Doorvragen tot de kern"],
        max_participants=12,
        sessions=[
            {"start": "2020-03-03 09:30", "end": "2020-03-04 17:00", "location": "Zwolle", "seats_left": 3},
            {"start": "2099-03-10 09:30", "end": "2099-03-11 17:00", "location": "Utrecht", "seats_left": 0},
            {"start": "2099-06-16 09:30", "end": "2099-06-16 17:00", "location": "Amersfoort", "seats_left": 4},
        ],
        testimonials=[{"quote": "Heel bruikbaar.", "name": "Sanne K.", "role": "Teamleider"}],
        categories=["Klantgerichtheid"],
        order=1,
    )
    course(
        site,
        "klachten-online",
        title="Klachten online",
        summary="Een middag klachtgesprekken oefenen.",
        format="online",
        price=495,
        sessions=[{"start": "2099-04-20 13:00", "end": "2099-04-20 16:30", "location": "Online (Zoom)", "seats_left": 8}],
        order=2,
    )
    course(site, "teamcoaching", title="Teamcoaching", summary="Een traject op maat.", format="incompany")


def test_catalogue_shows_cards_in_order_with_dutch_prices_and_a_filter(site):
    example_courses(site)
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("trainingen/")
    cards = re.findall(r'<li class="ts-course-card([^"]*)">(.*?)</li>\s*(?=<li class="ts-course-card|</ul>\s*</div>)', html, re.DOTALL)
    assert [re.search(r"<h2[^>]*><a[^>]*>(.*?)</a>", body).group(1) for _, body in cards] == [
        "Luisteren", "Klachten online", "Teamcoaching",
    ]
    first, second, third = (text_of(body) for _, body in cards)
    assert "Prijs € 1.295 excl. btw" in first
    # the 2020 session is over; the full one is named, the first with places follows
    assert "Eerstvolgende 10 maart 2099 (vol) , 16 juni 2099 : nog 4 plaatsen" in first
    assert "Open inschrijving" in first and "Incompany" in first and "Duur 2 dagen" in first
    assert "Prijs € 495 excl. btw" in second and "Eerstvolgende 20 april 2099" in second
    assert "Prijs op aanvraag" in third and "Eerstvolgende" not in third
    assert cards[0][0] == " ts-course-card--open ts-course-card--incompany"
    # the filter is plain radio buttons: every card is in the page, nothing is hidden without JS or CSS
    assert re.findall(r'name="ts-format" value="(\w+)"', html) == ["all", "open", "online", "incompany"]
    assert "hidden" not in html[html.index('class="ts-course-cards"'):html.index("</ul>", html.index('class="ts-course-cards"'))]
    assert "Ons aanbod." in html


def test_course_page_shows_facts_upcoming_sessions_and_call_to_action(site):
    example_courses(site)
    site.page("contact.md", "---\ntitle: Contact\n---\nBel gerust.\n")
    site.post("2020-01-01-luisteren.md", post_text("Goed luisteren", "2020-01-01", categories=["Klantgerichtheid"]))
    site.post("2020-02-01-anders.md", post_text("Iets anders", "2020-02-01", categories=["Telefonie"]))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("trainingen/luisteren/")
    text = text_of(html)
    assert "<h1>Luisteren</h1>" in html and "Over deze training." in html
    assert "Duur 2 dagen" in text and "Prijs € 1.295 excl. btw" in text and "maximaal 12 deelnemers" in text
    assert "Doorvragen tot de kern" in text
    sessions = re.findall(r'<li class="ts-session[^"]*">(.*?)</li>', html, re.DOTALL)
    assert [text_of(s) for s in sessions] == [
        "dinsdag 10 maart 2099 – woensdag 11 maart 2099, 09:30–17:00 Locatie: Utrecht Vol",
        "dinsdag 16 juni 2099, 09:30–17:00 Locatie: Amersfoort Nog 4 plaatsen",
    ]
    assert "Zwolle" not in html and "2020-03-03" not in html  # the past session is hidden
    assert "Heel bruikbaar." in html and "Sanne K." in html
    assert 'href="../../contact/?training=luisteren#contact-formulier">Inschrijven</a>' in html
    assert 'href="../../blog/goed-luisteren/">Goed luisteren</a>' in html
    assert "Iets anders" not in html  # no shared category
    on_request = result.page("trainingen/teamcoaching/")
    assert ">Offerte aanvragen</a>" in on_request and "Prijs op aanvraag" in on_request


def test_course_json_ld_and_calendar(site):
    example_courses(site)
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("trainingen/luisteren/")
    (data,) = json_ld(html)
    assert data["@type"] == "Course" and data["provider"]["@type"] == "Organization"
    assert data["provider"]["name"] == "Verbeek Klantcontact"
    instances = data["hasCourseInstance"]
    assert [(i["@type"], i["startDate"], i["location"]["name"]) for i in instances] == [
        ("CourseInstance", "2099-03-10T09:30:00+01:00", "Utrecht"),
        ("CourseInstance", "2099-06-16T09:30:00+02:00", "Amersfoort"),
    ]
    assert instances[0]["courseMode"] == "onsite" and instances[0]["offers"]["availability"] == "https://schema.org/SoldOut"
    assert instances[1]["offers"]["price"] == "1295"
    online = json_ld(result.page("trainingen/klachten-online/"))[0]["hasCourseInstance"][0]
    assert online["courseMode"] == "online"
    assert 'href="data.ics"' in html
    calendar = icalendar.Calendar.from_ical((result.site / "trainingen/luisteren/data.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert [(e.decoded("dtstart").isoformat(), str(e["location"])) for e in events] == [
        ("2099-03-10T09:30:00+01:00", "Utrecht"),
        ("2099-06-16T09:30:00+02:00", "Amersfoort"),
    ]
    assert all(str(e["summary"]) == "Luisteren" for e in events)


def test_hostile_course_text_is_escaped_in_html_and_json_ld(site):
    hostile = '<script>alert("x")</script> & </script><!--'
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\nAanbod.\n")
    course(
        site,
        "gevaarlijk",
        title=f"Titel {hostile}",
        summary=f"Samenvatting {hostile}",
        duration=hostile,
        price=100,
        goals=[hostile],
        audience=hostile,
        sessions=[{"start": "2099-01-05 09:00", "end": "2099-01-05 17:00", "location": hostile}],
        testimonials=[{"quote": hostile, "name": hostile, "role": hostile}],
    )
    site.post("2020-01-01-x.md", post_text("Met promo", "2020-01-01", training="gevaarlijk"))
    result = site.build()
    assert result.returncode == 0, result.output
    for url in ("trainingen/gevaarlijk/", "trainingen/", "blog/met-promo/"):
        html = result.page(url)
        assert "alert" in html
        assert '<script>alert("x")' not in html and "<!--'" not in html, url
        assert "&lt;script&gt;alert(" in html, url
    (data,) = json_ld(result.page("trainingen/gevaarlijk/"))
    assert data["name"] == f"Titel {hostile}"
    assert data["hasCourseInstance"][0]["location"]["name"] == hostile


def test_a_post_with_training_shows_the_promo_box_author_and_contact_call(site):
    example_courses(site)
    site.page("contact.md", "---\ntitle: Contact\n---\nBel gerust.\n")
    site.post("2020-01-01-x.md", post_text("Met promo", "2020-01-01", training="luisteren"))
    site.post("2020-01-02-y.md", post_text("Zonder promo", "2020-01-02"))
    result = site.build()
    assert result.returncode == 0, result.output
    html = result.page("blog/met-promo/")
    promo = text_of(html[html.index('class="ts-promo'):html.index("</aside>", html.index('class="ts-promo'))])
    assert "Luisteren" in promo and "Twee dagen luisteren en doorvragen." in promo
    assert "Heel bruikbaar." in promo and "€ 1.295 excl. btw" in promo
    assert 'class="ts-promo__title"><a href="../../trainingen/luisteren/">' in html
    assert 'class="ts-author-box"' in html and "Annelies Verbeek" in html
    assert 'src="../../assets/images/authors/annelies.svg"' in html and 'href="mailto:info@example.nl"' in html
    assert 'class="ts-contact-cta"' not in html  # the course is the call to action: one box, not two
    without = result.page("blog/zonder-promo/")
    assert 'class="ts-promo' not in without
    assert 'class="ts-contact-cta"' in without and 'href="../../contact/">Neem contact op</a>' in without


def test_unknown_training_slug_in_a_post_fails_the_build(site):
    example_courses(site)
    site.post("2020-01-01-x.md", post_text("Met promo", "2020-01-01", training="bestaat-niet"))
    result = site.build()
    assert result.returncode != 0
    assert (
        "posts/2020-01-01-x.md: 'training': verwacht de slug van een training (klachten-online, luisteren, teamcoaching), maar er staat 'bestaat-niet'"
        in result.output
    )
    assert "Traceback" not in result.output


def test_bad_course_front_matter_fails_the_build_naming_file_and_key(site):
    example_courses(site)
    course(site, "kapot", title="Kapot", summary="Iets.", price="op aanvraag")
    result = site.build()
    assert result.returncode != 0
    assert "docs/trainingen/kapot.md: 'price': verwacht een bedrag in euro" in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "trainingen").exists()


def test_session_ending_before_it_starts_fails_the_build(site):
    course(
        site, "omgekeerd", title="Omgekeerd", summary="Iets.",
        sessions=[{"start": "2099-01-05 17:00", "end": "2099-01-05 09:00"}],
    )
    result = site.build()
    assert result.returncode != 0
    assert "docs/trainingen/omgekeerd.md: 'sessions[1].end': verwacht een moment na het begin" in result.output


def test_missing_course_image_fails_the_build(site):
    course(site, "plaatje", title="Plaatje", summary="Iets.", image="/assets/images/bestaat-niet.svg")
    result = site.build()
    assert result.returncode != 0
    assert "docs/trainingen/plaatje.md: 'image': verwacht een afbeelding in docs/" in result.output


def test_a_course_file_name_must_be_a_slug(site):
    course(site, "Mijn Training", title="Mijn training", summary="Iets.")
    result = site.build()
    assert result.returncode != 0
    assert "docs/trainingen/Mijn Training.md: verwacht een bestandsnaam in kleine letters met streepjes, zoals mijn-training.md" in result.output

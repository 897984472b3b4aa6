"""Whole-site tests of the agenda: /agenda/, /agenda.ics and /agenda.xml of every upcoming course session."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import yaml

from sitebuilder import SiteBuilder

from trainersite.core.errors import ContentError
from trainersite.courses.agenda import agenda_entries, by_month, webcal_url
from trainersite.courses.courses import parse_course
from trainersite.courses.ical import session_uid

TZ = ZoneInfo("Europe/Amsterdam")
HOST = "www.example.nl"


def course(site: SiteBuilder, slug: str, **meta) -> None:
    site.page(f"trainingen/{slug}.md", "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\nTekst.\n")


def agenda_site(root, luisteren_first: dict | None = None) -> SiteBuilder:
    site = SiteBuilder(root)
    site.page("trainingen/index.md", "---\ntitle: Trainingen\n---\nOns aanbod.\n")
    site.page("contact.md", "---\ntitle: Contact\n---\nBel of mail.\n")
    site.page("agenda.md", "---\ntitle: Agenda\n---\nAlle data op een rij.\n")
    first = luisteren_first or {"start": "2099-03-10 09:30", "end": "2099-03-11 17:00", "location": "Utrecht", "seats_left": 0}
    course(site, "luisteren", title="Luisteren", summary="Twee dagen luisteren.", format=["open", "incompany"],
           sessions=[
               {"start": "2020-03-03 09:30", "end": "2020-03-04 17:00", "location": "Zwolle", "seats_left": 3},
               first,
               {"start": "2099-06-16 09:30", "end": "2099-06-16 17:00", "location": "Amersfoort", "seats_left": 1},
           ], order=1)
    course(site, "klachten-online", title="Klachten online", summary="Een middag klachten.", format="online",
           sessions=[
               {"start": "2099-03-02 13:00", "end": "2099-03-02 16:30", "location": "Online (Zoom)", "seats_left": 8},
               {"id": "extra-middag", "start": "2099-03-02 09:00", "end": "2099-03-02 12:00", "location": "Online (Zoom)"},
               {"start": "2021-01-01 13:00", "end": "2021-01-01 16:00", "location": "Online (Zoom)"},
           ], order=2)
    course(site, "teamcoaching", title="Teamcoaching", summary="Op maat.", format="incompany")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = agenda_site(tmp_path_factory.mktemp("agenda")).build()
    assert result.returncode == 0, result.output
    return result


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def agenda_items(html: str) -> list[str]:
    return [text_of(item) for item in re.findall(r'<li class="ts-agenda__session[^"]*">(.*?)</li>', html, re.S)]


def test_agenda_lists_every_upcoming_session_across_courses_in_order_and_none_from_the_past(built):
    html = built.page("agenda/")
    items = agenda_items(html)
    assert len(items) == 4
    assert items[0].startswith("maandag 2 maart 2099, 09:00–12:00 Klachten online Online · Locatie: Online (Zoom)")
    assert items[1].startswith("maandag 2 maart 2099, 13:00–16:30 Klachten online Online · Locatie: Online (Zoom) · Nog 8 plaatsen")
    assert items[2].startswith("dinsdag 10 maart 2099 – woensdag 11 maart 2099, 09:30–17:00 Luisteren Open inschrijving · Locatie: Utrecht · Vol")
    assert items[3].startswith("dinsdag 16 juni 2099, 09:30–17:00 Luisteren Open inschrijving · Locatie: Amersfoort · Nog 1 plaats")
    assert "2020" not in text_of(html.split('class="ts-agenda"')[1]) and "Zwolle" not in html and "2021" not in items[0]


def test_agenda_is_grouped_by_month_in_dutch(built):
    html = built.page("agenda/")
    assert re.findall(r'<h2 id="agenda-(\d{4}-\d{2})">([^<]+)</h2>', html) == [("2099-03", "Maart 2099"), ("2099-06", "Juni 2099")]


def test_sign_up_buttons_open_the_contact_form_with_course_and_date(built):
    html = built.page("agenda/")
    assert 'href="../contact/?training=luisteren&amp;datum=2099-06-16#contact-formulier">Inschrijven' in html
    assert 'href="../contact/?training=luisteren&amp;datum=2099-03-10#contact-formulier">Wachtlijst' in html  # full
    assert 'href="../trainingen/klachten-online/">Klachten online</a>' in html
    form = built.page("contact/")
    options = re.findall(r'<option value="([^"]+)" data-training="([^"]+)" data-date="([^"]+)">', form)
    assert options[0] == ("Klachten online, maandag 2 maart 2099, 09:00–12:00, Online (Zoom)", "klachten-online", "2099-03-02")
    assert [o[1:] for o in options] == [("klachten-online", "2099-03-02"), ("klachten-online", "2099-03-02"),
                                        ("luisteren", "2099-03-10"), ("luisteren", "2099-06-16")]


def test_agenda_links_the_calendar_by_webcal_and_https_and_the_feed(built):
    html = built.page("agenda/")
    assert 'href="webcal://www.example.nl/agenda.ics">Abonneer in je agenda-app</a>' in html
    assert 'href="../agenda.ics" type="text/calendar"' in html
    assert 'href="../agenda.xml" type="application/rss+xml"' in html
    assert '<link rel="alternate feed" type="application/rss+xml" title="Nieuwe data via RSS" href="../agenda.xml">' in html


def calendar_of(result) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((result.site / "agenda.ics").read_bytes())


def test_agenda_ics_has_one_event_per_upcoming_session_with_timezone_and_course_url(built):
    calendar = calendar_of(built)
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [
        "klachten-online-extra-middag@www.example.nl",
        "klachten-online-20990302@www.example.nl",
        "luisteren-20990310@www.example.nl",
        "luisteren-20990616@www.example.nl",
    ]
    assert events[2].decoded("dtstart") == datetime(2099, 3, 10, 9, 30, tzinfo=TZ)
    assert events[2]["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert str(events[2]["url"]) == "https://www.example.nl/trainingen/luisteren/"
    assert str(events[2]["location"]) == "Utrecht" and str(events[2]["summary"]) == "Luisteren"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(calendar["x-wr-timezone"]) == "Europe/Amsterdam"


def test_uids_stay_across_builds_and_after_a_time_end_or_location_change(built, tmp_path):
    again = agenda_site(tmp_path / "again").build()
    assert again.returncode == 0, again.output
    assert (again.site / "agenda.ics").read_bytes() == (built.site / "agenda.ics").read_bytes()
    moved = {"start": "2099-03-10 10:00", "end": "2099-03-12 16:00", "location": "Amersfoort", "seats_left": 2}
    edited = agenda_site(tmp_path / "edited", luisteren_first=moved).build()
    assert edited.returncode == 0, edited.output
    before = {str(e["uid"]): e for e in calendar_of(built).walk("VEVENT")}
    after = {str(e["uid"]): e for e in calendar_of(edited).walk("VEVENT")}
    assert after.keys() == before.keys()
    event = after["luisteren-20990310@www.example.nl"]
    assert event.decoded("dtstart") == datetime(2099, 3, 10, 10, 0, tzinfo=TZ) and str(event["location"]) == "Amersfoort"
    # the course's own calendar uses the same UID
    own = icalendar.Calendar.from_ical((edited.site / "trainingen" / "luisteren" / "data.ics").read_bytes())
    assert "luisteren-20990310@www.example.nl" in [str(e["uid"]) for e in own.walk("VEVENT")]


def test_agenda_xml_is_a_clean_feed_with_one_item_per_session(built):
    feed = feedparser.parse((built.site / "agenda.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.id for e in feed.entries] == [str(e["uid"]) for e in calendar_of(built).walk("VEVENT")]
    assert feed.entries[0].title == "Klachten online: maandag 2 maart 2099, 09:00–12:00"
    assert feed.entries[2].link == "https://www.example.nl/trainingen/luisteren/"
    assert "Vol" in feed.entries[2].summary and "Locatie: Utrecht" in feed.entries[2].summary
    assert feed.feed.link == "https://www.example.nl/agenda/"
    assert all(entry.published_parsed for entry in feed.entries)


def test_agenda_page_is_in_the_sitemap(built):
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://www.example.nl/agenda/</loc>" in sitemap


def test_without_agenda_page_there_is_no_agenda(site: SiteBuilder):
    course(site, "luisteren", title="Luisteren", summary="Kort.", sessions=[{"start": "2099-01-01 09:00", "end": "2099-01-01 17:00"}])
    result = site.build()
    assert result.returncode == 0, result.output
    assert not (result.site / "agenda.ics").exists() and not (result.site / "agenda.xml").exists()


def test_an_agenda_without_sessions_says_so(site: SiteBuilder):
    site.page("agenda.md", "---\ntitle: Agenda\n---\nData.\n")
    result = site.build()
    assert result.returncode == 0, result.output
    assert "Er zijn op dit moment geen geplande data." in result.page("agenda/")
    assert feedparser.parse((result.site / "agenda.xml").read_bytes()).entries == []
    assert calendar_of(result).walk("VEVENT") == []


@pytest.mark.parametrize(
    ("sessions", "error"),
    [
        (
            [{"start": "2099-03-10 09:30", "end": "2099-03-10 12:00"}, {"start": "2099-03-10 09:30", "end": "2099-03-10 17:00"}],
            ContentError("docs/trainingen/x.md", "sessions[2].start",
                         "an 'id' (e.g. id: 2099-03-10-middag), because sessions[1] has the same start and the calendar "
                         "tells sessions apart by their start day", "2099-03-10 09:30"),
        ),
        (
            [{"id": "voorjaar", "start": "2099-03-10", "end": "2099-03-10"}, {"id": "voorjaar", "start": "2099-04-10", "end": "2099-04-10"}],
            ContentError("docs/trainingen/x.md", "sessions[2].id", "an id of its own, but sessions[1] has it too", "voorjaar"),
        ),
        (
            [{"id": "voor jaar!", "start": "2099-03-10", "end": "2099-03-10"}],
            ContentError("docs/trainingen/x.md", "sessions[1].id", "letters, digits and hyphens, like voorjaar-2027", "voor jaar!"),
        ),
    ],
)
def test_sessions_that_would_share_a_uid_are_one_line_errors(site: SiteBuilder, sessions, error):
    course(site, "x", title="X", summary="Kort.", sessions=sessions)
    result = site.build()
    assert result.returncode != 0 and "Traceback" not in result.output
    dutch = error.message("nl")  # the example site speaks Dutch
    assert "verwacht" in dutch and [line for line in result.output.splitlines() if dutch in line], result.output


def test_a_file_in_the_way_of_the_agenda_calendar_is_an_error(site: SiteBuilder):
    site.page("agenda.md", "---\ntitle: Agenda\n---\nData.\n")
    site.page("agenda.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    result = site.build()
    assert result.returncode != 0
    error = ContentError("docs/agenda.ics", None, "no file here, the agenda's ics is written to /agenda.ics")
    assert error.message("nl") in result.output


# -- pure functions ---------------------------------------------------------------------------------


def parsed(slug: str, sessions: list[dict], **meta):
    text = "---\n" + yaml.safe_dump({"title": slug.title(), "summary": "S.", "sessions": sessions, **meta}) + "---\n"
    return parse_course(text, f"docs/trainingen/{slug}.md", slug, f"trainingen/{slug}/", TZ, "nl")


def test_entries_are_ordered_by_start_then_end_then_course_and_skip_started_sessions():
    a = parsed("a", [{"start": "2030-01-01 09:00", "end": "2030-01-01 17:00"}, {"start": "2020-01-01", "end": "2020-01-01"}], order=2)
    b = parsed("b", [{"start": "2030-01-01 09:00", "end": "2030-01-01 12:00"}, {"start": "2029-12-31", "end": "2029-12-31"}])
    now = datetime(2025, 1, 1, tzinfo=TZ)
    entries = agenda_entries([a, b], now)
    assert [(e.course.slug, e.session.start.date().isoformat()) for e in entries] == [
        ("b", "2029-12-31"), ("b", "2030-01-01"), ("a", "2030-01-01")]
    assert [m.title for m in by_month(entries, "en")] == ["December 2029", "January 2030"]
    assert agenda_entries([a], datetime(2030, 1, 1, 9, 0, tzinfo=TZ)) == ()  # under way: no longer upcoming


def test_uid_uses_the_id_else_the_start_day_not_the_time():
    early = parsed("a", [{"start": "2030-01-01 09:00", "end": "2030-01-01 17:00"}])
    late = parsed("a", [{"start": "2030-01-01 13:00", "end": "2030-01-02 17:00", "location": "Elders"}])
    named = parsed("a", [{"id": "winter", "start": "2030-01-01", "end": "2030-01-01"}])
    assert session_uid(early, early.sessions[0], HOST) == session_uid(late, late.sessions[0], HOST) == "a-20300101@www.example.nl"
    assert session_uid(named, named.sessions[0], HOST) == "a-winter@www.example.nl"


def test_same_day_sessions_need_an_id():
    with pytest.raises(ContentError, match=r"'sessions\[2\]\.start': expected an 'id'.*same start day"):
        parsed("a", [{"start": "2030-01-01 09:00", "end": "2030-01-01 12:00"}, {"start": "2030-01-01 13:00", "end": "2030-01-01 17:00"}])


def test_webcal_url():
    assert webcal_url("https://www.example.nl/agenda.ics") == "webcal://www.example.nl/agenda.ics"


def test_labels_in_english(tmp_path):
    site = agenda_site(tmp_path)
    site.configure(theme={"language": "en"})
    site.post("2020-01-01-a.md", "---\ntitle: A post\ndate: 2020-01-01\ntags: [Listening]\n---\nText.\n")
    result = site.build()
    assert result.returncode == 0, result.output
    agenda = result.page("agenda/")
    assert "Subscribe in your calendar app" in agenda and '<h2 id="agenda-2099-03">March 2099</h2>' in agenda
    assert "Monday, March 2, 2099" in agenda and ">Waiting list<" in agenda and "1 place left" in agenda
    assert "<h1>Tag: Listening</h1>" in result.page("blog/tag/listening/")
    assert "Posts by Annelies Verbeek" in result.page("blog/auteur/annelies/")
    assert "All posts by Annelies Verbeek" in result.page("blog/a-post/")


def test_course_pages_link_to_the_agenda(built):
    assert '<a href="../../agenda/">Alle data van alle trainingen in de agenda</a>' in built.page("trainingen/luisteren/")

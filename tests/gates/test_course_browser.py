"""Gate: the course catalogue filter and the contact form's course preselection work in a real browser."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gate


def visible_titles(page) -> list[str]:
    cards = page.locator(".ts-course-card")
    return [cards.nth(i).locator("h2").inner_text() for i in range(cards.count()) if cards.nth(i).is_visible()]


def test_catalogue_filter_by_format(page, site_url: str) -> None:
    page.goto(site_url + "/trainingen/")
    everything = visible_titles(page)
    assert len(everything) == 3
    page.locator(".ts-filter__option", has_text="Online").click()
    assert visible_titles(page) == ["Klachten professioneel afhandelen"]
    page.locator(".ts-filter__option", has_text="Incompany").click()
    assert visible_titles(page) == ["Klantgericht communiceren", "Teamcoaching klantcontact"]
    page.locator(".ts-filter__option", has_text="Alle").click()
    assert visible_titles(page) == everything


def test_call_to_action_opens_the_form_with_the_course_chosen(page, site_url: str) -> None:
    page.goto(site_url + "/trainingen/klantgericht-communiceren/")
    page.locator(".ts-course-facts-box a", has_text="Inschrijven").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/contact/?training=klantgericht-communiceren#contact-formulier")
    assert page.locator("#ts-contact-training").input_value() == "klantgericht-communiceren"
    page.goto(site_url + "/contact/?training=bestaat-niet")
    assert page.locator("#ts-contact-training").input_value() == ""


def test_agenda_sign_up_opens_the_form_with_course_and_date_chosen(page, site_url: str) -> None:
    page.goto(site_url + "/agenda/")
    sessions = page.locator(".ts-agenda__session")
    assert sessions.count() >= 3
    # The agenda is in the navigation.
    assert page.locator(".md-tabs a", has_text="Agenda").count() == 1
    item = sessions.filter(has_text="Klachten professioneel afhandelen").filter(has_text="Utrecht")
    item.locator("a.md-button").click()
    page.wait_for_load_state("load")
    assert "/contact/?training=klachten-professioneel-afhandelen&datum=2027-10-05" in page.url
    assert page.locator("#ts-contact-training").input_value() == "klachten-professioneel-afhandelen"
    chosen = page.locator("#ts-contact-session").input_value()
    assert chosen.startswith("Klachten professioneel afhandelen, dinsdag 5 oktober 2027") and chosen.endswith("Utrecht")

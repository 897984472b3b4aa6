"""Unit tests of the contact data core: validation, phone numbers, vCard and business JSON-LD."""

from __future__ import annotations

import pytest
import vobject

from trainersite.courses.contact import business_json_ld, contact_vcard, country_name, parse_contact
from trainersite.core.errors import ContentError

DATA = {
    "name": "Verbeek Klantcontact",
    "person": "Annelies Verbeek",
    "email": "info@example.nl",
    "phone": "030 123 45 67",
    "address": {"street": "Voorbeeldstraat 12", "postal_code": "3511 AB", "city": "Utrecht", "country": "NL"},
    "kvk": "1234 5678",
    "social": [{"name": "LinkedIn", "url": "https://www.linkedin.example.nl/in/annelies"}],
}


def test_contact_data_is_read_and_the_phone_number_made_international():
    contact = parse_contact(DATA)
    assert contact.phone_uri == "tel:+31301234567"
    assert contact.phone == "030 123 4567"
    assert contact.kvk == "12345678"
    assert contact.form_endpoint is None and contact.honeypot_field == "_gotcha"
    assert contact.vcard_name == "verbeek-klantcontact.vcf"
    assert country_name(contact.address.country, "nl") == "Nederland"


def test_a_foreign_number_is_shown_in_international_form():
    contact = parse_contact({**DATA, "phone": "+32 2 555 12 34"})
    assert contact.phone == "+32 2 555 12 34" and contact.phone_uri == "tel:+3225551234"


@pytest.mark.parametrize(
    ("change", "key", "expected"),
    [
        ({"email": "info-at-example.nl"}, "extra.contact.email", "e-mail address"),
        ({"email": None}, "extra.contact.email", "non-empty text"),
        ({"name": ""}, "extra.contact.name", "non-empty text"),
        ({"phone": "bel maar"}, "extra.contact.phone", "phone number"),
        ({"phone": "030 12"}, "extra.contact.phone", "phone number"),
        ({"kvk": "123"}, "extra.contact.kvk", "8 digits"),
        ({"form_endpoint": "formulier.example.nl"}, "extra.contact.form_endpoint", "https://"),
        ({"social": [{"name": "X", "url": "javascript:alert(1)"}]}, "extra.contact.social[1].url", "https://"),
        ({"address": {"street": "Straat 1", "postal_code": "1234 AB", "city": "Utrecht", "country": "Holland"}}, "extra.contact.address.country", "two-letter"),
        ({"address": {"street": "Straat 1"}}, "extra.contact.address.postal_code", "non-empty text"),
        ({"fax": "030"}, "extra.contact.fax", "only address"),
    ],
)
def test_bad_contact_data_names_the_key(change, key, expected):
    with pytest.raises(ContentError) as caught:
        parse_contact({**DATA, **change})
    assert str(caught.value).startswith(f"mkdocs.yml: '{key}': expected")
    assert expected in str(caught.value)


def test_vcard_parses_back():
    card = vobject.readOne(contact_vcard(parse_contact(DATA), "https://www.example.nl/", "nl"))
    assert card.fn.value == "Verbeek Klantcontact"
    assert card.email.value == "info@example.nl"
    assert card.tel.value == "+31301234567"
    assert card.adr.value.city == "Utrecht" and card.adr.value.country == "Nederland"
    assert card.n.value.given == "Annelies" and card.n.value.family == "Verbeek"
    assert card.url.value == "https://www.example.nl/"


def test_business_json_ld():
    data = business_json_ld(parse_contact(DATA), "https://www.example.nl/", "Trainingen")
    assert data["@type"] == "ProfessionalService"
    assert data["telephone"] == "+31301234567"
    assert data["address"]["postalCode"] == "3511 AB" and data["address"]["addressCountry"] == "NL"
    assert data["identifier"]["value"] == "12345678"
    assert data["sameAs"] == ["https://www.linkedin.example.nl/in/annelies"]

"""The business's contact data from `extra.contact` in mkdocs.yml: validated, as vCard and JSON-LD.

Phone numbers are read with `phonenumbers` (so `030 123 45 67` becomes `tel:+31301234567`),
the vCard is written with `vobject`, country names come from babel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

import phonenumbers
import vobject
from babel import Locale

from ..core.errors import ContentError
from ..core.safe_urls import checked_url, https_url
from ..core.schema import ADDRESS, CONTACT, SOCIAL_LINK, table, text
from ..core.urls import slugify

SOURCE = "mkdocs.yml"
KEY = "extra.contact"
FORM_ANCHOR = "contact-formulier"  # the contact form's id: course buttons link to it
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_KVK = re.compile(r"^\d{8}$")


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str
    country: str  # ISO 3166 code, e.g. NL


@dataclass(frozen=True)
class SocialLink:
    name: str
    url: str


@dataclass(frozen=True)
class Contact:
    name: str  # the business, e.g. Verbeek Klantcontact
    email: str
    person: str = ""  # the trainer behind it
    phone: str = ""  # as shown: national form in the home country, else international
    phone_e164: str = ""  # +31301234567
    address: Address | None = None
    kvk: str = ""
    social: tuple[SocialLink, ...] = ()
    form_endpoint: str | None = None  # None: the form falls back to mailto:
    honeypot_field: str = "_gotcha"  # the spam trap field name the form service checks
    privacy_url: str | None = None  # the privacy statement: a page of the site or an https:// address

    @property
    def phone_uri(self) -> str:
        return f"tel:{self.phone_e164}" if self.phone_e164 else ""

    @property
    def vcard_name(self) -> str:
        """File name of the vCard download, e.g. `verbeek-klantcontact.vcf`."""
        return f"{slugify(self.name) or 'contact'}.vcf"


def _text(data: Mapping[str, Any], key: str, where: str, required: bool = False) -> str:
    return text(data, key, SOURCE, where, required) or ""


def _web_address(value: str, where: str) -> str:
    # https only: a form posted over http travels readable; and nothing that could end an attribute.
    return https_url(value, SOURCE, where, CONTACT["form_endpoint"].expected)


def parse_contact(data: object) -> Contact:
    """`extra.contact` of mkdocs.yml -> Contact, or a ContentError naming the key."""
    data = table(data, CONTACT, SOURCE, KEY)
    email = _text(data, "email", KEY, required=True)
    if not _EMAIL.match(email):
        raise ContentError(SOURCE, f"{KEY}.email", CONTACT["email"].expected, email)
    address = _address(data.get("address"))
    region = address.country if address else "NL"
    phone, phone_e164 = _phone(_text(data, "phone", KEY), region)
    kvk = _text(data, "kvk", KEY).replace(" ", "")
    if kvk and not _KVK.match(kvk):
        raise ContentError(SOURCE, f"{KEY}.kvk", CONTACT["kvk"].expected, kvk)
    endpoint = _text(data, "form_endpoint", KEY)
    return Contact(
        name=_text(data, "name", KEY, required=True),
        person=_text(data, "person", KEY),
        email=email,
        phone=phone,
        phone_e164=phone_e164,
        address=address,
        kvk=kvk,
        social=_social(data.get("social")),
        form_endpoint=_web_address(endpoint, f"{KEY}.form_endpoint") if endpoint else None,
        honeypot_field=_text(data, "honeypot_field", KEY) or "_gotcha",
        # Whether the page exists is the adapter's to ask (it knows the site's files).
        privacy_url=checked_url(_text(data, "privacy_url", KEY) or None, SOURCE, f"{KEY}.privacy_url"),
    )


def _address(value: object) -> Address | None:
    if value is None:
        return None
    where = f"{KEY}.address"
    data = table(value, ADDRESS, SOURCE, where)
    country = (_text(data, "country", where) or "NL").upper()
    if country not in Locale.parse("en").territories or not country.isalpha() or len(country) != 2:
        raise ContentError(SOURCE, f"{where}.country", ADDRESS["country"].expected, country)
    return Address(
        street=_text(data, "street", where, required=True),
        postal_code=_text(data, "postal_code", where, required=True),
        city=_text(data, "city", where, required=True),
        country=country,
    )


def _phone(value: str, region: str) -> tuple[str, str]:
    """(as shown, E.164) for a number written in any usual way; empty when absent."""
    if not value:
        return "", ""
    expected = CONTACT["phone"].expected
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise ContentError(SOURCE, f"{KEY}.phone", expected, value) from None
    if not phonenumbers.is_valid_number(number):
        raise ContentError(SOURCE, f"{KEY}.phone", expected, value)
    home = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style), phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _social(value: object) -> tuple[SocialLink, ...]:
    if value is None:
        return ()
    where = f"{KEY}.social"
    if not isinstance(value, list):
        raise ContentError(SOURCE, where, CONTACT["social"].expected, value)
    links = []
    for index, item in enumerate(value, start=1):
        place = f"{where}[{index}]"
        data = table(item, SOCIAL_LINK, SOURCE, place)
        name = _text(data, "name", place, required=True)
        links.append(SocialLink(name, _web_address(_text(data, "url", place, required=True), f"{place}.url")))
    return tuple(links)


def country_name(code: str, locale: str) -> str:
    """`NL` -> `Nederland` on a Dutch site."""
    return Locale.parse(locale).territories.get(code, code)


# -- vCard and JSON-LD -------------------------------------------------------------------------


def contact_vcard(contact: Contact, site_url: str, locale: str) -> str:
    """A vCard 3.0 of the business, for the address book."""
    card = vobject.vCard()
    card.add("fn").value = contact.name
    if contact.person:
        given, _, family = contact.person.partition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
    else:
        card.add("n").value = vobject.vcard.Name()
    card.add("org").value = [contact.name]
    email = card.add("email")
    email.value = contact.email
    email.type_param = "INTERNET"
    if contact.phone_e164:
        phone = card.add("tel")
        phone.value = contact.phone_e164
        phone.type_param = "WORK"
    if contact.address:
        a = contact.address
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=a.street, city=a.city, code=a.postal_code, country=country_name(a.country, locale)
        )
        adr.type_param = "WORK"
    card.add("url").value = site_url
    if contact.kvk:
        card.add("note").value = f"KvK {contact.kvk}"
    return card.serialize()


def business_json_ld(contact: Contact, site_url: str, description: str = "") -> dict:
    """schema.org `ProfessionalService` for the contact page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ProfessionalService",
        "@id": site_url.rstrip("/") + "/#business",
        "name": contact.name,
        "url": site_url,
        "email": contact.email,
    }
    if description:
        data["description"] = description
    if contact.person:
        data["founder"] = {"@type": "Person", "name": contact.person}
    if contact.phone_e164:
        data["telephone"] = contact.phone_e164
    if contact.address:
        a = contact.address
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": a.street,
            "postalCode": a.postal_code,
            "addressLocality": a.city,
            "addressCountry": a.country,
        }
    if contact.kvk:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "KvK", "value": contact.kvk}
    if contact.social:
        data["sameAs"] = [link.url for link in contact.social]
    return data

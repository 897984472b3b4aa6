"""Whole-site tests of the contact page: details from mkdocs.yml, the form, vCard and business JSON-LD."""

from __future__ import annotations

import json
import re

import vobject
import yaml

from test_contact import DATA

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
# The unit tests' contact data, with the KvK number already in the form the page shows.
CONTACT = {**DATA, "kvk": "12345678"}


def contact_site(site, **contact):
    site.config.setdefault("extra", {})["contact"] = {**CONTACT, **contact}
    site.page("contact.md", "---\ntitle: Contact\n---\nBel of mail gerust.\n")
    site.page(
        "trainingen/luisteren.md",
        "---\n" + yaml.safe_dump({"title": "Luisteren", "summary": "Twee dagen."}) + "---\nTekst.\n",
    )
    return site


def test_contact_page_shows_the_details_from_mkdocs_yml(site):
    result = contact_site(site).build()
    assert result.returncode == 0, result.output
    html = result.page("contact/")
    assert "Bel of mail gerust." in html
    assert '<a href="mailto:info@example.nl">info@example.nl</a>' in html
    assert '<a href="tel:+31301234567">030 123 4567</a>' in html
    assert "Voorbeeldstraat 12" in html and "3511 AB Utrecht" in html and "Nederland" in html
    assert "KvK-nummer" in html and "12345678" in html
    assert '<a href="https://www.linkedin.example.nl/in/annelies" rel="me noopener">LinkedIn</a>' in html
    (data,) = [json.loads(block) for block in JSON_LD.findall(html)]
    assert data["@type"] == "ProfessionalService" and data["telephone"] == "+31301234567"
    assert data["address"]["addressLocality"] == "Utrecht"


def test_contact_form_without_endpoint_falls_back_to_mailto_and_says_so(site):
    result = contact_site(site).build()
    assert result.returncode == 0, result.output
    html = result.page("contact/")
    start = html.index('<form class="ts-form"')
    form = html[start:html.index("</form>", start)]
    assert '<form class="ts-form" action="mailto:info@example.nl" method="post" enctype="text/plain">' in form
    assert "verstuurd met je eigen e-mailprogramma" in html
    for name in ("naam", "email", "telefoon", "organisatie", "training", "bericht", "toestemming", "_gotcha"):
        assert f'name="{name}"' in form, name
    assert re.search(r'<input id="ts-contact-consent" type="checkbox" name="toestemming" value="ja" required>', form)
    assert re.search(r'<div class="ts-honeypot" aria-hidden="true">.*?tabindex="-1"', form, re.DOTALL)
    assert '<option value="luisteren">Luisteren</option>' in form
    assert 'src="../assets/javascripts/contact-form.js"' in html
    assert (result.site / "assets/javascripts/contact-form.js").is_file()


def test_contact_form_posts_to_the_configured_endpoint(site):
    result = contact_site(site, form_endpoint="https://formulier.example.nl/f/abc", honeypot_field="website").build()
    assert result.returncode == 0, result.output
    html = result.page("contact/")
    assert '<form class="ts-form" action="https://formulier.example.nl/f/abc" method="post">' in html
    assert "eigen e-mailprogramma" not in html and 'action="mailto:' not in html
    assert 'name="website" tabindex="-1"' in html


def test_vcard_download_parses(site):
    result = contact_site(site).build()
    assert result.returncode == 0, result.output
    html = result.page("contact/")
    assert 'href="verbeek-klantcontact.vcf" download' in html
    card = vobject.readOne((result.site / "contact/verbeek-klantcontact.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "Verbeek Klantcontact"
    assert card.email.value == "info@example.nl" and card.tel.value == "+31301234567"
    assert card.adr.value.code == "3511 AB"


def test_hostile_contact_data_is_escaped(site):
    hostile = '<script>alert("x")</script>'
    result = contact_site(site, name=f"Bureau {hostile}", person=hostile, address={**CONTACT["address"], "street": hostile}).build()
    assert result.returncode == 0, result.output
    html = result.page("contact/")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    data = json.loads(JSON_LD.findall(html)[0])
    assert data["name"] == f"Bureau {hostile}"


def test_bad_phone_number_fails_the_build_naming_the_key(site):
    result = contact_site(site, phone="bel maar").build()
    assert result.returncode != 0
    assert "mkdocs.yml: 'extra.contact.phone': verwacht een telefoonnummer" in result.output
    assert "Traceback" not in result.output


def test_contact_page_without_contact_data_fails_the_build(site):
    site.config.setdefault("extra", {}).pop("contact", None)
    site.page("contact.md", "---\ntitle: Contact\n---\nTekst.\n")
    result = site.build()
    assert result.returncode != 0
    assert "mkdocs.yml: 'extra.contact': verwacht de contactgegevens" in result.output

"""Property tests for the config sections the trainer edits in mkdocs.yml: `extra.contact` (with its
address and social links) and `extra.newsletter`. Any value for any key gives settings the pages can
use, or a ContentError naming mkdocs.yml, the key and what was expected, on one line; never another
exception. A few whole-site builds check that whatever is accepted reaches the pages escaped.

The plugin options are fuzzed in tests/test_fuzz_posts.py (test_any_plugin_option_value_...).
"""

from __future__ import annotations

import html

from markupsafe import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_fuzz_posts import FAST, ODD_TEXT, VALUES, assert_good_error

from sitebuilder import SiteBuilder
from trainersite.blog.newsletter import parse_newsletter
from trainersite.core.errors import ContentError
from trainersite.core.schema import ADDRESS, CONTACT, NEWSLETTER, SOCIAL_LINK
from trainersite.courses.contact import business_json_ld, contact_vcard, parse_contact

SOURCE = "mkdocs.yml"
ADDRESS_OK = {"street": "Voorbeeldstraat 12", "postal_code": "3511 AB", "city": "Utrecht", "country": "NL"}
CONTACT_OK = {"name": "Verbeek Klantcontact", "email": "info@example.nl", "phone": "030 123 45 67",
              "address": ADDRESS_OK, "kvk": "12345678",
              "social": [{"name": "LinkedIn", "url": "https://www.linkedin.example.nl/in/x"}]}
# What an attacker would type into a text or an address.
HOSTILE = st.sampled_from([
    '"><script>alert(1)</script>', "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
    "http://example.nl/form", "//evil.example/x", "https://example.nl/\" onmouseover=\"alert(1)",
    "https://", "https://exa mple.nl", "mailto:x@example.nl", "tel:+31301234567", "\x00", "\x0b", "\ufffe",
    "x" * 300, "-", "0", "", " ",
])
VALUE = VALUES | HOSTILE | ODD_TEXT


def contact_or_error(data: object):
    """Parse, then use the contact the way the pages, the vCard and JSON-LD do; only ContentError may come out."""
    try:
        contact = parse_contact(data)
    except ContentError as err:
        assert_good_error(err, SOURCE)
        assert err.key.startswith("extra.contact"), err.key
        return err
    contact_vcard(contact, "https://www.example.nl/", "nl")
    business_json_ld(contact, "https://www.example.nl/", "Trainingen")
    for link in contact.social:  # a link a page prints is a web address, never a script
        assert link.url.startswith("https://"), link.url
    if contact.form_endpoint:
        assert contact.form_endpoint.startswith("https://")
    return contact


@FAST
@given(key=st.sampled_from(sorted(CONTACT.names) + ["onbekend", "Email"]), value=VALUE)
@example(key="form_endpoint", value="http://example.nl/form")
@example(key="email", value='"><script>@example.nl')
@example(key="kvk", value=12345678)
def test_any_value_for_any_contact_key_gives_contact_data_or_a_content_error(key, value):
    contact_or_error({**CONTACT_OK, key: value})


@FAST
@given(key=st.sampled_from(sorted(ADDRESS.names) + ["straat"]), value=VALUE)
@example(key="country", value="Nederland")
def test_any_value_for_any_address_key_gives_contact_data_or_a_content_error(key, value):
    contact_or_error({**CONTACT_OK, "address": {**ADDRESS_OK, key: value}})


@FAST
@given(links=st.lists(st.dictionaries(st.sampled_from(sorted(SOCIAL_LINK.names) + ["link"]), VALUE, max_size=3), max_size=3)
       | VALUE)
@example(links=[{"name": "X", "url": "javascript:alert(1)"}])
def test_any_social_links_give_contact_data_or_a_content_error(links):
    contact_or_error({**CONTACT_OK, "social": links})


@FAST
@given(table=st.dictionaries(st.sampled_from(sorted(NEWSLETTER.names) + ["signup"]), VALUE, max_size=4) | VALUE,
       contact=st.none() | st.just(CONTACT_OK) | VALUE)
@example(table={"signup_url": "http://nieuwsbrief.example.nl/x"}, contact=None)
@example(table={"privacy_url": "javascript:alert(1)"}, contact=None)
def test_any_newsletter_settings_give_settings_or_a_content_error(table, contact):
    try:
        newsletter = parse_newsletter(table, contact)
    except ContentError as err:
        assert_good_error(err, SOURCE)
        assert err.key.startswith("extra.newsletter"), err.key
        return
    if newsletter.signup_url:
        assert newsletter.signup_url.startswith("https://")
    assert not (newsletter.privacy_url or "").lower().startswith(("javascript:", "data:", "http:"))


@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=HOSTILE | ODD_TEXT, person=HOSTILE | ODD_TEXT, street=HOSTILE | ODD_TEXT)
@example(name='"><script>alert(1)</script>', person="<img src=x onerror=alert(1)>", street="Straat & Co")
def test_a_whole_site_with_fuzzed_contact_text_builds_or_stops_with_one_line(tmp_path_factory, name, person, street):
    root = tmp_path_factory.mktemp("contact")
    site = SiteBuilder(root)
    site.page("contact.md", "---\ntitle: Contact\n---\nBel of mail gerust.\n")
    site.config["extra"]["contact"] = {**CONTACT_OK, "name": name, "person": person,
                                       "address": {**ADDRESS_OK, "street": street}}
    result = site.build(strict=False)
    assert "Traceback" not in result.output, result.output
    if result.returncode != 0:
        errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
        assert errors and all("mkdocs.yml" in line for line in errors), result.output
        return
    contact_page = (result.site / "contact" / "index.html").read_text(encoding="utf-8")
    for value in (name, person, street):
        if "<" in value or '"' in value:
            assert value not in contact_page, f"{value!r} reached the contact page unescaped"
    if name.strip() and "\x00" not in name and "\ufffe" not in name:
        # Shown as the text typed: escaped the way Jinja or Python escapes it.
        shown = {str(escape(name.strip())), html.escape(name.strip()), html.escape(name.strip(), quote=False)}
        assert any(form in contact_page for form in shown), f"{name!r} is not on the contact page"

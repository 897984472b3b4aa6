"""The newsletter signup box: settings from `extra.newsletter` in mkdocs.yml.

```yaml
extra:
  newsletter:
    signup_url: https://example.us1.list-manage.com/subscribe/post?u=...   # absent: RSS link only
    email_field: EMAIL        # the provider's name for the e-mail field (default: email)
    honeypot_field: b_name    # a field bots fill in and people never see (default: website)
    privacy_url: privacy/     # optional: where the privacy line links to
    unsubscribe: "*|UNSUB|*"  # the provider's unsubscribe merge tag, for the digest e-mail
```
Unsubscribe tags: Mailchimp `*|UNSUB|*` (the default), MailerLite `{$unsubscribe}`, Brevo
`{{ unsubscribe }}`, Buttondown `{{ unsubscribe_url }}`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import ContentError
from ..core.safe_urls import checked_url, https_url
from ..core.schema import NEWSLETTER, text
from ..core.schema import table as table_of

SOURCE = "mkdocs.yml"
WHERE = "extra.newsletter"


@dataclass(frozen=True)
class Newsletter:
    signup_url: str | None = None
    email_field: str = "email"
    honeypot_field: str = "website"
    privacy_url: str | None = None
    contact_email: str | None = None
    unsubscribe: str = "*|UNSUB|*"

    @property
    def has_form(self) -> bool:
        return bool(self.signup_url)


def _field(table: dict, key: str, default: str | None) -> str | None:
    if key in table and table[key] is not None and text(table, key, SOURCE, WHERE) is None:
        raise ContentError(SOURCE, f"{WHERE}.{key}", "a non-empty text", table[key])
    return text(table, key, SOURCE, WHERE) or default


def _contact_privacy(contact: object) -> str | None:
    """The contact data's privacy_url (checked by courses/contact.py), when the newsletter names none."""
    value = contact.get("privacy_url") if isinstance(contact, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse_newsletter(table: object, contact: object = None) -> Newsletter:
    table = table_of({} if table is None else table, NEWSLETTER, SOURCE, WHERE)
    signup_url = _field(table, "signup_url", None)
    if signup_url:  # https only: an address typed into a form over http travels readable
        signup_url = https_url(signup_url, SOURCE, f"{WHERE}.signup_url", NEWSLETTER["signup_url"].expected)
    email = contact.get("email") if isinstance(contact, dict) else None
    return Newsletter(
        signup_url=signup_url,
        email_field=_field(table, "email_field", "email"),
        honeypot_field=_field(table, "honeypot_field", "website"),
        # A page or file of the site, or an https:// address; whether the page exists: the adapter.
        privacy_url=checked_url(_field(table, "privacy_url", None), "mkdocs.yml", "extra.newsletter.privacy_url")
        or _contact_privacy(contact),
        contact_email=email if isinstance(email, str) else None,
        unsubscribe=_field(table, "unsubscribe", "*|UNSUB|*"),
    )

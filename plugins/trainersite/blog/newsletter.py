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
    value = table.get(key, default)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ContentError("mkdocs.yml", f"extra.newsletter.{key}", "a non-empty text", value)
    return value.strip() if isinstance(value, str) else value


def parse_newsletter(table: object, contact: object = None) -> Newsletter:
    if table is None:
        table = {}
    if not isinstance(table, dict):
        raise ContentError("mkdocs.yml", "extra.newsletter", "signup_url, email_field, honeypot_field, privacy_url, unsubscribe", table)
    unknown = set(table) - {"signup_url", "email_field", "honeypot_field", "privacy_url", "unsubscribe"}
    if unknown:
        raise ContentError("mkdocs.yml", f"extra.newsletter.{sorted(unknown)[0]}", "only signup_url, email_field, honeypot_field, privacy_url and unsubscribe")
    signup_url = _field(table, "signup_url", None)
    if signup_url:
        signup_url = https_url(signup_url, "mkdocs.yml", "extra.newsletter.signup_url", "an https:// address of the provider's signup form")
    email = contact.get("email") if isinstance(contact, dict) else None
    return Newsletter(
        signup_url=signup_url,
        email_field=_field(table, "email_field", "email"),
        honeypot_field=_field(table, "honeypot_field", "website"),
        # A page or file of the site, or an https:// address; whether the page exists: the adapter.
        privacy_url=checked_url(_field(table, "privacy_url", None), "mkdocs.yml", "extra.newsletter.privacy_url"),
        contact_email=email if isinstance(email, str) else None,
        unsubscribe=_field(table, "unsubscribe", "*|UNSUB|*"),
    )

"""Labels of the site's frame (header, tabs, footer, home page sections, 404 page), per site language.

mkdocs-material's own Dutch table leaves some words English ("Header", "Tabs"); these replace them
in our overrides. Every template gets them as `site_labels` (adapters/templates.py).
"""

from __future__ import annotations

from .i18n import table_for

SITE_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "header": "Kopregel",
        "tabs": "Hoofdmenu",
        "footer": "Voettekst",
        "permalink": "Link naar dit kopje",
        "home_courses": "Trainingen",
        "home_all_courses": "Alle trainingen",
        "home_testimonials": "Dit zeggen deelnemers",
        "home_about": "Over mij",
        "home_contact": "Contact",
        "home_contact_link": "Neem contact op",
        "testimonial_about": "over",
        "footer_contact": "Contact",
        "footer_links": "Meer",
        "footer_privacy": "Privacy",
        "footer_rss": "RSS-feed van het blog",
        "footer_social": "Volg",
        "kvk": "KvK",
        "email": "E-mail",
        "phone": "Telefoon",
        "not_found_title": "Pagina niet gevonden",
        "not_found_text": "Deze pagina bestaat niet (meer). Misschien is hij verhuisd, of zit er een typfout in het adres.",
        "not_found_search": "Zoek op de site",
        "not_found_search_button": "Zoeken",
        "not_found_home": "Naar de startpagina",
        "not_found_blog": "Naar het blog",
        "privacy_form": "Lees hoe ik met je gegevens omga:",
    },
    "en": {
        "header": "Header",
        "tabs": "Main menu",
        "footer": "Footer",
        "permalink": "Link to this heading",
        "home_courses": "Courses",
        "home_all_courses": "All courses",
        "home_testimonials": "What participants say",
        "home_about": "About me",
        "home_contact": "Contact",
        "home_contact_link": "Get in touch",
        "testimonial_about": "about",
        "footer_contact": "Contact",
        "footer_links": "More",
        "footer_privacy": "Privacy",
        "footer_rss": "RSS feed of the blog",
        "footer_social": "Follow",
        "kvk": "Chamber of Commerce",
        "email": "E-mail",
        "phone": "Phone",
        "not_found_title": "Page not found",
        "not_found_text": "This page does not exist (any more). It may have moved, or the address has a typo.",
        "not_found_search": "Search the site",
        "not_found_search_button": "Search",
        "not_found_home": "To the home page",
        "not_found_blog": "To the blog",
        "privacy_form": "How I handle your details:",
    },
}


def site_labels_for(language: str) -> dict[str, str]:
    return table_for(SITE_LABELS, language)

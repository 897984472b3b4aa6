"""What the search box says, per site language (Dutch first, English as fallback)."""

from __future__ import annotations

from ..core.i18n import table_for

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "placeholder": "Zoeken",
        "search": "Zoeken op de site",
        "close": "Zoeken sluiten",
        "hint": "Typ om te zoeken in berichten, trainingen en pagina's",
        "loading": "Zoeken wordt geladen…",
        "failed": "Zoeken lukt nu niet. Probeer het later opnieuw.",
        "none": "Niets gevonden",
        "one": "1 resultaat",
        "many": "{count} resultaten",
        "more": "Meer resultaten",
        "filters": "Filters",
        "kind": "Soort",
        "any_kind": "Alles",
        "category": "Categorie",
        "any_category": "Alle categorieën",
        "kind_blog": "Blog",
        "kind_training": "Training",
        "kind_page": "Pagina",
    },
    "en": {
        "placeholder": "Search",
        "search": "Search the site",
        "close": "Close search",
        "hint": "Type to search posts, courses and pages",
        "loading": "Loading search…",
        "failed": "Search is not available right now. Please try again later.",
        "none": "No results",
        "one": "1 result",
        "many": "{count} results",
        "more": "More results",
        "filters": "Filters",
        "kind": "Kind",
        "any_kind": "All",
        "category": "Category",
        "any_category": "All categories",
        "kind_blog": "Blog",
        "kind_training": "Course",
        "kind_page": "Page",
    },
}


def search_labels(language: str) -> dict[str, str]:
    return table_for(LABELS, language)

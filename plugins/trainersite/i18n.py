"""Labels the templates show, per site language. Dutch first; English as fallback."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "blog": "Blog",
        "read_more": "Lees meer",
        "read_time": "{minutes} min leestijd",
        "by": "Door",
        "published": "Gepubliceerd op",
        "updated": "Bijgewerkt op",
        "categories": "Categorieën",
        "category": "Categorie",
        "tags": "Tags",
        "archive": "Archief",
        "archive_title": "Archief {year}",
        "category_title": "Categorie: {name}",
        "category_index_title": "Categorieën",
        "posts_count_one": "{count} bericht",
        "posts_count_many": "{count} berichten",
        "page_of": "Pagina {page} van {pages}",
        "newer": "Nieuwere berichten",
        "older": "Oudere berichten",
        "pagination": "Paginering",
        "latest_posts": "Laatste berichten",
        "all_posts": "Alle berichten",
        "draft": "Concept",
        "draft_notice": "Dit is een concept: het wordt niet gepubliceerd.",
        "scheduled": "Gepland",
        "scheduled_notice": "Dit bericht staat gepland en wordt pas na de publicatiedatum gepubliceerd.",
        "feed": "RSS-feed",
        "category_feed": "RSS-feed van deze categorie",
        "no_posts": "Nog geen berichten.",
    },
    "en": {
        "blog": "Blog",
        "read_more": "Read more",
        "read_time": "{minutes} min read",
        "by": "By",
        "published": "Published on",
        "updated": "Updated on",
        "categories": "Categories",
        "category": "Category",
        "tags": "Tags",
        "archive": "Archive",
        "archive_title": "Archive {year}",
        "category_title": "Category: {name}",
        "category_index_title": "Categories",
        "posts_count_one": "{count} post",
        "posts_count_many": "{count} posts",
        "page_of": "Page {page} of {pages}",
        "newer": "Newer posts",
        "older": "Older posts",
        "pagination": "Pagination",
        "latest_posts": "Latest posts",
        "all_posts": "All posts",
        "draft": "Draft",
        "draft_notice": "This is a draft: it will not be published.",
        "scheduled": "Scheduled",
        "scheduled_notice": "This post is scheduled and will be published after its date.",
        "feed": "RSS feed",
        "category_feed": "RSS feed of this category",
        "no_posts": "No posts yet.",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """The label table for a language code such as `nl` or `en-GB` (English when unknown)."""
    base = (language or "en").replace("-", "_").split("_")[0].lower()
    return LABELS.get(base, LABELS["en"])


def count_label(labels: dict[str, str], count: int) -> str:
    key = "posts_count_one" if count == 1 else "posts_count_many"
    return labels[key].format(count=count)

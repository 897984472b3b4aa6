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
        # post extras: video, sharing, related posts, comments, redirects
        "video_play": "Video afspelen",
        "video_notice": "De video wordt pas van {provider} geladen als je op afspelen klikt.",
        "video_open": "Bekijk de video op {provider}",
        "email_video": "▶ Bekijk de video",
        "email_read_on_site": "Lees dit bericht op de site",
        "share": "Delen",
        "share_on": "Deel op {name}",
        "share_email": "E-mail",
        "share_by_email": "Deel per e-mail",
        "related": "Lees ook",
        "previous_post": "Vorig bericht",
        "next_post": "Volgend bericht",
        "post_navigation": "Meer berichten",
        "comments_count_one": "{count} reactie",
        "comments_count_many": "{count} reacties",
        "comments_closed": "Reageren is niet meer mogelijk; dit zijn de reacties uit het archief.",
        "moved_to": "Dit bericht staat nu op",
        "newsletter_title": "Nieuwsbrief",
        "newsletter_pitch": "Eén keer per maand praktische tips over klantcontact in je inbox. Geen spam, altijd met één klik af te melden.",
        "newsletter_email": "Je e-mailadres",
        "newsletter_honeypot": "Laat dit veld leeg",
        "newsletter_submit": "Aanmelden",
        "newsletter_privacy": "We gebruiken je e-mailadres alleen voor de nieuwsbrief en delen het met niemand.",
        "newsletter_privacy_link": "Privacyverklaring",
        "newsletter_no_form": "Aanmelden kan per e-mail:",
        "newsletter_rss": "Of volg de blog via RSS",
        "feeds_per_category": "Feeds per categorie",
        # tag and author pages
        "tag_title": "Tag: {name}",
        "tag_index_title": "Tags",
        "tag_feed": "RSS-feed van deze tag",
        "all_tags": "Alle tags",
        "author_posts": "Berichten van {name}",
        "author_page": "Alle berichten van {name}",
        "author_email": "Mail {name}",
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
        # post extras: video, sharing, related posts, comments, redirects
        "video_play": "Play video",
        "video_notice": "The video is only loaded from {provider} when you press play.",
        "video_open": "Watch the video on {provider}",
        "email_video": "▶ Watch the video",
        "email_read_on_site": "Read this post on the site",
        "share": "Share",
        "share_on": "Share on {name}",
        "share_email": "E-mail",
        "share_by_email": "Share by e-mail",
        "related": "Read also",
        "previous_post": "Previous post",
        "next_post": "Next post",
        "post_navigation": "More posts",
        "comments_count_one": "{count} comment",
        "comments_count_many": "{count} comments",
        "comments_closed": "Comments are closed; these are the archived comments.",
        "moved_to": "This post has moved to",
        "newsletter_title": "Newsletter",
        "newsletter_pitch": "Practical tips on customer contact in your inbox once a month. No spam, unsubscribe with one click.",
        "newsletter_email": "Your e-mail address",
        "newsletter_honeypot": "Leave this field empty",
        "newsletter_submit": "Subscribe",
        "newsletter_privacy": "We use your e-mail address for the newsletter only and share it with no one.",
        "newsletter_privacy_link": "Privacy statement",
        "newsletter_no_form": "Subscribe by e-mail:",
        "newsletter_rss": "Or follow the blog by RSS",
        "feeds_per_category": "Feeds per category",
        # tag and author pages
        "tag_title": "Tag: {name}",
        "tag_index_title": "Tags",
        "tag_feed": "RSS feed of this tag",
        "all_tags": "All tags",
        "author_posts": "Posts by {name}",
        "author_page": "All posts by {name}",
        "author_email": "E-mail {name}",
    },
}


def site_locale(config) -> str:
    """The babel locale of the site, from `theme.language` in mkdocs.yml (`nl`, `en_GB`)."""
    return str(config.theme.get("language") or "en").replace("-", "_")


def table_for(tables: dict[str, dict[str, str]], language: str) -> dict[str, str]:
    """The table for a language code such as `nl` or `en-GB` (English when unknown)."""
    base = (language or "en").replace("-", "_").split("_")[0].lower()
    return tables.get(base, tables["en"])


def labels_for(language: str) -> dict[str, str]:
    return table_for(LABELS, language)


def count_label(labels: dict[str, str], count: int) -> str:
    key = "posts_count_one" if count == 1 else "posts_count_many"
    return labels[key].format(count=count)

"""Where the three plugins keep the build's one `SiteModel` (core/site_model.py).

It hangs on MkDocs' configuration object as an attribute, not a key: every hook gets that object,
a new build gets a new one, and page output keys (speed/page_output.py, which hash the configuration's
keys) never see it.
"""

from __future__ import annotations

from ..core.site_model import SiteModel

_ATTRIBUTE = "_trainersite_site_model"


def site_model(config) -> SiteModel:
    """This build's model; the first plugin to ask creates it."""
    model = getattr(config, _ATTRIBUTE, None)
    if model is None:
        model = SiteModel(site_url=config.site_url or "", site_name=config.site_name or "")
        setattr(config, _ATTRIBUTE, model)
    return model


def set_head(page, title, meta_for) -> None:
    """Give a page the title its view chose (None: keep MkDocs' own) and the meta the view adds
    (`meta_for(title, page.meta)`, from blog/views.py or courses/views.py)."""
    if title is not None:
        page.title = title
    page.meta.update(meta_for(title, page.meta))


def toc_size(toc) -> int:
    """How many headings a page's table of contents lists, at every level."""
    return sum(1 + toc_size(item.children) for item in toc or ())


def set_layout(page, site: SiteModel, is_post: bool) -> None:
    """Which of mkdocs-material's sidebars a page shows (`hide:`), unless its front matter says.

    The tabs are the site's menu, so the left sidebar (which repeats them) is hidden everywhere. A post
    keeps its table of contents when it has two headings or more, a course page keeps it; the other
    pages (home, catalogue, about, newsletter, contact, privacy, listings) are one calm column.
    """
    if "hide" in page.meta:
        return
    if is_post:
        keeps_toc = toc_size(page.toc) >= 2
    else:
        keeps_toc = any(course.url == page.url for course in site.courses.values())
    page.meta["hide"] = ["navigation"] if keeps_toc else ["navigation", "toc"]

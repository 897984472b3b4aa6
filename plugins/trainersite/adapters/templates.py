"""Our own templates (overrides/) prepared once per build: autoescape on, and the frame's labels.

MkDocs builds its Jinja environment with autoescape off, so a value printed without `|e` goes out
raw: an attribute injection waiting for one careless template line. Our templates are compiled
with autoescape on (values that are HTML on purpose, the page content and card excerpts, say
`|safe`); mkdocs-material's own templates keep the setting they were written for.
The header, footer and 404 page of every site need `site_labels`, whichever plugins it uses, so
each plugin's on_env calls this one function. It also names the theme's script bundle
(`theme_bundle`), which main.html starts on the reader's first interaction instead of on load.
"""

from __future__ import annotations

from pathlib import Path

from ..core.i18n import site_locale
from ..core.site_labels import site_labels_for


def prepare_own_templates(env, config) -> None:
    """Autoescape on for our templates, and the frame's labels (`site_labels`) for every template."""
    env.globals["site_labels"] = site_labels_for(site_locale(config))
    env.globals["theme_bundle"] = theme_bundle(config)
    custom_dir = config.theme.custom_dir
    if not custom_dir:
        return
    own = {path.relative_to(custom_dir).as_posix() for path in Path(custom_dir).rglob("*.html")}
    before = env.autoescape
    if getattr(before, "trainersite_own", None) == own:
        return  # `mkdocs serve` rebuilds: already set

    def autoescape(name: str | None) -> bool:
        if name in own:
            return True
        return before(name) if callable(before) else bool(before)

    autoescape.trainersite_own = own  # type: ignore[attr-defined]
    env.autoescape = autoescape


def theme_bundle(config) -> str | None:
    """The theme's script bundle (`assets/javascripts/bundle.<hash>.min.js`), site-relative; None if it has none."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob("assets/javascripts/bundle.*.min.js"))
        if found:
            return found[0].relative_to(folder).as_posix()
    return None

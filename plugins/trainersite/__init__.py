"""trainersite: MkDocs plugins for a trainer's blog, course catalogue and newsletter.

Layers, one folder each: `core` (dates, URLs, labels, HTML tools), `blog` (posts, listings, feeds),
`courses` (courses, contact, calendars) and `tools` (deploy, site check, import) never import mkdocs;
`adapters` holds the three MkDocs plugins and, in `adapters.speed`, the optional speed layer.
"""

__version__ = "0.1.0"

"""trainersite: MkDocs plugins for a trainer's blog, course catalogue and newsletter.

The modules without `_plugin` in their name are the pure core: they never import mkdocs.
"""

__version__ = "0.1.0"

"""What the written site ships: only the CSS rules its pages use, and precompressed copies.

Never imports mkdocs: the delivery adapter (adapters/delivery_plugin.py) calls these once the site
is written; scripts/deploy calls `precompress` before publishing.
"""

from .precompress import precompress
from .unused_css import purge_site

__all__ = ["precompress", "purge_site"]

"""What the written site ships: only the CSS rules its pages use, inlined; precompressed copies.

Never imports mkdocs: the delivery adapter (adapters/delivery_plugin.py) calls these once the site
is written; scripts/deploy calls `precompress` before publishing.
"""

from .precompress import precompress
from .site_pass import DeliveryStats, deliver_pages

__all__ = ["DeliveryStats", "deliver_pages", "precompress"]

"""Structured data (schema.org JSON-LD) as a `<script>` element that is safe inside HTML."""

from __future__ import annotations

import json

from markupsafe import Markup

# Inside <script> the HTML parser ends the element at `</script>` and treats `<!--` specially;
# JSON allows escaping these characters, so no text from front matter can break out.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_ld_text(data: object, indent: int | None = 2) -> str:
    """JSON text for a `<script type="application/ld+json">` element."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_SCRIPT_SAFE)


def json_ld_script(data: dict) -> Markup:
    return Markup(f'<script type="application/ld+json">\n{json_ld_text(data)}\n</script>')

"""The one error type of the core: bad input, told in one line the trainer can act on."""

from __future__ import annotations

import reprlib


class ContentError(Exception):
    """Bad content in a file: names the file, the key and what was expected."""

    def __init__(self, source: str, key: str | None, expected: str, got: object = None):
        self.source = source
        self.key = key
        self.expected = expected
        self.got = got
        super().__init__(self.message())

    def message(self) -> str:
        where = f"{self.source}: " if self.source else ""
        what = f"'{self.key}': " if self.key else ""
        got = ""
        if self.got is not None:
            shown = reprlib.repr(self.got)  # bounded, even for deeply nested values
            got = f", got {shown[:60] + '...' if len(shown) > 60 else shown}"
        return f"{where}{what}expected {self.expected}{got}"

    def __str__(self) -> str:
        return self.message()


class UnknownKeyError(ContentError):
    """A key no schema knows, most often a typo: `posts/x.md: unknown key 'darft': did you mean 'draft'?`"""

    def __init__(self, source: str, key: str, expected: str, suggestion: str | None = None):
        self.suggestion = suggestion
        super().__init__(source, key, expected)

    def message(self) -> str:
        if self.suggestion is None:
            return super().message()
        where = f"{self.source}: " if self.source else ""
        known = self.key.rsplit(".", 1)[0] + "." + self.suggestion if "." in self.key else self.suggestion
        return f"{where}unknown key '{self.key}': did you mean '{known}'?"

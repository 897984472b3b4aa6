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

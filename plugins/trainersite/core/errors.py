"""The one error type of the core: bad input, told in one line the trainer can act on."""

from __future__ import annotations

import reprlib

from .messages import say, translate


class ContentError(Exception):
    """Bad content in a file: names the file, the key and what was expected.

    `expected` and `hint` are English; `message(language)` gives the line in the site's language
    (core/messages.py). `line` is the line in the file where YAML gives one; `example` a right form.
    """

    def __init__(self, source: str, key: str | None, expected: str, got: object = None, *,
                 hint: str | None = None, line: int | None = None, example: str | None = None):
        self.source = source
        self.key = key
        self.expected = expected
        self.got = got
        self.hint = hint
        self.line = line
        self.example = example
        super().__init__(self.message())

    def got_text(self) -> str | None:
        if self.got is None:
            return None
        shown = reprlib.repr(self.got)  # bounded, even for deeply nested values
        return shown[:60] + "..." if len(shown) > 60 else shown

    def message(self, language: str | None = "en") -> str:
        where = f"{self.source}: " if self.source else ""
        what = f"'{self.key}': " if self.key else ""
        text = where + what + say("expected {expected}", language, expected=translate(self.expected, language))
        if self.got is not None:
            text += say(", got {got}", language, got=self.got_text())
        if self.hint:
            text += say("; hint: {hint}", language, hint=translate(self.hint, language))
        return text

    def __str__(self) -> str:
        return self.message()


class UnknownKeyError(ContentError):
    """A key no schema knows, most often a typo: `posts/x.md: unknown key 'darft': did you mean 'draft'?`"""

    def __init__(self, source: str, key: str, expected: str, suggestion: str | None = None):
        self.suggestion = suggestion
        super().__init__(source, key, expected)

    def message(self, language: str | None = "en") -> str:
        if self.suggestion is None:
            return super().message(language)
        where = f"{self.source}: " if self.source else ""
        return where + say("unknown key '{key}': did you mean '{suggestion}'?", language, key=self.key, suggestion=self.suggested_key())

    def suggested_key(self) -> str | None:
        if self.suggestion is None:
            return None
        return self.key.rsplit(".", 1)[0] + "." + self.suggestion if "." in self.key else self.suggestion

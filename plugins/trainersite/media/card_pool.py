"""Social cards drawn while the rest of the build runs.

The cards of posts, courses and listings are known as soon as the posts are read, long before the
pages are written. `CardPool.submit` hands them to background processes (forked, at a lower CPU
priority, so they take what the build leaves idle: single-core stretches such as reading the
posts, the navigation, the search index) and `finish`, called when the pages are written, waits for
them: chunks no helper has started by then are drawn in the build's own process, side by side
with the helpers. A card's bytes depend only on what it shows, so it is the same whichever
process draws it.

A card that cannot be drawn (a full disk, an unreadable logo) is one `ContentError` naming the
page and the card's file, never a traceback from a worker; a helper that dies (killed, out of
memory) only means its chunk is drawn again here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Sequence

from ..core.errors import ContentError
from .social_cards import CardJob, make_card

CHUNK = 16  # cards per hand-over: about 50 ms of drawing
NICENESS = 10  # helpers yield to the build's own processes


def draw_chunk(jobs: Sequence[CardJob]) -> list[tuple[int, str]]:
    """Draw `jobs`; the ones that failed, as (index, one-line reason). Never raises for a card."""
    failed = []
    for index, job in enumerate(jobs):
        try:
            make_card(job)
        except Exception as err:  # reported in the build's process, as one line
            detail = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            failed.append((index, f"{type(err).__name__}: {(detail.splitlines() or [''])[0][:200]}"))
    return failed


def _lower_priority() -> None:
    try:
        os.nice(NICENESS)
    except OSError:
        pass


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class CardPool:
    """Cards to draw in this build; `helpers` background processes (0: all drawn by `finish`)."""

    def __init__(self, helpers: int):
        self.helpers = helpers if can_fork() else 0
        self._executor: ProcessPoolExecutor | None = None
        self._chunks: list[tuple[list[CardJob], Future | None]] = []
        self._paths: set[str] = set()
        self.made = 0  # cards drawn by the last `finish`

    def __contains__(self, path: str) -> bool:
        return path in self._paths

    def submit(self, jobs: Iterable[CardJob]) -> None:
        """Start drawing `jobs` (a path already submitted is skipped)."""
        new = []
        for job in jobs:
            if job.path not in self._paths:
                self._paths.add(job.path)
                new.append(job)
        for start in range(0, len(new), CHUNK):
            chunk = new[start:start + CHUNK]
            self._chunks.append((chunk, self._background(chunk) if len(new) >= CHUNK else None))

    def _background(self, chunk: list[CardJob]) -> Future | None:
        if self.helpers < 1:
            return None
        if self._executor is None:
            context = multiprocessing.get_context("fork")  # the helpers inherit Pillow and the fonts loaded
            self._executor = ProcessPoolExecutor(self.helpers, mp_context=context, initializer=_lower_priority)
            gc.freeze()  # the first submit forks: fewer copy-on-write page copies in the helpers
            try:
                return self._executor.submit(draw_chunk, chunk)
            finally:
                gc.unfreeze()
        return self._executor.submit(draw_chunk, chunk)

    def finish(self) -> None:
        """Wait until every submitted card is drawn, drawing what no helper has started yet.

        A card that could not be drawn: a ContentError naming its page and file.
        """
        chunks, self._chunks = self._chunks, []
        failed: dict[int, list[tuple[int, str]]] = {}
        try:
            # From the end: the helpers work from the front, so both sides meet in the middle.
            for number in reversed(range(len(chunks))):
                chunk, future = chunks[number]
                if future is None or future.cancel():
                    failed[number] = draw_chunk(chunk)
            for number, (chunk, future) in enumerate(chunks):
                if number not in failed:
                    try:
                        failed[number] = future.result()
                    except Exception:  # the helper died (BrokenProcessPool): draw its cards here
                        failed[number] = draw_chunk(chunk)
        finally:
            self.close()
        self.made = sum(len(chunk) for chunk, _ in chunks)
        for number, (chunk, _) in enumerate(chunks):
            for index, reason in failed[number]:
                job = chunk[index]
                raise ContentError(job.source, None, f"a social card drawn into {job.path} ({reason})")

    def close(self) -> None:
        """Stop the helpers (after a failed build too); cards not drawn are not drawn."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

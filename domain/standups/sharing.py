"""What a fellow lets the mentors and the program team read of their stand-up: the one rule.

Figures (answered, late, skipped, mood) are always shown; the text of the answers (blockers
included) only to the fellow themself, or when they chose "figures and text" (Home tab,
`/checkin share text`). Every surface a mentor or an admin reads asks `text_shown`: the history,
the digests, the export.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Protocol


class SharingChoices(Protocol):
    def text_sharers(self, user_ids: Iterable[str]) -> set[str]: ...


def text_shown(reader: str | None, fellow: str, sharers: Collection[str]) -> bool:
    """Whether `reader` may read the text of `fellow`'s answers; `reader` None: a reader who is never
    the fellow (a digest, an export)."""
    return reader == fellow or fellow in sharers

"""Pairing rounds: who is introduced to whom, what they answered, who stays out.

A round happens every `every` weeks on one weekday. Its people are put in pairs (a trio when
the count is odd), or in groups of three with `size=3`; each group gets one group DM. A person may
pause (until a date) or leave the pairing; an admin may say two people are never to be paired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.calendar import EveryFewWeeks

DEFAULT_EVERY = 2
DEFAULT_DAY = "mon"
DEFAULT_TIME = "10:00"
DEFAULT_SIZE = 2
EVERY_MAX_WEEKS = 4
SIZES = (2, 3)
# The follow-up asks "did you meet?" this long after the introduction, before the next round.
FOLLOW_UP_AFTER = timedelta(days=3)
# A fellow who met nobody over this span joins the isolation alert.
ISOLATION_SPAN = timedelta(days=28)


class Who(StrEnum):
    FELLOWS = "fellows"
    FELLOWS_AND_MENTORS = "fellows+mentors"


class Outcome(StrEnum):
    MET = "met"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class PairingSettings(EveryFewWeeks):
    """Rounds on `day` at `time` every `every` weeks from `first_round`, groups of `size`."""

    cohort_id: int
    first_round: date
    every: int = DEFAULT_EVERY
    day: str = DEFAULT_DAY
    time: str = DEFAULT_TIME
    size: int = DEFAULT_SIZE
    who: Who = Who.FELLOWS
    active: bool = True
    updated_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Pair:
    """One group of a round (two people, or three): its group DM and what its people answered."""

    id: int
    cohort_id: int
    round: date
    members: tuple[str, ...]
    channel: str | None = None
    outcome: Outcome | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None

    def has(self, user_id: str) -> bool:
        return user_id in self.members

    def others(self, user_id: str) -> tuple[str, ...]:
        return tuple(m for m in self.members if m != user_id)

    def couples(self) -> list[frozenset[str]]:
        """Every two people of the group: a trio is three couples who met."""
        return [frozenset((a, b)) for i, a in enumerate(self.members) for b in self.members[i + 1 :]]


@dataclass(frozen=True)
class Pause:
    """A person's pause: until a date (they are back on it), with no end, or `off` (left the pairing)."""

    user_id: str
    until: date | None = None
    off: bool = False

    def keeps_out(self, day: date) -> bool:
        return self.off or self.until is None or day < self.until


def couple(a: str, b: str) -> tuple[str, str]:
    """Two people in a stable order, as a never-pair is stored."""
    first, second = sorted((a, b))
    return first, second

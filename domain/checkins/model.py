"""Mentor check-ins and digests: their schedules, the check-ins mentors answer, and what fellows share.

A check-in round happens every `every` weeks on one weekday; each mentor of the cohort is asked
how their challenges go. A round still unanswered when the next one starts is recorded as missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.calendar import WEEKDAYS, EveryFewWeeks, parse_hhmm
from domain.calendar import first_on_or_after as first_on_or_after  # re-exported
from domain.messages import N_, NP_, DomainError

DEFAULT_EVERY = 2
DEFAULT_CHECKIN_DAY = "mon"
DEFAULT_CHECKIN_TIME = "10:00"
DEFAULT_DIGEST_DAY = "fri"
DEFAULT_DIGEST_TIME = "16:00"
DEFAULT_ISOLATION_DAYS = 5
RATINGS = (1, 2, 3, 4, 5)
TEXT_MAX = 3000
REMIND_AFTER = timedelta(days=2)

PICK_A_RATING = N_("Pick a rating from 1 to 5.")
TEXT_TOO_LONG = NP_(
    "At most {count} character here; this answer has {length}.",
    "At most {count} characters here; this answer has {length}.",
)
PICK_A_COHORT = N_("Pick the cohort this check-in is about.")


class CheckinStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    MISSED = "missed"


class Share(StrEnum):
    """What a fellow lets the digests show of their answers: the text, or only the figures."""

    TEXT = "text"
    FIGURES = "figures"


DEFAULT_SHARE = Share.FIGURES


@dataclass(frozen=True)
class CheckinSchedule(EveryFewWeeks):
    """Rounds on `day` every `every` weeks from `first_round`; `updated_at` is when it was last set."""

    cohort_id: int
    first_round: date
    every: int = DEFAULT_EVERY
    day: str = DEFAULT_CHECKIN_DAY
    time: str = DEFAULT_CHECKIN_TIME
    active: bool = True
    updated_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DigestSchedule:
    """Weekly digests on `day` at `time`; a fellow silent for `isolation_days` working days is flagged."""

    cohort_id: int
    day: str = DEFAULT_DIGEST_DAY
    time: str = DEFAULT_DIGEST_TIME
    isolation_days: int = DEFAULT_ISOLATION_DAYS
    active: bool = True
    updated_at: datetime | None = field(default=None, compare=False)

    def is_round(self, day: date) -> bool:
        return WEEKDAYS[day.weekday()] == self.day

    @property
    def at(self):
        return parse_hhmm(self.time)


@dataclass(frozen=True)
class CheckinAnswer:
    rating: int
    going_well: str = ""
    blockers: str = ""
    needs: str = ""


@dataclass(frozen=True)
class MentorCheckin:
    """One mentor's check-in of one round (`round` is the round's scheduled date, or the day answered)."""

    id: int
    cohort_id: int
    mentor: str
    round: date
    status: CheckinStatus
    answer: CheckinAnswer | None = None
    answered_at: datetime | None = None
    # The round at whose start this one was recorded as missed (and flagged to the admins).
    missed_at_round: date | None = None

    @property
    def rating(self) -> int | None:
        return self.answer.rating if self.answer is not None else None


TEXT_FIELDS = ("going_well", "blockers", "needs")


def check_answer(
    rating: str | None, texts: dict[str, str | None]
) -> tuple[CheckinAnswer | None, dict[str, DomainError]]:
    """The answer of the check-in form, or the mistakes by input name."""
    errors: dict[str, DomainError] = {}
    chosen = (rating or "").strip()
    if not (chosen.isascii() and chosen.isdigit()) or int(chosen) not in RATINGS:
        errors["rating"] = DomainError(PICK_A_RATING)
    cleaned = {name: (texts.get(name) or "").strip() for name in TEXT_FIELDS}
    for name, text in cleaned.items():
        if len(text) > TEXT_MAX:
            errors[name] = DomainError(TEXT_TOO_LONG, count=TEXT_MAX, length=len(text))
    if errors:
        return None, errors
    return CheckinAnswer(int(chosen), **cleaned), {}

"""`/cohort holiday NAME DAYS [reason]` and `/cohort holiday NAME remove DAYS`: the cohort's own days
without rituals, written `YYYY-MM-DD`, `YYYY-MM-DD..YYYY-MM-DD` or with spaces around the dots."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.command_parsing import CohortCommand, parse_date, take_name, unescape, unexpected
from domain.messages import N_, NP_, DomainError

HOLIDAY_USAGE = N_(
    "Usage: /cohort holiday NAME YYYY-MM-DD[..YYYY-MM-DD] [reason]"
    " · /cohort holiday NAME remove YYYY-MM-DD[..YYYY-MM-DD]"
)
HOLIDAY_MAX_DAYS = 366
REASON_MAX = 200
_RANGE = re.compile(r"\.{2,}|…")


@dataclass(frozen=True)
class Holiday(CohortCommand):
    name: str
    first: date
    last: date
    reason: str = ""


@dataclass(frozen=True)
class HolidayRemove(CohortCommand):
    """Removes the cohort's holidays within these days (a holiday partly inside is shortened)."""

    name: str
    first: date
    last: date


def _holiday_dates(rest: list[str]) -> tuple[date, date, list[str]]:
    """The first and last days, written `D`, `D..D` or `D .. D`, and the words after them."""
    missing = DomainError(N_("Give the holiday's day, or its first and last days as YYYY-MM-DD..YYYY-MM-DD."))
    if not rest:
        raise missing
    parts = _RANGE.split(rest[0], maxsplit=1)
    rest = rest[1:]
    if len(parts) == 1 and rest and _RANGE.fullmatch(rest[0]):
        parts.append(rest[1] if len(rest) > 1 else "")
        rest = rest[2:]
    if len(parts) == 2 and not parts[1]:
        raise missing
    first = parse_date(parts[0])
    last = parse_date(parts[1]) if len(parts) == 2 else first
    if last < first:
        raise DomainError(
            N_("The holiday ends ({last}) before it starts ({first})."),
            last=last.isoformat(),
            first=first.isoformat(),
        )
    if (last - first).days + 1 > HOLIDAY_MAX_DAYS:
        raise DomainError(
            NP_("A holiday lasts at most {count} day.", "A holiday lasts at most {count} days."),
            count=HOLIDAY_MAX_DAYS,
        )
    return first, last, rest


def parse_holiday(tokens: list[str]) -> Holiday | HolidayRemove:
    name, rest = take_name(tokens)
    if rest and rest[0].lower() == "remove":
        first, last, words = _holiday_dates(rest[1:])
        if words:
            raise unexpected(words[0])
        return HolidayRemove(name, first, last)
    first, last, words = _holiday_dates(rest)
    reason = unescape(" ".join(words))
    if len(reason) > REASON_MAX:
        raise DomainError(
            NP_("Keep the reason under {count} character.", "Keep the reason under {count} characters."),
            count=REASON_MAX,
        )
    return Holiday(name, first, last, reason)

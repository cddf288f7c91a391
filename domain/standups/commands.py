"""`/standup …` text → one typed command, or CommandError with what was wrong and the usage line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.command_parsing import (
    CommandError,
    as_shown,
    parse_date,
    parse_int_between,
    parse_user,
    tokenize,
    unexpected,
)
from domain.messages import N_, NP_, DomainError

STANDUP_COMMAND_USAGE = N_(
    "Usage: /standup · /standup skip · /standup away YYYY-MM-DD..YYYY-MM-DD · /standup back"
    " · /standup history [@user] [DAYS] · /standup today [NAME]"
)
AWAY_MAX_DAYS = 366
HISTORY_DAYS = 14
HISTORY_MAX_DAYS = 90
_RANGE = re.compile(r"\.{2,}|…")


@dataclass(frozen=True)
class StandupCommand:
    """Base of every parsed `/standup` command; `user_id` is someone else an admin acts for."""


@dataclass(frozen=True)
class OpenAnswer(StandupCommand):
    pass


@dataclass(frozen=True)
class Skip(StandupCommand):
    pass


@dataclass(frozen=True)
class Away(StandupCommand):
    first: date
    last: date
    user_id: str | None = None


@dataclass(frozen=True)
class Back(StandupCommand):
    user_id: str | None = None


@dataclass(frozen=True)
class TodaySoFar(StandupCommand):
    """Who has answered the stand-up so far: in the cohort named, or in every one the person follows."""

    name: str | None = None


@dataclass(frozen=True)
class History(StandupCommand):
    user_id: str | None = None
    days: int = HISTORY_DAYS


def _people_and_rest(tokens: list[str]) -> tuple[str | None, list[str]]:
    """The one person mentioned (if any) and the other words."""
    people = [token for token in tokens if token.startswith(("<@", "@"))]
    if len(people) > 1:
        raise DomainError(N_("Name one person at a time."))
    rest = [token for token in tokens if token not in people]
    return (parse_user(people[0]) if people else None), rest


def _period(words: list[str]) -> tuple[date, date]:
    text = "".join(words)
    if not text:
        raise DomainError(N_("Give your first and last days away, as YYYY-MM-DD..YYYY-MM-DD."))
    parts = _RANGE.split(text, maxsplit=1)
    if len(parts) == 2 and not all(parts):
        raise DomainError(N_("Give your first and last days away, as YYYY-MM-DD..YYYY-MM-DD."))
    first = parse_date(parts[0])
    last = parse_date(parts[1]) if len(parts) == 2 else first
    if last < first:
        raise DomainError(
            N_("The absence ends ({last}) before it starts ({first})."),
            last=last.isoformat(),
            first=first.isoformat(),
        )
    if (last - first).days + 1 > AWAY_MAX_DAYS:
        raise DomainError(
            NP_("An absence lasts at most {count} day.", "An absence lasts at most {count} days."),
            count=AWAY_MAX_DAYS,
        )
    return first, last


def _only(tokens: list[str], command: StandupCommand) -> StandupCommand:
    if tokens:
        raise unexpected(tokens[0])
    return command


def _parse(tokens: list[str]) -> StandupCommand:
    if not tokens:
        return OpenAnswer()
    word, rest = tokens[0].lower(), tokens[1:]
    if word == "skip":
        return _only(rest, Skip())
    if word == "away":
        user_id, words = _people_and_rest(rest)
        first, last = _period(words)
        return Away(first, last, user_id)
    if word == "back":
        user_id, words = _people_and_rest(rest)
        return _only(words, Back(user_id))
    if word == "today":
        return TodaySoFar(" ".join(rest) or None)
    if word == "history":
        user_id, words = _people_and_rest(rest)
        if len(words) > 1:
            raise unexpected(words[1])
        message = N_('DAYS is a number of days from {low} to {high}: "{value}" is not.')
        days = parse_int_between(words[0], 1, HISTORY_MAX_DAYS, message) if words else HISTORY_DAYS
        return History(user_id, days)
    raise DomainError(N_('Unknown sub-command "{name}".'), name=as_shown(tokens[0]))


def parse_standup_command(text: str) -> StandupCommand:
    try:
        return _parse(tokenize(text))
    except DomainError as err:
        raise CommandError.from_error(err, STANDUP_COMMAND_USAGE) from None

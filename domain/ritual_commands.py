"""The ritual sub-commands of `/cohort`: standup, checkin and digest schedules.

Options come back as normalised strings (`days=mon,tue,wed,thu,fri`, `time=09:30`, `remind=30`),
so the rituals can store and compare them as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial

from domain.command_parsing import (
    CohortCommand,
    parse_int_between,
    parse_time,
    parse_weekday,
    parse_weekdays,
    split_options,
    take_name,
    unexpected,
)
from domain.messages import N_, DomainError
from domain.standups.model import STANDUP_CHOICE_OPTIONS

STANDUP_USAGE = N_(
    "Usage: /cohort standup NAME [days=mon-fri|mon,wed,fri] [time=HH:MM] [remind=MINUTES] [close=HH:MM] [off]"
    " [zone=cohort|fellow] [share=thread|channel|summary] [mood=on|off] [mention=on|off] · /cohort standup NAME questions"
)
CHECKIN_USAGE = N_("Usage: /cohort checkin NAME [every=N] [day=WEEKDAY] [time=HH:MM] [off]")
DIGEST_USAGE = N_("Usage: /cohort digest NAME [day=WEEKDAY] [time=HH:MM] [off]")

REMIND_MAX_MINUTES = 720
EVERY_MAX_WEEKS = 12


@dataclass(frozen=True)
class Standup(CohortCommand):
    name: str
    options: dict[str, str] = field(default_factory=dict)
    off: bool = False
    questions: bool = False


@dataclass(frozen=True)
class Checkin(CohortCommand):
    name: str
    options: dict[str, str] = field(default_factory=dict)
    off: bool = False


@dataclass(frozen=True)
class Digest(CohortCommand):
    name: str
    options: dict[str, str] = field(default_factory=dict)
    off: bool = False


def _count(message: str, low: int, high: int, value: str) -> str:
    return str(parse_int_between(value, low, high, message))


_remind = partial(
    _count, N_('remind is a number of minutes from {low} to {high}: "{value}" is not.'), 1, REMIND_MAX_MINUTES
)
_every = partial(
    _count, N_('every is a number of weeks from {low} to {high}: "{value}" is not.'), 1, EVERY_MAX_WEEKS
)

_STANDUP_OPTIONS: dict[str, Callable[[str], str]] = {
    "days": parse_weekdays,
    "time": parse_time,
    "remind": _remind,
    "close": parse_time,
    **STANDUP_CHOICE_OPTIONS,
}
_CHECKIN_OPTIONS: dict[str, Callable[[str], str]] = {
    "every": _every,
    "day": parse_weekday,
    "time": parse_time,
}
# isolation=N (working days without activity before a fellow is flagged) goes beyond the interface's line.
_isolation = partial(
    _count, N_('isolation is a number of working days from {low} to {high}: "{value}" is not.'), 1, 30
)
_DIGEST_OPTIONS: dict[str, Callable[[str], str]] = {
    "day": parse_weekday,
    "time": parse_time,
    "isolation": _isolation,
}


def _parse_ritual(
    tokens: list[str], converters: Mapping[str, Callable[[str], str]], flags: Iterable[str]
) -> tuple[str, dict[str, str], set[str]]:
    """The cohort name, the converted options and the bare words (`off`, `questions`) given."""
    name, rest = take_name(tokens)
    raw, words = split_options(rest, converters)
    options = {key: converters[key](value) for key, value in raw.items()}
    given: set[str] = set()
    for word in words:
        if word.lower() not in flags:
            raise unexpected(word)
        given.add(word.lower())
    if given and (options or len(given) > 1):
        raise DomainError(N_("{word} cannot be combined with other settings."), word=min(given))
    return name, options, given


def parse_standup(tokens: list[str]) -> Standup:
    name, options, given = _parse_ritual(tokens, _STANDUP_OPTIONS, ("off", "questions"))
    if "time" in options and "close" in options and options["close"] <= options["time"]:
        raise DomainError(
            N_("The stand-up closes ({close}) before it opens ({time})."),
            close=options["close"],
            time=options["time"],
        )
    return Standup(name, options, off="off" in given, questions="questions" in given)


def parse_checkin(tokens: list[str]) -> Checkin:
    name, options, given = _parse_ritual(tokens, _CHECKIN_OPTIONS, ("off",))
    return Checkin(name, options, off="off" in given)


def parse_digest(tokens: list[str]) -> Digest:
    name, options, given = _parse_ritual(tokens, _DIGEST_OPTIONS, ("off",))
    return Digest(name, options, off="off" in given)

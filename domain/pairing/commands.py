"""The pairing's commands: `/cohort pairing` (admins) and `/pairing` (each member, for themselves).

`/cohort pairing NAME never @a @b` says two people (or more: any two of them) are never to be
paired; `allow` takes that back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from domain.command_parsing import (
    CohortCommand,
    as_shown,
    parse_date,
    parse_int_between,
    parse_time,
    parse_user,
    parse_weekday,
    split_options,
    take_name,
    tokenize,
    unexpected,
)
from domain.messages import N_, DomainError
from domain.pairing.model import EVERY_MAX_WEEKS, SIZES, Who

COHORT_PAIRING_USAGE = N_(
    "Usage: /cohort pairing NAME [every=N] [day=WEEKDAY] [time=HH:MM] [size=2|3] [who=fellows|fellows+mentors]"
    " [off] · /cohort pairing NAME never|allow @person @person"
)
PAIRING_USAGE = N_("Usage: /pairing pause [until YYYY-MM-DD] · /pairing resume · /pairing off")


@dataclass(frozen=True)
class PairingSettingsCommand(CohortCommand):
    name: str
    options: dict[str, str] = field(default_factory=dict)
    off: bool = False


@dataclass(frozen=True)
class NeverPairCommand(CohortCommand):
    """`never` (allow=False) or `allow` (allow=True) for every two of `people`."""

    name: str
    people: tuple[str, ...]
    allow: bool = False


def _size(value: str) -> str:
    return str(parse_int_between(value, min(SIZES), max(SIZES), N_('size is 2 or 3: "{value}" is not.')))


def _who(value: str) -> str:
    try:
        return Who(value.strip().lower()).value
    except ValueError:
        raise DomainError(
            N_('who is fellows or fellows+mentors: "{value}" is not.'), value=as_shown(value)
        ) from None


_every = partial(
    parse_int_between,
    low=1,
    high=EVERY_MAX_WEEKS,
    message=N_('every is a number of weeks from {low} to {high}: "{value}" is not.'),
)

_OPTIONS: dict[str, Callable[[str], str]] = {
    "every": lambda value: str(_every(value)),
    "day": parse_weekday,
    "time": parse_time,
    "size": _size,
    "who": _who,
}


def _never(name: str, rest: list[str], allow: bool) -> NeverPairCommand:
    people = tuple(parse_user(token) for token in rest)
    if len(people) < 2:
        raise DomainError(N_("Name at least two people, picked with @ from Slack's autocomplete."))
    if len(set(people)) < len(people):
        raise DomainError(N_("The same person is named twice."))
    return NeverPairCommand(name, people, allow)


def parse_cohort_pairing(tokens: list[str]) -> PairingSettingsCommand | NeverPairCommand:
    name, rest = take_name(tokens)
    if rest and rest[0].lower() in ("never", "allow"):
        return _never(name, rest[1:], rest[0].lower() == "allow")
    raw, words = split_options(rest, _OPTIONS)
    options = {key: _OPTIONS[key](value) for key, value in raw.items()}
    for word in words:
        if word.lower() != "off":
            raise unexpected(word)
    off = bool(words)
    if off and (options or len(words) > 1):
        raise DomainError(N_("{word} cannot be combined with other settings."), word="off")
    return PairingSettingsCommand(name, options, off)


@dataclass(frozen=True)
class PausePairing:
    until: date | None = None


@dataclass(frozen=True)
class ResumePairing:
    pass


@dataclass(frozen=True)
class LeavePairing:
    pass


@dataclass(frozen=True)
class PairingStatus:
    pass


PairingCommand = PausePairing | ResumePairing | LeavePairing | PairingStatus


def parse_pairing(text: str) -> PairingCommand:
    """`/pairing` alone says where one stands (`help` is answered before this); DomainError for
    anything else unknown."""
    words = tokenize(text)
    if not words:
        return PairingStatus()
    verb, rest = words[0].lower(), words[1:]
    if verb == "pause":
        if not rest:
            return PausePairing()
        if len(rest) == 2 and rest[0].lower() == "until":
            return PausePairing(parse_date(rest[1]))
        raise unexpected(rest[0] if rest[0].lower() != "until" else " ".join(rest))
    if rest:
        raise unexpected(rest[0])
    if verb == "resume":
        return ResumePairing()
    if verb == "off":
        return LeavePairing()
    raise DomainError(N_('Unknown sub-command "{name}".'), name=as_shown(words[0]))

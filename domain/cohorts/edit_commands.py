"""`/cohort edit NAME [name=] [#channel] [tz=] [lang=] [country=] [start=] [end=]` and
`/cohort unarchive NAME`: correcting a cohort after its creation, with the checks of `create`."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from domain.cohorts.model import check_country_code, check_lang, check_timezone, validate_cohort_name
from domain.command_parsing import (
    CohortCommand,
    convert_options,
    parse_channel,
    parse_date,
    split_options,
    take_name,
    unexpected,
    with_trailing_words,
)
from domain.messages import N_, DomainError

EDIT_USAGE = N_("Usage: /cohort edit NAME [name=] [#channel] [tz=] [lang=] [country=] [start=] [end=]")
UNARCHIVE_USAGE = N_("Usage: /cohort unarchive NAME")
NOTHING_TO_CHANGE = N_("Say what to change: a new name=, a #channel, tz=, lang=, country=, start= or end=.")

_EDIT_OPTIONS = {
    "name": validate_cohort_name,
    "tz": check_timezone,
    "lang": check_lang,
    "country": check_country_code,
    "start": parse_date,
    "end": parse_date,
}


@dataclass(frozen=True)
class Edit(CohortCommand):
    """What to change in the cohort `name`; None keeps the current value."""

    name: str
    new_name: str | None = None
    channel_id: str | None = None
    tz: str | None = None
    lang: str | None = None
    country: str | None = None
    start: date | None = None
    end: date | None = None

    def changes(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)[1:] if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class Unarchive(CohortCommand):
    name: str


def parse_edit(tokens: list[str]) -> Edit:
    name, rest = take_name(tokens)
    # A new name typed with spaces is read whole, so that it gets the rule about spaces.
    raw, words = split_options(with_trailing_words(rest, "name"), _EDIT_OPTIONS)
    channels = [word for word in words if word.startswith(("<#", "#"))]
    others = [word for word in words if word not in channels]
    if others:
        raise unexpected(others[0])
    if len(channels) > 1:
        raise DomainError(N_("Give one channel only."))
    options = convert_options(raw, _EDIT_OPTIONS)
    channel_id = parse_channel(channels[0]) if channels else None
    if not options and channel_id is None:
        raise DomainError(NOTHING_TO_CHANGE)
    new_name = options.pop("name", None)
    return Edit(name, new_name, channel_id, **options)


def parse_unarchive(tokens: list[str]) -> Unarchive:
    name, rest = take_name(tokens)
    if rest:
        raise unexpected(rest[0])
    return Unarchive(name)

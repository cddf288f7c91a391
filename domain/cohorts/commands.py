"""`/cohort …` text → one typed command, or CommandError with what was wrong and the usage line.

The parser is given the sub-commands (name → parser and usage): the cohort's own, in SUBCOMMANDS,
and the rituals', gathered by the feature registry. Each usage line shows the syntax of the public
interface, word for word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from domain.cohorts.edit_commands import (
    EDIT_USAGE,
    UNARCHIVE_USAGE,
    Edit,
    Unarchive,
    parse_edit,
    parse_unarchive,
)
from domain.cohorts.holiday_commands import HOLIDAY_USAGE, Holiday, HolidayRemove, parse_holiday
from domain.cohorts.member_commands import ADD_USAGE, REMOVE_USAGE, Add, Remove, parse_add, parse_remove
from domain.cohorts.model import (
    check_country_code,
    check_lang,
    check_period,
    check_timezone,
    validate_cohort_name,
)
from domain.command_parsing import (
    CohortCommand,
    CommandError,
    as_shown,
    convert_options,
    is_option,
    parse_channel,
    parse_date,
    split_options,
    take_name,
    tokenize,
    unexpected,
)
from domain.messages import N_, DomainError

__all__ = [
    "Add",
    "Archive",
    "CohortCommand",
    "CommandError",
    "Create",
    "Edit",
    "Help",
    "Holiday",
    "HolidayRemove",
    "List",
    "OpenForm",
    "Remove",
    "SUBCOMMANDS",
    "Show",
    "SubCommand",
    "Unarchive",
    "parse_cohort_command",
    "usage_lines",
]

CREATE_USAGE = N_(
    "Usage: /cohort create NAME #channel [tz=Area/City] [lang=fr|en] [country=XX] [start=YYYY-MM-DD] [end=YYYY-MM-DD]"
)
LIST_USAGE = N_("Usage: /cohort list")
SHOW_USAGE = N_("Usage: /cohort show NAME")
ARCHIVE_USAGE = N_("Usage: /cohort archive NAME")
HELP_USAGE = N_("Usage: /cohort help")
# The sub-commands come from the features; `/cohort help` lists them, so this line names none.
COHORT_USAGE = N_("Usage: /cohort SUB-COMMAND … · /cohort help lists the sub-commands")


@dataclass(frozen=True)
class Create(CohortCommand):
    name: str
    channel_id: str
    tz: str | None = None
    lang: str | None = None
    country: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class List(CohortCommand):
    pass


@dataclass(frozen=True)
class Show(CohortCommand):
    name: str


@dataclass(frozen=True)
class Archive(CohortCommand):
    name: str


@dataclass(frozen=True)
class Help(CohortCommand):
    pass


@dataclass(frozen=True)
class OpenForm(CohortCommand):
    """`/cohort` alone: the handler opens a form instead of answering with text."""


_CREATE_OPTIONS = {
    "tz": check_timezone,
    "lang": check_lang,
    "country": check_country_code,
    "start": parse_date,
    "end": parse_date,
}


def _name_with_spaces(name: str, rest: list[str]) -> str:
    """The words before the channel, so that a name typed with spaces gets the rule about spaces."""
    words = [name]
    for token in rest:
        if token.startswith(("<", "#")) or is_option(token):
            return " ".join(words) if token.startswith(("<#", "#")) else name
        words.append(token)
    return name


def parse_create(tokens: list[str]) -> Create:
    name, rest = take_name(tokens)
    name = validate_cohort_name(_name_with_spaces(name, rest))
    channel_id = parse_channel(rest[0] if rest else None)
    raw, words = split_options(rest[1:], _CREATE_OPTIONS)
    if words:
        raise unexpected(words[0])
    options = convert_options(raw, _CREATE_OPTIONS)
    check_period(options.get("start"), options.get("end"))
    return Create(name, channel_id, **options)


def parse_list(tokens: list[str]) -> List:
    if tokens:
        raise unexpected(tokens[0])
    return List()


def _name_only(tokens: list[str]) -> str:
    name, rest = take_name(tokens)
    if rest:
        raise unexpected(rest[0])
    return name


def parse_show(tokens: list[str]) -> Show:
    return Show(_name_only(tokens))


def parse_archive(tokens: list[str]) -> Archive:
    return Archive(_name_only(tokens))


def parse_help(tokens: list[str]) -> Help:
    # Whatever follows `help`, the person wants the help.
    return Help()


class SubCommand(NamedTuple):
    parse: Callable[[list[str]], CohortCommand]
    usage: str


SUBCOMMANDS: dict[str, SubCommand] = {
    "create": SubCommand(parse_create, CREATE_USAGE),
    "add": SubCommand(parse_add, ADD_USAGE),
    "remove": SubCommand(parse_remove, REMOVE_USAGE),
    "list": SubCommand(parse_list, LIST_USAGE),
    "show": SubCommand(parse_show, SHOW_USAGE),
    "archive": SubCommand(parse_archive, ARCHIVE_USAGE),
    "holiday": SubCommand(parse_holiday, HOLIDAY_USAGE),
    "edit": SubCommand(parse_edit, EDIT_USAGE),
    "unarchive": SubCommand(parse_unarchive, UNARCHIVE_USAGE),
    "help": SubCommand(parse_help, HELP_USAGE),
}


def usage_lines(subcommands: Mapping[str, SubCommand]) -> list[str]:
    """Every sub-command's usage line, in the order of the interface, for `/cohort help`."""
    return [sub.usage for sub in subcommands.values()]


def parse_cohort_command(text: str, subcommands: Mapping[str, SubCommand]) -> CohortCommand:
    tokens = tokenize(text)
    if not tokens:
        return OpenForm()
    sub = subcommands.get(tokens[0].lower())
    if sub is None:
        raise CommandError(N_('Unknown sub-command "{name}".'), COHORT_USAGE, name=as_shown(tokens[0]))
    try:
        return sub.parse(tokens[1:])
    except CommandError:
        raise
    except DomainError as err:
        raise CommandError.from_error(err, sub.usage) from None

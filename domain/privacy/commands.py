"""The privacy sub-commands of `/cohort`: the notice, one's own data, erasure, retention."""

from __future__ import annotations

from dataclasses import dataclass

from domain.command_parsing import (
    CohortCommand,
    parse_int_between,
    parse_user,
    split_options,
    take_name,
    unexpected,
)
from domain.messages import N_, DomainError
from domain.privacy.retention import MONTHS_MAX

PRIVACY_USAGE = N_("Usage: /cohort privacy [NAME]")
MYDATA_USAGE = N_("Usage: /cohort mydata")
FORGET_USAGE = N_("Usage: /cohort forget @user [NAME] (program admins)")
RETENTION_USAGE = N_("Usage: /cohort retention NAME [text=MONTHS] [figures=MONTHS]")
MONTHS = N_("The retention is a number of months from 1 to {high}: {value} is not.")


@dataclass(frozen=True)
class Privacy(CohortCommand):
    name: str | None = None


@dataclass(frozen=True)
class MyData(CohortCommand):
    pass


@dataclass(frozen=True)
class Forget(CohortCommand):
    user_id: str
    name: str | None = None


@dataclass(frozen=True)
class RetentionCommand(CohortCommand):
    name: str
    text_months: int | None = None
    figures_months: int | None = None


def parse_privacy(tokens: list[str]) -> Privacy:
    if len(tokens) > 1:
        raise unexpected(tokens[1])
    return Privacy(take_name(tokens)[0] if tokens else None)


def parse_mydata(tokens: list[str]) -> MyData:
    if tokens:
        raise unexpected(tokens[0])
    return MyData()


def parse_forget(tokens: list[str]) -> Forget:
    if not tokens:
        raise DomainError(N_("Mention the person to forget, picked with @ from Slack's autocomplete."))
    user_id = parse_user(tokens[0])
    if len(tokens) > 2:
        raise unexpected(tokens[2])
    return Forget(user_id, take_name(tokens[1:])[0] if len(tokens) > 1 else None)


def parse_retention(tokens: list[str]) -> RetentionCommand:
    name, rest = take_name(tokens)
    options, others = split_options(rest, ("text", "figures"))
    if others:
        raise unexpected(others[0])
    months = {key: parse_int_between(value, 1, MONTHS_MAX, MONTHS) for key, value in options.items()}
    return RetentionCommand(name, months.get("text"), months.get("figures"))

"""`/training [propose|mine]`, and the cohort setting `/cohort trainings NAME [approval=on|off]`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.command_parsing import (
    CohortCommand,
    CommandError,
    as_shown,
    split_options,
    take_name,
    tokenize,
    unexpected,
)
from domain.messages import N_, DomainError
from domain.trainings.records import TrainingStore

TRAINING_USAGE = N_("Usage: /training (upcoming sessions) · /training propose · /training mine")
TRAININGS_USAGE = N_("Usage: /cohort trainings NAME [approval=on|off]")
UNKNOWN_TRAINING_COMMAND = N_('Unknown sub-command "{name}".')
ON_OFF = N_('approval is on or off: "{value}" is neither.')

_ON = ("on", "yes", "oui", "true", "1")
_OFF = ("off", "no", "non", "false", "0")


class TrainingCommand(StrEnum):
    LIST = "list"
    PROPOSE = "propose"
    MINE = "mine"


@dataclass(frozen=True)
class TrainingSettings(CohortCommand):
    """`approval` None only shows the setting."""

    name: str
    approval: bool | None = None


@dataclass(frozen=True)
class SettingsShown:
    cohort: Cohort
    approval: bool
    changed: bool


def parse_training_command(text: str) -> TrainingCommand:
    tokens = tokenize(text)
    if not tokens:
        return TrainingCommand.LIST
    word = tokens[0].lower()
    aliases = {
        "list": TrainingCommand.LIST,
        "propose": TrainingCommand.PROPOSE,
        "proposer": TrainingCommand.PROPOSE,
        "mine": TrainingCommand.MINE,
        "mes": TrainingCommand.MINE,
    }
    if word not in aliases:
        raise CommandError(UNKNOWN_TRAINING_COMMAND, TRAINING_USAGE, name=as_shown(tokens[0]))
    if len(tokens) > 1:
        raise CommandError.from_error(unexpected(tokens[1]), TRAINING_USAGE)
    return aliases[word]


def _on_off(value: str) -> bool:
    word = value.strip().lower()
    if word in _ON:
        return True
    if word in _OFF:
        return False
    raise DomainError(ON_OFF, value=as_shown(value))


def parse_trainings(tokens: list[str]) -> TrainingSettings:
    name, rest = take_name(tokens)
    raw, words = split_options(rest, ("approval",))
    if words:
        raise unexpected(words[0])
    return TrainingSettings(name, _on_off(raw["approval"]) if "approval" in raw else None)


def training_settings(store: TrainingStore, actor: Actor, command: TrainingSettings) -> SettingsShown:
    """Shows, or sets, whether the cohort's admins approve sessions before they are announced."""
    cohort = managed_cohort(store, actor, command.name)
    before = store.trainings.approval_required(cohort.id)
    if command.approval is not None and command.approval != before:
        store.trainings.set_approval(cohort.id, command.approval)
        record_settings(store, cohort, actor, "trainings", {"approval": "on" if command.approval else "off"})
    approval = store.trainings.approval_required(cohort.id)
    return SettingsShown(cohort, approval, approval != before)

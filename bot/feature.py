"""What a feature adds to the bot, declared in one record (`Feature`), and what bot/ gathers from
the list of features (`Sources`) to build the app, the tick, the manifest and the export.

A feature's record names everything it contributes, so nothing is plugged in by importing a
module or by registering listeners: a piece missing from the record is missing from the bot, and
the wiring test says which.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType
from typing import Any

from domain.cohorts.export import SectionSource
from domain.digests.model import DigestFeature
from domain.peer_help.routing import AwaySource
from domain.ports import UnitOfWork
from domain.privacy.declaration import DataDeclaration
from handlers.cohorts.subcommands import CohortSubcommand, ShowLine
from handlers.context import Context
from handlers.home.sections import HomeSection
from schedules.engine import Job
from storage.privacy.columns import PersonalColumns, PersonalData

Redraw = Callable[[Context, UnitOfWork, str], int]


@dataclass(frozen=True)
class SlashCommand:
    """A slash command as the manifest declares it (French first, then English)."""

    command: str
    description: str
    usage_hint: str | None = None
    # The hint is the list of `/cohort` sub-commands, whichever features declare them.
    lists_subcommands: bool = False


@dataclass(frozen=True)
class Sources:
    """Every feature's contributions to the shared surfaces, in the order of the list of features."""

    cohort_subcommands: Mapping[str, CohortSubcommand]
    show_lines: tuple[ShowLine, ...]
    export_sections: tuple[SectionSource, ...]
    digest: tuple[DigestFeature, ...]
    home: tuple[HomeSection, ...]
    away: tuple[AwaySource, ...]
    # What each feature keeps about people: the privacy notice and the record are written from it.
    declarations: tuple[DataDeclaration, ...] = ()
    # Every slash command, as (command, "French · English" description), for the welcome message.
    commands: tuple[tuple[str, str], ...] = ()
    redraws_after_erasure: tuple[Redraw, ...] = ()


def _nothing(*args: Any) -> tuple:
    return ()


@dataclass(frozen=True)
class Feature:
    """One feature: its listeners and everything it adds to the shared surfaces.

    `register` adds the listeners to the app; `commands`, `actions`, `views` and `events` name what
    they answer (the manifest declares the commands and events; the wiring test checks each has a
    listener). `jobs` are the feature's kinds of scheduled work, in the order a tick runs them.
    """

    name: str
    register: Callable[[Any, Context, Sources], None]
    commands: tuple[SlashCommand, ...] = ()
    actions: tuple[str, ...] = ()
    views: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    scopes: Mapping[str, str] = field(default_factory=dict)  # scope → why the feature needs it
    jobs: Callable[[Sources], tuple[Job, ...]] = _nothing
    cohort_subcommands: Mapping[str, CohortSubcommand] = field(default_factory=dict)
    show_lines: tuple[ShowLine, ...] = ()
    export_sections: tuple[SectionSource, ...] = ()
    digest: tuple[DigestFeature, ...] = ()
    home: tuple[HomeSection, ...] = ()
    away: tuple[AwaySource, ...] = ()  # who is away on a day, for the others to leave alone
    tables: tuple[ModuleType, ...] = ()  # the storage modules that define its tables
    # The personal data it keeps: what, why, who sees it, how long, and in which columns.
    personal_data: tuple[PersonalData, ...] = ()
    # Messages that sum up several people's words (a facilitator's feedback summary): drawn again
    # after one of them is erased, rather than blanked for all.
    redraws_after_erasure: tuple[Redraw, ...] = ()


def gather(features: tuple[Feature, ...]) -> Sources:
    """The shared surfaces' sources, in the order of `features`; a sub-command name is declared once."""
    subcommands: dict[str, CohortSubcommand] = {}
    for feature in features:
        for name, sub in feature.cohort_subcommands.items():
            if name in subcommands:
                raise ValueError(f"/cohort {name} is declared twice (again by {feature.name})")
            subcommands[name] = sub
    return Sources(
        cohort_subcommands=MappingProxyType(subcommands),
        show_lines=tuple(line for f in features for line in f.show_lines),
        export_sections=tuple(section for f in features for section in f.export_sections),
        digest=tuple(part for f in features for part in f.digest),
        home=tuple(section for f in features for section in f.home),
        away=tuple(source for f in features for source in f.away),
        declarations=tuple(part.declaration for f in features for part in f.personal_data),
        commands=tuple((c.command, c.description) for f in features for c in f.commands),
        redraws_after_erasure=tuple(redraw for f in features for redraw in f.redraws_after_erasure),
    )


def personal_columns(features: tuple[Feature, ...]) -> tuple[PersonalColumns, ...]:
    """Every table that holds personal data, as the features declare it."""
    return tuple(columns for f in features for part in f.personal_data for columns in part.columns)


def jobs_of(features: tuple[Feature, ...], sources: Sources) -> list[Job]:
    return [job for feature in features for job in feature.jobs(sources)]


def register_all(app: Any, ctx: Context, features: tuple[Feature, ...], sources: Sources) -> None:
    for feature in features:
        feature.register(app, ctx, sources)


def fixed(*jobs: Job) -> Callable[[Sources], tuple[Job, ...]]:
    """The jobs of a feature that needs nothing from the others."""
    return lambda sources: jobs

"""The `/cohort` sub-commands as one table: each name with its parser, usage line and runner.

The cohort's own are here; each ritual declares its own beside its listeners, and the feature
registry gathers them all. A runner gets the call (who, the unit of work, what the listener was
built with) and the parsed command, and returns its outcome: a form to open, or a reply. The
listener commits what the runner did (`handlers.run.run_use_case`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from domain.calendar import local_date
from domain.cohorts.admin import add_holiday, archive_cohort, create_cohort, list_cohorts
from domain.cohorts.commands import SUBCOMMANDS, CohortCommand, Holiday, SubCommand
from domain.cohorts.corrections import edit_cohort, remove_holidays, unarchive_cohort
from domain.cohorts.language import address_language
from domain.cohorts.membership import add_members, remove_members
from domain.cohorts.model import Membership, Role
from domain.cohorts.overview import ScheduleLine, ScheduleSource, show_cohort
from domain.cohorts.permissions import is_program_admin
from domain.cohorts.records import Actor
from domain.ports import UnitOfWork
from handlers.blocks.cohorts import corrections, replies
from handlers.blocks.cohorts import help as help_page
from handlers.blocks.cohorts.show import cohort_overview
from handlers.cohorts import form as cohort_form
from handlers.cohorts.arrivals import added_reply
from handlers.cohorts.directory import SlackDirectory
from handlers.context import Context
from handlers.i18n import N_
from handlers.run import Outcome, Reply


@dataclass(frozen=True)
class ShowLine:
    """A ritual's line in `/cohort show`: the domain source, and how its summary is worded
    (None: the line's own catalog text, filled with its params)."""

    source: ScheduleSource
    summary: Callable[[ScheduleLine, str], str] | None = None


@dataclass(frozen=True)
class Call:
    ctx: Context
    uow: UnitOfWork
    actor: Actor
    trigger_id: str | None
    subcommands: Mapping[str, CohortSubcommand] = field(default_factory=dict)
    show_lines: tuple[ShowLine, ...] = ()


Runner = Callable[[Call, Any], Outcome]


class Who(StrEnum):
    """Who may use a sub-command: what `/cohort help` shows each person."""

    PROGRAM = "program"  # the program team
    MANAGERS = "managers"  # the program team and the cohort's admins
    EVERYONE = "everyone"  # any member


@dataclass(frozen=True)
class Guide:
    """A sub-command in `/cohort help`: what it does and one example (both catalog texts)."""

    summary: str
    example: str


@dataclass(frozen=True)
class CohortSubcommand:
    parse: Callable[[list[str]], CohortCommand]
    usage: str
    run: Runner
    # False: it only reads, so it never waits for a writer.
    writes: bool = True
    who: Who = Who.MANAGERS
    guide: Guide | None = None  # None: the help shows its usage line


def applies(use_case: Callable[[Call, Any], Any], render: Callable[[Any], dict]) -> Runner:
    """A sub-command as a (use case, render) pair: the use case's result, rendered as the reply."""
    return lambda call, command: Reply(render(use_case(call, command)))


def parsers(subcommands: Mapping[str, CohortSubcommand]) -> dict[str, SubCommand]:
    return {name: SubCommand(sub.parse, sub.usage) for name, sub in subcommands.items()}


def _create(call: Call, command: Any):
    supported = cohort_form.supported_country(call.ctx)
    directory = SlackDirectory(call.ctx.slack)
    return create_cohort(call.uow, directory, call.actor, command, supported, call.ctx.default_lang)


def _list(call: Call, command: Any) -> Reply:
    actor = call.actor
    return Reply(
        replies.cohort_list(
            list_cohorts(call.uow, actor),
            address_language(call.uow, actor.user_id, call.ctx.default_lang),
            is_program_admin(actor.user_id, actor.program_admins),
            lambda cohort: local_date(actor.now, cohort.timezone),
        )
    )


def _show(call: Call, command: Any) -> Reply:
    sources = [line.source for line in call.show_lines]
    overview = show_cohort(call.uow, call.actor, command.name, sources, call.ctx.holidays)
    summaries = {line.source.kind: line.summary for line in call.show_lines if line.summary}
    return Reply(cohort_overview(overview, summaries))


def _edit(call: Call, command: Any):
    supported = cohort_form.supported_country(call.ctx)
    return edit_cohort(call.uow, SlackDirectory(call.ctx.slack), call.actor, command, supported)


def _holiday(call: Call, command: Any) -> Reply:
    """`holiday NAME DAYS [reason]` adds; `holiday NAME remove DAYS` removes."""
    if isinstance(command, Holiday):
        return Reply(replies.holiday_added(add_holiday(call.uow, call.actor, command)))
    return Reply(corrections.holidays_removed(remove_holidays(call.uow, call.actor, command)))


def audiences(actor: Actor, memberships: list[Membership]) -> tuple[Who, ...]:
    """The groups of sub-commands a person may use: a fellow or a mentor only those for everyone."""
    if is_program_admin(actor.user_id, actor.program_admins):
        return (Who.PROGRAM, Who.MANAGERS, Who.EVERYONE)
    if any(m.role == Role.ADMIN for m in memberships):
        return (Who.MANAGERS, Who.EVERYONE)
    return (Who.EVERYONE,)


def _help(call: Call, command: Any) -> Reply:
    lang = address_language(call.uow, call.actor.user_id, call.ctx.default_lang)
    groups = audiences(call.actor, call.uow.members.of_user(call.actor.user_id))
    entries: list[tuple[str, str, help_page.GuideText | None, str]] = [
        (sub.who.value, f"/cohort {name}", sub.guide, sub.usage)
        for name, sub in call.subcommands.items()
        if sub.who in groups and name != "help"
    ]
    return Reply(help_page.cohort_help(lang, [who.value for who in groups], entries))


def _own(
    name: str, run: Runner, writes: bool = True, who: Who = Who.MANAGERS, guide: Guide | None = None
) -> CohortSubcommand:
    return CohortSubcommand(SUBCOMMANDS[name].parse, SUBCOMMANDS[name].usage, run, writes, who, guide)


COHORT_SUBCOMMANDS: dict[str, CohortSubcommand] = {
    "create": _own(
        "create",
        applies(_create, replies.created),
        who=Who.PROGRAM,
        guide=Guide(
            N_("Create a cohort"),
            N_("/cohort create eig7 #eig7-promo tz=Europe/Paris lang=fr start=2026-09-01 end=2027-06-30"),
        ),
    ),
    "add": _own(
        "add",
        lambda c, cmd: Reply(
            added_reply(c.ctx, add_members(c.uow, SlackDirectory(c.ctx.slack), c.actor, cmd))
        ),
        guide=Guide(
            N_("Add fellows, mentors or admins"), N_("/cohort add eig7 @ana @ben challenge=IA santé")
        ),
    ),
    "remove": _own(
        "remove",
        applies(lambda c, cmd: remove_members(c.uow, c.actor, cmd), replies.removed),
        guide=Guide(N_("Remove someone"), N_("/cohort remove eig7 @ben")),
    ),
    "list": _own(
        "list", _list, writes=False, who=Who.EVERYONE, guide=Guide(N_("Your cohorts"), N_("/cohort list"))
    ),
    "show": _own(
        "show",
        _show,
        writes=False,
        who=Who.EVERYONE,
        guide=Guide(N_("A cohort: its people, challenges and rituals"), N_("/cohort show eig7")),
    ),
    "archive": _own(
        "archive",
        applies(lambda c, cmd: archive_cohort(c.uow, c.actor, cmd.name), replies.archived),
        guide=Guide(N_("End a cohort now, keeping its history"), N_("/cohort archive eig7")),
    ),
    "holiday": _own(
        "holiday",
        _holiday,
        guide=Guide(
            N_("Add or remove days without rituals"),
            N_("/cohort holiday eig7 2026-12-24..2027-01-02 Holidays"),
        ),
    ),
    "edit": _own(
        "edit",
        applies(_edit, corrections.edited),
        guide=Guide(
            N_("Correct its name, channel, zone, language, country or dates"),
            N_("/cohort edit eig7 tz=Africa/Dakar end=2027-07-15"),
        ),
    ),
    "unarchive": _own(
        "unarchive",
        applies(lambda c, cmd: unarchive_cohort(c.uow, c.actor, cmd.name), corrections.unarchived),
        who=Who.PROGRAM,
        guide=Guide(N_("Reopen an archived cohort"), N_("/cohort unarchive eig6")),
    ),
    "help": _own("help", _help, writes=False, who=Who.EVERYONE),
}

"""`/cohort`: ack, parse, one use case, render, answer the sender only.

Each sub-command has a runner in RUNNERS (command type → runner); the ritual features add
theirs with `add_runner`. A sub-command without a runner says it is not available yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.calendar import local_date
from domain.cohorts.admin import (
    add_holiday,
    archive_cohort,
    cohort_language,
    create_cohort,
    list_cohorts,
)
from domain.cohorts.commands import (
    COHORT_USAGE,
    SUBCOMMANDS,
    Add,
    Archive,
    CohortCommand,
    CommandError,
    Create,
    Help,
    Holiday,
    List,
    OpenForm,
    Remove,
    Show,
    parse_cohort_command,
)
from domain.cohorts.membership import add_members, remove_members
from domain.cohorts.overview import show_cohort
from domain.cohorts.permissions import NotAllowed, is_program_admin
from domain.cohorts.profiles import profile_changed
from domain.cohorts.records import Actor
from domain.command_parsing import tokenize
from domain.messages import DomainError
from domain.ports import Context
from handlers.blocks.cohorts import replies
from handlers.blocks.cohorts.show import cohort_overview
from handlers.cohorts import form as cohort_form
from handlers.cohorts.directory import SlackDirectory, profile_from_slack

Runner = Callable[[Context, Any, Actor, Any], dict]


def _create(ctx: Context, uow, actor: Actor, command: Create) -> dict:
    supported = cohort_form.supported_country(ctx)
    result = create_cohort(uow, SlackDirectory(ctx.slack), actor, command, supported, ctx.default_lang)
    reply = replies.created(result)
    uow.commit()
    return reply


def _add(ctx: Context, uow, actor: Actor, command: Add) -> dict:
    result = add_members(uow, SlackDirectory(ctx.slack), actor, command)
    reply = replies.added(result)
    uow.commit()
    return reply


def _remove(ctx: Context, uow, actor: Actor, command: Remove) -> dict:
    result = remove_members(uow, actor, command)
    reply = replies.removed(result)
    uow.commit()
    return reply


def _archive(ctx: Context, uow, actor: Actor, command: Archive) -> dict:
    cohort = archive_cohort(uow, actor, command.name)
    reply = replies.archived(cohort)
    uow.commit()
    return reply


def _holiday(ctx: Context, uow, actor: Actor, command: Holiday) -> dict:
    result = add_holiday(uow, actor, command)
    reply = replies.holiday_added(result)
    uow.commit()
    return reply


def _list(ctx: Context, uow, actor: Actor, command: List) -> dict:
    summaries = list_cohorts(uow, actor)
    return replies.cohort_list(
        summaries,
        ctx.default_lang,
        is_program_admin(actor.user_id, actor.program_admins),
        lambda cohort: local_date(actor.now, cohort.timezone),
    )


def _show(ctx: Context, uow, actor: Actor, command: Show) -> dict:
    return cohort_overview(show_cohort(uow, actor, command.name))


def _help(ctx: Context, uow, actor: Actor, command: Help) -> dict:
    return replies.help_text(ctx.default_lang)


RUNNERS: dict[type, Runner] = {
    Create: _create,
    Add: _add,
    Remove: _remove,
    Archive: _archive,
    Holiday: _holiday,
    List: _list,
    Show: _show,
    Help: _help,
}


# Runners that may open a form: they also get the command's `trigger_id` (a keyword argument).
FORM_RUNNERS: set[type] = set()


def add_runner(command_type: type[CohortCommand], runner: Runner, *, opens_forms: bool = False) -> None:
    """Plug in the runner of a sub-command (the rituals' standup, checkin, digest)."""
    RUNNERS[command_type] = runner
    if opens_forms:
        FORM_RUNNERS.add(command_type)


def _words(text: str) -> list[str]:
    return tokenize(text)[:2]


def _usage(words: list[str]) -> str:
    sub = SUBCOMMANDS.get(words[0].lower()) if words else None
    return sub.usage if sub is not None else COHORT_USAGE


def reply_to(ctx: Context, uow, actor: Actor, text: str, trigger_id: str | None) -> dict | None:
    """The answer to `/cohort text`; None when a form was opened instead."""
    words = _words(text)

    def lang() -> str:
        return cohort_language(uow, words[1] if len(words) > 1 else None, ctx.default_lang)

    try:
        command = parse_cohort_command(text)
        if isinstance(command, OpenForm):
            cohort_form.open_form(ctx, uow, actor, trigger_id)
            return None
        runner = RUNNERS.get(type(command))
        if runner is None:
            return replies.not_available(words[0].lower(), lang())
        if type(command) in FORM_RUNNERS:
            return runner(ctx, uow, actor, command, trigger_id=trigger_id)
        return runner(ctx, uow, actor, command)
    except NotAllowed as err:
        return replies.mistake(err, lang(), usage=None)
    except CommandError as err:
        return replies.mistake(err, lang(), err.usage)
    except DomainError as err:
        return replies.mistake(err, lang(), _usage(words))


def register(app, ctx: Context) -> None:
    @app.command("/cohort")
    def on_cohort(ack, command, respond):
        ack()
        actor = Actor(command["user_id"], ctx.clock.now(), ctx.admins)
        with ctx.uow() as uow:
            reply = reply_to(ctx, uow, actor, command.get("text") or "", command.get("trigger_id"))
        if reply is not None:
            respond(response_type="ephemeral", replace_original=False, **reply)

    @app.event("user_change")
    def on_user_change(event):
        profile = profile_from_slack(event["user"])
        with ctx.uow() as uow:
            if profile_changed(uow, profile, ctx.clock.now()):
                uow.commit()

    cohort_form.register(app, ctx)

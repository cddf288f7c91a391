"""`/cohort`: ack, parse, one use case, render, answer the sender only.

The sub-commands (the cohort's own and the rituals') and the rituals' lines in `/cohort show`
are given to `register` by the feature registry.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.cohorts.admin import cohort_language
from domain.cohorts.commands import COHORT_USAGE, CommandError, OpenForm, parse_cohort_command
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.profiles import profile_changed
from domain.cohorts.records import Actor
from domain.command_parsing import tokenize
from domain.messages import DomainError
from domain.ports import Context
from handlers.blocks.cohorts import replies
from handlers.cohorts import form as cohort_form
from handlers.cohorts.directory import profile_from_slack
from handlers.cohorts.subcommands import Call, CohortSubcommand, parsers


def _usage(words: list[str], subcommands: Mapping[str, CohortSubcommand]) -> str:
    sub = subcommands.get(words[0].lower()) if words else None
    return sub.usage if sub is not None else COHORT_USAGE


def reply_to(call: Call, text: str) -> dict | None:
    """The answer to `/cohort text`; None when a form was opened instead."""
    words = tokenize(text)[:2]

    def lang() -> str:
        return cohort_language(call.uow, words[1] if len(words) > 1 else None, call.ctx.default_lang)

    try:
        command = parse_cohort_command(text, parsers(call.subcommands))
        if isinstance(command, OpenForm):
            cohort_form.open_form(call.ctx, call.uow, call.actor, call.trigger_id)
            return None
        # The parser only returns commands of the sub-commands it was given.
        return call.subcommands[words[0].lower()].run(call, command)
    except NotAllowed as err:
        return replies.mistake(err, lang(), usage=None)
    except CommandError as err:
        return replies.mistake(err, lang(), err.usage)
    except DomainError as err:
        return replies.mistake(err, lang(), _usage(words, call.subcommands))


def register(app, ctx: Context, subcommands: Mapping[str, CohortSubcommand], show_lines=()) -> None:
    @app.command("/cohort")
    def on_cohort(ack, command, respond):
        ack()
        actor = Actor(command["user_id"], ctx.clock.now(), ctx.admins)
        with ctx.uow() as uow:
            call = Call(ctx, uow, actor, command.get("trigger_id"), subcommands, tuple(show_lines))
            reply = reply_to(call, command.get("text") or "")
        if reply is not None:
            respond(response_type="ephemeral", replace_original=False, **reply)

    @app.event("user_change")
    def on_user_change(event):
        profile = profile_from_slack(event["user"])
        with ctx.uow() as uow:
            if profile_changed(uow, profile, ctx.clock.now()):
                uow.commit()

    cohort_form.register(app, ctx)

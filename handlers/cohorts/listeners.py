"""`/cohort`: ack, parse, one use case, render, answer the sender only.

The sub-commands (the cohort's own and the rituals') and the rituals' lines in `/cohort show`
are given to `register` by the feature registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from slack_bolt import App

from domain.cohorts.commands import COHORT_USAGE, parse_cohort_command
from domain.cohorts.commands import OpenForm as OpenCohortForm
from domain.cohorts.language import address_language
from domain.cohorts.profiles import profile_changed
from domain.cohorts.records import Actor
from domain.command_parsing import tokenize
from domain.ports import UnitOfWork
from handlers.cohorts import form as cohort_form
from handlers.cohorts.directory import profile_from_slack
from handlers.cohorts.subcommands import Call, CohortSubcommand, ShowLine, parsers
from handlers.context import Context
from handlers.run import OpenForm, Outcome, run_use_case, slash_command


def _usage(words: list[str], subcommands: Mapping[str, CohortSubcommand]) -> str:
    sub = subcommands.get(words[0].lower()) if words else None
    return sub.usage if sub is not None else COHORT_USAGE


def outcome_of(call: Call, text: str) -> Outcome:
    """What `/cohort text` answers: the `/cohort` form (for `/cohort` alone), or the sub-command's outcome."""
    command = parse_cohort_command(text, parsers(call.subcommands))
    if isinstance(command, OpenCohortForm):
        return OpenForm(cohort_form.form_view(call.ctx, call.uow, call.actor))
    # The parser only returns commands of the sub-commands it was given.
    return call.subcommands[tokenize(text)[0].lower()].run(call, command)


def cohort_command(
    ctx: Context, subcommands: Mapping[str, CohortSubcommand], show_lines: tuple[ShowLine, ...]
) -> Callable[[Actor, dict], Outcome]:
    """`/cohort text`: a mistake is told in the language of the cohort named, with the usage line of
    the sub-command meant."""

    def run(actor: Actor, command: dict) -> Outcome:
        text = command.get("text") or ""
        words = tokenize(text)[:2]

        def use_case(uow: UnitOfWork, actor: Actor) -> Outcome:
            return outcome_of(Call(ctx, uow, actor, command.get("trigger_id"), subcommands, show_lines), text)

        def language(uow: UnitOfWork) -> str:
            named = uow.cohorts.by_name(words[1]) if len(words) > 1 else None
            return address_language(uow, actor.user_id, ctx.default_lang, named)

        meant = subcommands.get(words[0].lower()) if words else None
        return run_use_case(
            ctx,
            actor,
            use_case,
            language,
            usage=_usage(words, subcommands),
            read_only=meant is not None and not meant.writes,
        )

    return run


def register(
    app: App, ctx: Context, subcommands: Mapping[str, CohortSubcommand], show_lines: Iterable[ShowLine] = ()
) -> None:
    app.command("/cohort")(slash_command(ctx, cohort_command(ctx, subcommands, tuple(show_lines))))

    @app.event("user_change")
    def on_user_change(event):
        profile = profile_from_slack(event["user"])
        with ctx.uow() as uow:
            if profile_changed(uow, profile, ctx.clock.now()):
                uow.commit()

    cohort_form.register(app, ctx)

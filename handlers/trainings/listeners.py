"""`/training` (sessions open for sign-up), `/training propose` (the form), `/training mine`, and
the cohort setting `/cohort trainings NAME [approval=on|off]`."""

from __future__ import annotations

from functools import partial

from slack_bolt import App

from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.ports import UnitOfWork
from domain.trainings.access import proposal_cohorts
from domain.trainings.commands import (
    TRAININGS_USAGE,
    SettingsShown,
    TrainingCommand,
    parse_training_command,
    parse_trainings,
    training_settings,
)
from domain.trainings.sessions import my_sessions, upcoming_sessions
from handlers.blocks.help import command_help
from handlers.blocks.trainings.form import proposal_form
from handlers.blocks.trainings.messages import LIST_MAX, session_list, settings_reply
from handlers.cohorts.subcommands import CohortSubcommand, Guide, applies
from handlers.context import Context
from handlers.i18n import N_
from handlers.run import OpenForm, Outcome, Reply, run_use_case, slash_command
from handlers.trainings import actions as training_actions
from handlers.trainings import form as training_form


def _settings_reply(shown: SettingsShown) -> dict:
    return settings_reply(shown.cohort.name, shown.approval, shown.cohort.lang)


SUBCOMMANDS = {
    "trainings": CohortSubcommand(
        parse_trainings,
        TRAININGS_USAGE,
        applies(lambda c, cmd: training_settings(c.uow, c.actor, cmd), _settings_reply),
        guide=Guide(N_("Whether an admin approves each training"), N_("/cohort trainings eig7 approval=on")),
    )
}


def training_command(ctx: Context, actor: Actor, command: dict) -> Outcome:
    """`/training`: the sessions open for sign-up, my sign-ups, or the proposal form."""

    def language(uow: UnitOfWork) -> str:
        return address_language(uow, actor.user_id, ctx.default_lang)

    def run(uow: UnitOfWork, actor: Actor) -> Outcome:
        what = parse_training_command(command.get("text") or "")
        lang = language(uow)
        if what is TrainingCommand.PROPOSE:
            return OpenForm(proposal_form(lang, proposal_cohorts(uow, actor, command.get("channel_id"))))
        if what is TrainingCommand.MINE:
            return Reply(session_list(my_sessions(uow, actor), lang, actor.now, mine=True))
        return Reply(session_list(upcoming_sessions(uow, actor, LIST_MAX + 1), lang, actor.now))

    return run_use_case(ctx, actor, run, language)


def register(app: App, ctx: Context) -> None:
    app.command("/training")(
        slash_command(
            ctx,
            lambda actor, command: training_command(ctx, actor, command),
            partial(command_help, "/training"),
        )
    )
    training_actions.register(app, ctx)
    training_form.register(app, ctx)

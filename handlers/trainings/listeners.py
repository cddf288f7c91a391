"""`/training` (sessions open for sign-up), `/training propose` (the form), `/training mine`, and
the cohort setting `/cohort trainings NAME [approval=on|off]`."""

from __future__ import annotations

from domain.cohorts.records import Actor
from domain.command_parsing import CommandError
from domain.messages import DomainError
from domain.ports import Context
from domain.trainings.access import person_lang, proposal_cohorts
from domain.trainings.commands import (
    TRAININGS_USAGE,
    SettingsShown,
    TrainingCommand,
    parse_training_command,
    parse_trainings,
    training_settings,
)
from domain.trainings.sessions import my_sessions, upcoming_sessions
from handlers.blocks.trainings.form import proposal_form
from handlers.blocks.trainings.messages import LIST_MAX, mistake, session_list, settings_reply
from handlers.cohorts.subcommands import CohortSubcommand, applies
from handlers.trainings import actions as training_actions
from handlers.trainings import form as training_form


def _settings_reply(shown: SettingsShown) -> dict:
    return settings_reply(shown.cohort.name, shown.approval, shown.cohort.lang)


SUBCOMMANDS = {
    "trainings": CohortSubcommand(
        parse_trainings,
        TRAININGS_USAGE,
        applies(lambda c, cmd: training_settings(c.uow, c.actor, cmd), _settings_reply),
    )
}


def answer(ctx: Context, uow, actor: Actor, text: str, channel_id: str | None) -> tuple[str, dict]:
    """("form", the view to open) or ("reply", the ephemeral answer)."""
    lang = person_lang(uow, actor.user_id, ctx.default_lang)
    try:
        what = parse_training_command(text)
        if what is TrainingCommand.PROPOSE:
            return "form", proposal_form(lang, proposal_cohorts(uow, actor, channel_id))
        if what is TrainingCommand.MINE:
            return "reply", session_list(my_sessions(uow, actor), lang, actor.now, mine=True)
        return "reply", session_list(upcoming_sessions(uow, actor, LIST_MAX + 1), lang, actor.now)
    except CommandError as err:
        return "reply", mistake(err, lang, err.usage)
    except DomainError as err:
        return "reply", mistake(err, lang)


def register(app, ctx: Context) -> None:
    @app.command("/training")
    def on_training(ack, command, respond):
        ack()
        actor = Actor(command["user_id"], ctx.clock.now(), ctx.admins)
        with ctx.uow() as uow:
            kind, body = answer(ctx, uow, actor, command.get("text") or "", command.get("channel_id"))
        if kind == "form":
            ctx.slack.views_open(trigger_id=command.get("trigger_id"), view=body)
        else:
            respond(response_type="ephemeral", replace_original=False, **body)

    training_actions.register(app, ctx)
    training_form.register(app, ctx)

"""`/cohort standup`: the schedule (a sub-command of `/cohort`) and the questions form."""

from __future__ import annotations

from slack_bolt import Ack, App

from domain.cohorts.language import address_language, reader_language
from domain.cohorts.model import Cohort
from domain.messages import DomainError
from domain.ritual_commands import STANDUP_USAGE, Standup, parse_standup
from domain.standups.admin import check_questions, configure_standup, questions_to_edit, save_questions
from domain.standups.model import StandupSettings
from handlers import ids
from handlers.blocks.standups import replies
from handlers.blocks.standups.form import parse_questions_form, question_texts, questions_modal
from handlers.cohorts.subcommands import Call, CohortSubcommand, Guide
from handlers.context import Context
from handlers.i18n import N_
from handlers.run import OpenForm, Outcome, Reply, actor_of, refuse_fields, run_use_case
from handlers.slack_out import send_dm


def run_standup(call: Call, command: Standup) -> Outcome:
    """`/cohort standup NAME …` sets the schedule; `… questions` opens the questions form instead."""
    if command.questions:
        found, settings = questions_to_edit(call.uow, call.actor, command.name)
        return OpenForm(questions_modal(found, settings, found.lang))
    return Reply(replies.configured(configure_standup(call.uow, call.actor, command, call.ctx.holidays)))


SUBCOMMANDS = {
    "standup": CohortSubcommand(
        parse_standup,
        STANDUP_USAGE,
        run_standup,
        guide=Guide(
            N_("Schedule the stand-up"), N_("/cohort standup eig7 days=mon-fri time=09:30 close=12:00")
        ),
    )
}


def _defaults(found: Cohort) -> tuple[str, ...]:
    return question_texts(StandupSettings(found.id), found.lang)


def on_questions(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    actor = actor_of(ctx, body["user"]["id"])
    lines, blocker, mood = parse_questions_form(view["state"]["values"])
    cohort_id = ids.parse_id(view.get("private_metadata")) or 0  # 0: no such cohort
    with ctx.uow() as uow:
        try:
            found = uow.cohorts.get(cohort_id)
        except DomainError as err:
            refuse_fields(
                ack, {ids.STANDUP_QUESTION_LINES: err}, address_language(uow, actor.user_id, ctx.default_lang)
            )
            return
        errors = check_questions(lines, blocker)
        try:
            settings = (
                None if errors else save_questions(uow, actor, cohort_id, lines, blocker, mood, _defaults)
            )
        except DomainError as err:
            errors = {ids.STANDUP_QUESTION_LINES: err}
        if errors or settings is None:
            refuse_fields(ack, errors, reader_language(uow, actor.user_id, ctx.default_lang, found))
            return
        ack()
        uow.commit()
    send_dm(ctx, actor.user_id, replies.questions_saved(found.name, settings, found.lang))


def on_home_questions(ctx: Context, ack: Ack, body: dict) -> None:
    """The Home tab's button: the questions form of a cohort the clicker runs (a mistake comes by DM)."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    cohort_id = ids.parse_id(body["actions"][0].get("value")) or 0  # 0: no such cohort

    def form(uow, actor) -> dict:
        # An id no cohort has (a stale Home tab) is a mistake told by DM, like a cohort not run.
        found, settings = questions_to_edit(uow, actor, uow.cohorts.get(cohort_id).name)
        return questions_modal(found, settings, found.lang)

    view = run_use_case(ctx, actor, form, lambda uow: address_language(uow, actor.user_id, ctx.default_lang))
    if isinstance(view, Reply):
        send_dm(ctx, actor.user_id, view.message)
        return
    ctx.slack.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: App, ctx: Context) -> None:
    app.view(ids.STANDUP_QUESTIONS)(lambda ack, body, view: on_questions(ctx, ack, body, view))
    app.action(ids.HOME_STANDUP_QUESTIONS)(lambda ack, body: on_home_questions(ctx, ack, body))

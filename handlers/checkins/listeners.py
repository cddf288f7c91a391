"""Mentor check-ins and digests in Slack: `/cohort checkin`, `/cohort digest`, `/checkin`, the prompt's
button and the check-in form."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from slack_bolt import Ack, App

from domain import ritual_commands
from domain.checkins.admin import configure_checkins, configure_digests
from domain.checkins.answers import (
    ShareCommand,
    checkin_form,
    choose_share,
    parse_checkin_text,
    record_answer,
)
from domain.checkins.model import CheckinAnswer
from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.ports import UnitOfWork
from handlers import ids
from handlers.blocks.checkins import replies
from handlers.blocks.checkins.messages import checkin_modal, parse_checkin, parse_metadata
from handlers.blocks.help import command_help
from handlers.cohorts.subcommands import CohortSubcommand, Guide, applies
from handlers.context import Context
from handlers.i18n import N_
from handlers.run import OpenForm, Outcome, Reply, actor_of, refuse_fields, run_use_case, slash_command
from handlers.slack_out import send_dm

CHECKIN_SUBCOMMANDS = {
    "checkin": CohortSubcommand(
        ritual_commands.parse_checkin,
        ritual_commands.CHECKIN_USAGE,
        applies(
            lambda c, cmd: configure_checkins(c.uow, c.actor, cmd, c.ctx.holidays),
            replies.checkins_configured,
        ),
        guide=Guide(N_("Schedule mentor check-ins"), N_("/cohort checkin eig7 every=2 day=mon time=10:00")),
    )
}
DIGEST_SUBCOMMANDS = {
    "digest": CohortSubcommand(
        ritual_commands.parse_digest,
        ritual_commands.DIGEST_USAGE,
        applies(
            lambda c, cmd: configure_digests(c.uow, c.actor, cmd, c.ctx.holidays), replies.digests_configured
        ),
        guide=Guide(N_("Schedule the weekly digests"), N_("/cohort digest eig7 day=fri time=16:00")),
    )
}


def _language(ctx: Context, actor: Actor) -> Callable[[UnitOfWork], str]:
    return lambda uow: address_language(uow, actor.user_id, ctx.default_lang)


def _form(ctx: Context, cohort_id: int | None = None) -> Callable[[UnitOfWork, Actor], Outcome]:
    """The check-in form; NotAllowed for someone with no check-in to answer."""
    return lambda uow, actor: OpenForm(checkin_modal(checkin_form(uow, actor, ctx.default_lang, cohort_id)))


def checkin_command(ctx: Context, actor: Actor, command: dict) -> Outcome:
    """`/checkin` opens the form; `/checkin share text|figures` records what a fellow shares."""

    def run(uow: UnitOfWork, actor: Actor) -> Outcome:
        what = parse_checkin_text(command.get("text") or "")
        if not isinstance(what, ShareCommand):
            return _form(ctx)(uow, actor)
        choice = choose_share(uow, actor, what)
        return Reply(replies.share_choice(choice, address_language(uow, actor.user_id, ctx.default_lang)))

    return run_use_case(ctx, actor, run, _language(ctx, actor))


def submit(ctx: Context, actor: Actor, cohort_id: int, answer: CheckinAnswer) -> dict:
    """Records the answer; what to tell the mentor (a thank-you, or why it was not saved)."""

    def run(uow: UnitOfWork, actor: Actor) -> Reply:
        checkin = record_answer(uow, actor, cohort_id, answer)
        cohort = uow.cohorts.get(cohort_id)
        return Reply(
            replies.answered(checkin, cohort, address_language(uow, actor.user_id, ctx.default_lang, cohort))
        )

    return run_use_case(ctx, actor, run, _language(ctx, actor)).message


def on_open(ctx: Context, ack: Ack, body: dict) -> None:
    """The prompt's button: the form, or, by DM, why there is nothing to answer."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    value = (body.get("actions") or [{}])[0].get("value")
    outcome = run_use_case(ctx, actor, _form(ctx, ids.parse_id(value)), _language(ctx, actor))
    if isinstance(outcome, OpenForm):
        ctx.slack.views_open(trigger_id=body["trigger_id"], view=outcome.view)
    else:
        send_dm(ctx, actor.user_id, outcome.message)


def on_answer(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    metadata = view.get("private_metadata") or ""
    cohort_id, answer, errors = parse_checkin(view["state"]["values"], metadata)
    if errors or cohort_id is None or answer is None:
        refuse_fields(ack, errors, parse_metadata(metadata)[1] or ctx.default_lang)
        return
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    send_dm(ctx, actor.user_id, submit(ctx, actor, cohort_id, answer))


def register(app: App, ctx: Context) -> None:
    app.command("/checkin")(
        slash_command(
            ctx,
            lambda actor, command: checkin_command(ctx, actor, command),
            partial(command_help, "/checkin"),
        )
    )
    app.action(ids.CHECKIN_OPEN)(lambda ack, body: on_open(ctx, ack, body))
    app.view(ids.CHECKIN_ANSWER)(lambda ack, body, view: on_answer(ctx, ack, body, view))

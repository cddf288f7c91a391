"""Mentor check-ins and digests in Slack: `/cohort checkin`, `/cohort digest`, `/checkin`, the prompt's
button and the check-in form."""

from __future__ import annotations

from domain import ritual_commands
from domain.checkins.admin import configure_checkins, configure_digests
from domain.checkins.answers import (
    ShareCommand,
    checkin_form,
    choose_share,
    lang_for,
    parse_checkin_text,
    record_answer,
)
from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.ports import Context
from handlers import ids
from handlers.blocks.checkins import replies
from handlers.blocks.checkins.messages import checkin_modal, parse_checkin, parse_metadata
from handlers.blocks.cohorts.replies import mistake
from handlers.cohorts.subcommands import CohortSubcommand, applies
from handlers.i18n import error_text


def _actor(ctx: Context, user_id: str) -> Actor:
    return Actor(user_id, ctx.clock.now(), ctx.admins)


CHECKIN_SUBCOMMANDS = {
    "checkin": CohortSubcommand(
        ritual_commands.parse_checkin,
        ritual_commands.CHECKIN_USAGE,
        applies(
            lambda c, cmd: configure_checkins(c.uow, c.actor, cmd, c.ctx.holidays),
            replies.checkins_configured,
        ),
    )
}
DIGEST_SUBCOMMANDS = {
    "digest": CohortSubcommand(
        ritual_commands.parse_digest,
        ritual_commands.DIGEST_USAGE,
        applies(
            lambda c, cmd: configure_digests(c.uow, c.actor, cmd, c.ctx.holidays), replies.digests_configured
        ),
    )
}


def open_form(ctx: Context, actor: Actor, trigger_id: str, cohort_id: int | None = None) -> dict | None:
    """Opens the check-in form; the reply to send instead when the person has no check-in to answer."""
    with ctx.uow() as uow:
        try:
            form = checkin_form(uow, actor, ctx.default_lang, cohort_id)
        except DomainError as err:
            return mistake(err, lang_for(uow, actor.user_id, ctx.default_lang), usage=None)
    ctx.slack.views_open(trigger_id=trigger_id, view=checkin_modal(form))
    return None


def checkin_command(ctx: Context, actor: Actor, text: str, trigger_id: str) -> dict | None:
    """`/checkin` opens the form; `/checkin share text|figures` records what a fellow shares."""
    try:
        command = parse_checkin_text(text)
    except DomainError as err:
        with ctx.uow() as uow:
            return mistake(err, lang_for(uow, actor.user_id, ctx.default_lang), usage=None)
    if isinstance(command, ShareCommand):
        return share(ctx, actor, command)
    return open_form(ctx, actor, trigger_id)


def share(ctx: Context, actor: Actor, command: ShareCommand) -> dict:
    with ctx.uow() as uow:
        lang = lang_for(uow, actor.user_id, ctx.default_lang)
        try:
            choice = choose_share(uow, actor, command)
        except DomainError as err:
            return mistake(err, lang, usage=None)
        uow.commit()
    return replies.share_choice(choice, lang)


def submit(ctx: Context, actor: Actor, cohort_id: int, answer) -> dict:
    """Records the answer; what to tell the mentor (a thank-you, or why it was not saved)."""
    with ctx.uow() as uow:
        lang = lang_for(uow, actor.user_id, ctx.default_lang)
        try:
            checkin = record_answer(uow, actor, cohort_id, answer)
        except DomainError as err:
            return mistake(err, lang, usage=None)
        reply = replies.answered(checkin, uow.cohorts.get(cohort_id), lang)
        uow.commit()
    return reply


def register(app, ctx: Context) -> None:
    @app.command("/checkin")
    def on_checkin(ack, command, respond):
        ack()
        actor = _actor(ctx, command["user_id"])
        reply = checkin_command(ctx, actor, command.get("text") or "", command.get("trigger_id"))
        if reply is not None:
            respond(response_type="ephemeral", replace_original=False, **reply)

    @app.action(ids.CHECKIN_OPEN)
    def on_open(ack, body):
        ack()
        actor = _actor(ctx, body["user"]["id"])
        value = str(body["actions"][0].get("value") or "")
        reply = open_form(ctx, actor, body["trigger_id"], int(value) if value.isdigit() else None)
        if reply is not None:
            ctx.slack.chat_postMessage(channel=actor.user_id, **reply)

    @app.view(ids.CHECKIN_ANSWER)
    def on_answer(ack, body, view):
        metadata = view.get("private_metadata") or ""
        cohort_id, answer, errors = parse_checkin(view["state"]["values"], metadata)
        if errors:
            lang = parse_metadata(metadata)[1] or ctx.default_lang
            ack(
                response_action="errors",
                errors={block: error_text(err, lang) for block, err in errors.items()},
            )
            return
        ack()
        actor = _actor(ctx, body["user"]["id"])
        ctx.slack.chat_postMessage(channel=actor.user_id, **submit(ctx, actor, cohort_id, answer))

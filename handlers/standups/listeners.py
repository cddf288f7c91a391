"""The fellows' stand-up: `/standup`, the prompt's buttons, the answer form, and text sent to the bot.

Each listener acks first; no database session is held across a Web API call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial

from slack_bolt import Ack, App, Respond
from slack_sdk.errors import SlackApiError

from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.ports import UnitOfWork
from domain.standups.absences import come_back, set_away
from domain.standups.answers import (
    NO_STANDUP,
    Submitted,
    open_standup,
    record_post,
    skip_standup,
    standup_of,
    submit_answer,
)
from domain.standups.calendar import close_at
from domain.standups.commands import (
    Away,
    Back,
    History,
    OpenAnswer,
    Skip,
    TodaySoFar,
    parse_standup_command,
)
from domain.standups.history import standup_history
from domain.standups.model import SHARE_THREAD, check_answers
from domain.standups.today import standup_today
from handlers import ids
from handlers.blocks.help import command_help
from handlers.blocks.slack_errors import error_code
from handlers.blocks.standups import replies
from handlers.blocks.standups.form import (
    answer_errors,
    answer_modal,
    parse_answer_form,
    parse_answer_metadata,
    parse_standup_value,
)
from handlers.blocks.standups.messages import UNCONFIRMED, answer_post, confirmation, skip_noted
from handlers.blocks.standups.program import today_reply
from handlers.context import Context
from handlers.run import (
    OpenForm,
    Outcome,
    Reply,
    actor_of,
    answer,
    refuse_fields,
    run_use_case,
    slash_command,
)
from handlers.slack_out import PostUnknown, find_post, post_once, send_dm
from handlers.standups import admin as standup_admin
from handlers.standups import typed

log = logging.getLogger(__name__)


def _skip(ctx, uow, actor, command, lang):
    standup = skip_standup(uow, actor.user_id, actor.now, ctx.holidays)
    return replies.skipped(standup.cohort.name, standup.day, standup.cohort.lang)


RUNNERS = {
    Skip: _skip,
    Away: lambda ctx, uow, actor, command, lang: replies.away_set(set_away(uow, actor, command), lang),
    Back: lambda ctx, uow, actor, command, lang: replies.back_set(come_back(uow, actor, command), lang),
    History: lambda ctx, uow, actor, command, lang: replies.history(
        standup_history(uow, actor, command, uow.checkins), lang
    ),
    TodaySoFar: lambda ctx, uow, actor, command, lang: today_reply(
        standup_today(uow, actor, command.name, ctx.holidays), lang
    ),
}


def _standup_command(ctx: Context, text: str) -> Callable[[UnitOfWork, Actor], Outcome]:
    def run(uow: UnitOfWork, actor: Actor) -> Outcome:
        command = parse_standup_command(text)
        if isinstance(command, OpenAnswer):
            return OpenForm(answer_modal(open_standup(uow, actor.user_id, actor.now, ctx.holidays)))
        return Reply(
            RUNNERS[type(command)](
                ctx, uow, actor, command, address_language(uow, actor.user_id, ctx.default_lang)
            )
        )

    return run


def standup_command(ctx: Context, actor: Actor, command: dict) -> Outcome:
    """`/standup text`: the form to open, or the reply to send."""
    text = command.get("text") or ""
    return run_use_case(
        ctx, actor, _standup_command(ctx, text), _language(ctx, actor), read_only=_reads_only(text)
    )


def _reads_only(text: str) -> bool:
    """`/standup history` of oneself and `/standup today` only read, so they never wait for a writer;
    someone else's history is traced in the audit log."""
    try:
        command = parse_standup_command(text)
        return (isinstance(command, History) and command.user_id is None) or isinstance(command, TodaySoFar)
    except DomainError:
        return False


def _language(ctx: Context, actor: Actor) -> Callable[[UnitOfWork], str]:
    return lambda uow: address_language(uow, actor.user_id, ctx.default_lang)


def _named(body: dict) -> tuple[int, date]:
    target = parse_standup_value(body["actions"][0].get("value"))
    if target is None:
        raise DomainError(NO_STANDUP)
    return target


def share(ctx: Context, submitted: Submitted) -> tuple[str | None, str | None]:
    """Posts the answer in the cohort channel, or updates its post: (channel, Slack's error if it failed)."""
    target, standup, entry = submitted.share, submitted.standup, submitted.entry
    if target is None:
        return None, None
    in_thread = target.thread_ts is not None or (
        target.update_ts is not None and standup.settings.share == SHARE_THREAD
    )
    post = answer_post(standup.cohort, standup.settings, entry, in_thread=in_thread)
    key = f"standup:{entry.cohort_id}:{entry.user_id}:{entry.day.isoformat()}"
    update_ts = target.update_ts
    try:
        if update_ts is None and submitted.edited:
            # An earlier share whose answer was lost may have reached the channel after all.
            found = find_post(ctx, key, target.channel, target.thread_ts)
            update_ts = found[1] if found else None
        if update_ts:
            ctx.slack.chat_update(channel=target.channel, ts=update_ts, **post)
            channel, ts = target.channel, update_ts
        else:
            channel, ts = post_once(ctx, key, target.channel, post, thread_ts=target.thread_ts)
    except SlackApiError as error:
        log.warning(
            "stand-up answer of %s not shared in %s: %s", entry.user_id, target.channel, error_code(error)
        )
        return None, error_code(error)
    except (PostUnknown, OSError):
        log.warning("stand-up answer of %s: its post in %s is unconfirmed", entry.user_id, target.channel)
        return None, UNCONFIRMED
    if ts != target.update_ts:
        with ctx.uow() as uow:
            record_post(uow, entry, channel, ts)
            uow.commit()
    return channel, None


def answered(ctx: Context, actor: Actor, submitted: Submitted) -> None:
    shared_in, error = share(ctx, submitted)
    standup, entry = submitted.standup, submitted.entry
    reply = confirmation(
        standup.cohort,
        standup.settings,
        entry,
        edited=submitted.edited,
        shared_in=shared_in,
        share_error=error,
        blocker=entry.blocker(standup.settings),
        close_at=close_at(standup.settings, standup.day, standup.zone),
        zone=standup.zone,
    )
    send_dm(ctx, actor.user_id, reply)


def on_answer(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    actor = actor_of(ctx, body["user"]["id"])
    target = parse_answer_metadata(view.get("private_metadata") or "")
    raw, mood = parse_answer_form(view["state"]["values"])
    with ctx.uow() as uow:
        try:
            if target is None:
                raise DomainError(NO_STANDUP)
            standup = standup_of(uow, actor.user_id, *target, actor.now, ctx.holidays)
            answers, chosen, errors = check_answers(raw, mood, standup.settings.question_count)
            if errors:
                lang = address_language(uow, actor.user_id, ctx.default_lang, standup.cohort)
                refuse_fields(ack, answer_errors(errors), lang)
                return
            submitted = submit_answer(uow, actor.user_id, *target, answers, chosen, actor.now, ctx.holidays)
        except DomainError as err:
            refuse_fields(
                ack, {ids.standup_question(1): err}, address_language(uow, actor.user_id, ctx.default_lang)
            )
            return
        ack()
        uow.commit()
    answered(ctx, actor, submitted)


def on_open(ctx: Context, ack: Ack, body: dict, respond: Respond) -> None:
    """A prompt's or a confirmation's button: the form, or why it cannot be answered any more."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])

    def form(uow: UnitOfWork, actor: Actor) -> Outcome:
        return OpenForm(answer_modal(standup_of(uow, actor.user_id, *_named(body), actor.now, ctx.holidays)))

    answer(ctx, respond, run_use_case(ctx, actor, form, _language(ctx, actor)), body["trigger_id"])


def on_skip(ctx: Context, ack: Ack, body: dict, respond: Respond) -> None:
    """The prompt's "not today": the prompt is replaced by a note that still offers to answer."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])

    def skip(uow: UnitOfWork, actor: Actor) -> Outcome:
        standup = skip_standup(uow, actor.user_id, actor.now, ctx.holidays, *_named(body))
        return Reply(skip_noted(standup.cohort, standup.day), replace=True)

    answer(ctx, respond, run_use_case(ctx, actor, skip, _language(ctx, actor)))


def register(app: App, ctx: Context) -> None:
    app.command("/standup")(
        slash_command(
            ctx,
            lambda actor, command: standup_command(ctx, actor, command),
            partial(command_help, "/standup"),
        )
    )
    app.action(ids.STANDUP_OPEN)(lambda ack, body, respond: on_open(ctx, ack, body, respond))
    app.action(ids.STANDUP_SKIP)(lambda ack, body, respond: on_skip(ctx, ack, body, respond))
    app.view(ids.STANDUP_ANSWER)(lambda ack, body, view: on_answer(ctx, ack, body, view))
    app.event("message", matchers=[lambda event: event.get("channel_type") == "im"])(
        lambda event: typed.on_direct_message(ctx, event)
    )
    app.action(ids.STANDUP_SAVE_TEXT)(
        lambda ack, body, respond: typed.on_save_text(ctx, ack, body, respond, answered)
    )
    standup_admin.register(app, ctx)

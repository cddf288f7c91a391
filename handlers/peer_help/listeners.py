"""Asking for help: `/ask [question]`, a stand-up blocker's button and "ask again" open the form; its
submission posts the request and sends it to the people best placed to answer."""

from __future__ import annotations

from collections.abc import Iterable

from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor
from domain.command_parsing import unescape
from domain.messages import DomainError
from domain.peer_help.directory import skills_language
from domain.peer_help.drafts import prefill_from_text
from domain.peer_help.lifecycle import NOT_IN_COHORT, NOT_YOURS, ask, asking_cohorts, may_end
from domain.peer_help.routing import AwaySource
from domain.ports import Context
from handlers import ids
from handlers.blocks.peer_help import messages as help_messages
from handlers.blocks.peer_help.request import (
    ORIGIN_ASK,
    ORIGIN_REASK,
    ORIGIN_STANDUP,
    help_metadata,
    help_request_modal,
    parse_blocker_value,
    parse_help_metadata,
    parse_help_request,
)
from handlers.i18n import error_text
from handlers.peer_help import actions as help_actions
from handlers.peer_help import skills
from handlers.peer_help.slack import direct, post_request, route_request


def _actor(ctx: Context, user_id: str) -> Actor:
    return Actor(user_id, ctx.clock.now(), ctx.admins)


def open_form(
    ctx: Context,
    actor: Actor,
    trigger_id: str,
    text: str = "",
    *,
    cohort_id: int | None = None,
    origin: str = ORIGIN_ASK,
) -> dict | None:
    """Opens the form pre-filled with `text`; None, or the reply to send instead when there is nobody to ask."""
    with ctx.uow() as uow:
        cohorts = asking_cohorts(uow, actor.user_id, actor.now)
        lang = skills_language(uow, actor.user_id, ctx.default_lang)
    if not cohorts:
        return help_messages.mistake(DomainError(NOT_IN_COHORT), lang)
    chosen = next((c for c in cohorts if c.id == cohort_id), cohorts[0])
    title, details = prefill_from_text(text)
    view = help_request_modal(
        chosen.lang,
        title,
        details,
        private_metadata=help_metadata(chosen.id, origin),
        cohorts=[(c.id, c.name) for c in cohorts],
        cohort_id=chosen.id,
    )
    ctx.slack.views_open(trigger_id=trigger_id, view=view)
    return None


def _reask_form(ctx: Context, actor: Actor, request_id: int | None) -> dict:
    """The form pre-filled with the asker's earlier request, which the new one will replace."""
    with ctx.uow() as uow:
        found = may_end(uow, actor, request_id)
    if found.request.asker != actor.user_id:
        raise NotAllowed(NOT_YOURS)
    request = found.request
    return help_request_modal(
        found.cohort.lang,
        request.title,
        request.details,
        ", ".join(found.labels),
        help_metadata(request.cohort_id, ORIGIN_REASK, replaces=request.id),
    )


def submit(ctx: Context, actor: Actor, draft, metadata: str, away: tuple[AwaySource, ...]) -> None:
    form = parse_help_metadata(metadata)
    try:
        with ctx.uow() as uow:
            asked = ask(uow, actor, draft, form.origin, form.replaces, away=away)
            uow.commit()
    except DomainError as err:
        with ctx.uow() as uow:
            lang = skills_language(uow, actor.user_id, ctx.default_lang)
        direct(ctx, actor.user_id, help_messages.mistake(err, lang))
        return
    if post_request(ctx, actor, asked):
        ctx.slack.chat_postMessage(
            channel=actor.user_id, **help_messages.asked_message(route_request(ctx, asked))
        )


def _on_ask(ctx: Context):
    def on_ask(ack, command, respond):
        ack()
        actor = _actor(ctx, command["user_id"])
        reply = open_form(ctx, actor, command["trigger_id"], unescape(command.get("text") or ""))
        if reply is not None:
            respond(response_type="ephemeral", replace_original=False, **reply)

    return on_ask


def _on_blocker(ctx: Context):
    def on_blocker(ack, body):
        ack()
        actor = _actor(ctx, body["user"]["id"])
        cohort_id, blocker = parse_blocker_value(body["actions"][0].get("value"))
        reply = open_form(ctx, actor, body["trigger_id"], blocker, cohort_id=cohort_id, origin=ORIGIN_STANDUP)
        if reply is not None:
            direct(ctx, actor.user_id, reply)

    return on_blocker


def _on_reask(ctx: Context):
    def on_reask(ack, body, respond):
        ack()
        actor = _actor(ctx, body["user"]["id"])
        try:
            view = _reask_form(ctx, actor, help_actions.request_id(body))
        except DomainError as err:
            respond(
                response_type="ephemeral",
                replace_original=False,
                **help_messages.mistake(err, help_actions.lang_of(ctx, body)),
            )
            return
        ctx.slack.views_open(trigger_id=body["trigger_id"], view=view)

    return on_reask


def _on_request(ctx: Context, away: tuple[AwaySource, ...]):
    def on_request(ack, body, view):
        actor = _actor(ctx, body["user"]["id"])
        draft, errors = parse_help_request(view["state"]["values"], view.get("private_metadata") or "")
        if errors:
            with ctx.uow() as uow:
                lang = skills_language(uow, actor.user_id, ctx.default_lang)
            ack(
                response_action="errors",
                errors={block: error_text(err, lang) for block, err in errors.items()},
            )
            return
        ack()
        submit(ctx, actor, draft, view.get("private_metadata") or "", away)

    return on_request


def register(app, ctx: Context, away: Iterable[AwaySource]) -> None:
    """`away`: who is away on a day, from the features that know of absences (the stand-ups)."""
    app.command("/ask")(_on_ask(ctx))
    app.action(ids.STANDUP_BLOCKER_TO_HELP)(_on_blocker(ctx))
    app.action(ids.HELP_REASK)(_on_reask(ctx))
    app.view(ids.HELP_REQUEST)(_on_request(ctx, tuple(away)))
    help_actions.register(app, ctx)
    skills.register(app, ctx)

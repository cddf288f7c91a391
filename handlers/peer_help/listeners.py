"""Asking for help: `/ask [question]`, a stand-up blocker's button and "ask again" open the form; its
submission posts the request and sends it to the people best placed to answer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from slack_bolt import Ack, App, Respond

from domain.cohorts.language import address_language
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor
from domain.command_parsing import unescape
from domain.peer_help.drafts import HelpDraft, prefill_from_text
from domain.peer_help.lifecycle import NOT_YOURS, ask, asking_cohorts, cohort_to_ask_in, may_end
from domain.peer_help.routing import AwaySource
from domain.ports import UnitOfWork
from handlers import ids
from handlers.blocks.help import command_help
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
from handlers.context import Context
from handlers.peer_help import actions as help_actions
from handlers.peer_help import skills
from handlers.peer_help.slack import post_request, route_request
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
from handlers.slack_out import send_dm


def _language(ctx: Context, actor: Actor) -> Callable[[UnitOfWork], str]:
    return lambda uow: address_language(uow, actor.user_id, ctx.default_lang)


def _form(text: str, cohort_id: int | None, origin: str) -> Callable[[UnitOfWork, Actor], OpenForm]:
    """The form pre-filled with `text`; a mistake when there is nobody to ask."""

    def form(uow: UnitOfWork, actor: Actor) -> OpenForm:
        chosen = cohort_to_ask_in(uow, actor, cohort_id)
        cohorts = asking_cohorts(uow, actor.user_id, actor.now)
        title, details = prefill_from_text(text)
        return OpenForm(
            help_request_modal(
                chosen.lang,
                title,
                details,
                private_metadata=help_metadata(chosen.id, origin),
                cohorts=[(c.id, c.name) for c in cohorts],
                cohort_id=chosen.id,
            )
        )

    return form


def _reask_form(request_id: int | None) -> Callable[[UnitOfWork, Actor], OpenForm]:
    """The form pre-filled with the asker's earlier request, which the new one will replace."""

    def form(uow: UnitOfWork, actor: Actor) -> OpenForm:
        found = may_end(uow, actor, request_id)
        if found.request.asker != actor.user_id:
            raise NotAllowed(NOT_YOURS)
        request = found.request
        return OpenForm(
            help_request_modal(
                found.cohort.lang,
                request.title,
                request.details,
                ", ".join(found.labels),
                help_metadata(request.cohort_id, ORIGIN_REASK, replaces=request.id),
            )
        )

    return form


def submit(ctx: Context, actor: Actor, draft: HelpDraft, metadata: str, away: tuple[AwaySource, ...]) -> None:
    form = parse_help_metadata(metadata)
    asked = run_use_case(
        ctx,
        actor,
        lambda uow, actor: ask(uow, actor, draft, form.origin, form.replaces, away=away),
        _language(ctx, actor),
    )
    if isinstance(asked, Reply):
        send_dm(ctx, actor.user_id, asked.message)
        return
    if post_request(ctx, actor, asked):
        send_dm(ctx, actor.user_id, help_messages.asked_message(route_request(ctx, asked)))


def ask_command(ctx: Context, actor: Actor, command: dict) -> Outcome:
    """`/ask [question]`: the form, pre-filled with the question."""
    form = _form(unescape(command.get("text") or ""), None, ORIGIN_ASK)
    return run_use_case(ctx, actor, form, _language(ctx, actor))


def on_blocker(ctx: Context, ack: Ack, body: dict) -> None:
    """A stand-up blocker's button: the form pre-filled with the blocker; a mistake comes by DM."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    cohort_id, blocker = parse_blocker_value(body["actions"][0].get("value"))
    outcome = run_use_case(ctx, actor, _form(blocker, cohort_id, ORIGIN_STANDUP), _language(ctx, actor))
    if isinstance(outcome, OpenForm):
        ctx.slack.views_open(trigger_id=body["trigger_id"], view=outcome.view)
    else:
        send_dm(ctx, actor.user_id, outcome.message)


def on_reask(ctx: Context, ack: Ack, body: dict, respond: Respond) -> None:
    ack()
    request, user_id = help_actions.request_id(body), body["user"]["id"]
    outcome = run_use_case(
        ctx,
        actor_of(ctx, user_id),
        _reask_form(request),
        help_actions.request_language(ctx, user_id, request),
    )
    answer(ctx, respond, outcome, body["trigger_id"])


def on_request(ctx: Context, ack: Ack, body: dict, view: dict, away: tuple[AwaySource, ...]) -> None:
    actor = actor_of(ctx, body["user"]["id"])
    draft, errors = parse_help_request(view["state"]["values"], view.get("private_metadata") or "")
    if errors or draft is None:
        with ctx.uow() as uow:
            refuse_fields(ack, errors, _language(ctx, actor)(uow))
        return
    ack()
    submit(ctx, actor, draft, view.get("private_metadata") or "", away)


def register(app: App, ctx: Context, away: Iterable[AwaySource]) -> None:
    """`away`: who is away on a day, from the features that know of absences (the stand-ups)."""
    absent = tuple(away)
    app.command("/ask")(
        slash_command(
            ctx, lambda actor, command: ask_command(ctx, actor, command), partial(command_help, "/ask")
        )
    )
    app.action(ids.STANDUP_BLOCKER_TO_HELP)(lambda ack, body: on_blocker(ctx, ack, body))
    app.action(ids.HELP_REASK)(lambda ack, body, respond: on_reask(ctx, ack, body, respond))
    app.view(ids.HELP_REQUEST)(lambda ack, body, view: on_request(ctx, ack, body, view, absent))
    help_actions.register(app, ctx)
    skills.register(app, ctx)

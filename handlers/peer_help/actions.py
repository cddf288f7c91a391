"""The buttons of a help request (offer, resolve, close) and the resolve form.

A refusal (own request, someone else's, already ended) is said to the clicker only, and nothing
changes; a second click on the same offer changes nothing and says nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from slack_bolt import Ack, App, Respond

from domain.cohorts.language import reader_language
from domain.cohorts.records import Actor
from domain.peer_help.lifecycle import HelpView, close, may_end, offer_help, resolve
from domain.ports import UnitOfWork
from handlers import ids
from handlers.blocks.peer_help import messages as help_messages
from handlers.blocks.peer_help.resolve import parse_resolve_form, resolve_form
from handlers.context import Context
from handlers.peer_help.slack import update_request
from handlers.run import OpenForm, Reply, actor_of, answer, refuse_fields, run_click, run_use_case
from handlers.slack_out import send_dm

T = TypeVar("T")


def request_id(body: dict) -> int | None:
    return ids.parse_id((body.get("actions") or [{}])[0].get("value"))


def request_language(ctx: Context, user_id: str, request: int | None) -> Callable[[UnitOfWork], str]:
    """The language to tell `user_id` about a help request in: its cohort's (where its buttons were), or
    their own when they are not of that cohort."""

    def language(uow: UnitOfWork) -> str:
        found = uow.help.get(request) if request is not None else None
        cohort = uow.cohorts.get(found.cohort_id) if found is not None else None
        return reader_language(uow, user_id, ctx.default_lang, cohort)

    return language


def _ended(ctx: Context, actor: Actor, view: HelpView) -> None:
    """After a resolution or a closing: the channel message, the credited helpers, and the asker if someone
    else did it."""
    update_request(ctx, view)
    for helper in view.credited:
        send_dm(ctx, helper, help_messages.resolved_to_helper(view))
    if actor.user_id != view.request.asker:
        send_dm(ctx, view.request.asker, help_messages.ended_message(view))


def _click(ctx: Context, body: dict, respond: Respond, use_case: Callable[..., T]) -> T | None:
    """Runs one use case on the clicked request; a refusal is told to the clicker and gives None."""
    request, user_id = request_id(body), body["user"]["id"]
    return run_click(
        ctx,
        respond,
        actor_of(ctx, user_id),
        lambda uow, actor: use_case(uow, actor, request),
        request_language(ctx, user_id, request),
    )


def on_offer(ctx: Context, ack: Ack, body: dict, respond: Respond) -> None:
    ack()
    offered = _click(ctx, body, respond, offer_help)
    if offered is None or not offered.new:
        return
    update_request(ctx, offered.view)
    send_dm(ctx, offered.view.request.asker, help_messages.offered_to_asker(offered.view, body["user"]["id"]))
    answer(ctx, respond, Reply(help_messages.offer_noted(offered.view)))


def on_resolve(ctx: Context, ack: Ack, body: dict, respond: Respond) -> None:
    ack()
    view = _click(ctx, body, respond, may_end)
    if view is not None:
        answer(ctx, respond, OpenForm(resolve_form(view)), body["trigger_id"])


def on_resolve_form(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    request, helpers, thanks, errors = parse_resolve_form(
        view["state"]["values"], view.get("private_metadata", "")
    )
    language = request_language(ctx, body["user"]["id"], request)
    if errors:
        with ctx.uow() as uow:
            refuse_fields(ack, errors, language(uow))
        return
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    resolved = run_use_case(
        ctx, actor, lambda uow, actor: resolve(uow, actor, request, helpers, thanks), language
    )
    if isinstance(resolved, Reply):
        send_dm(ctx, actor.user_id, resolved.message)
        return
    _ended(ctx, actor, resolved)


def on_close(ctx: Context, ack: Ack, body: dict, respond: Respond) -> None:
    ack()
    closed = _click(ctx, body, respond, close)
    if closed is None:
        return
    _ended(ctx, actor_of(ctx, body["user"]["id"]), closed)
    answer(ctx, respond, Reply(help_messages.ended_message(closed)))


def register(app: App, ctx: Context) -> None:
    app.action(ids.HELP_OFFER)(lambda ack, body, respond: on_offer(ctx, ack, body, respond))
    app.action(ids.HELP_RESOLVE)(lambda ack, body, respond: on_resolve(ctx, ack, body, respond))
    app.view(ids.HELP_RESOLVE_FORM)(lambda ack, body, view: on_resolve_form(ctx, ack, body, view))
    app.action(ids.HELP_CLOSE)(lambda ack, body, respond: on_close(ctx, ack, body, respond))

"""The buttons of a help request (offer, resolve, close) and the resolve form.

A refusal (own request, someone else's, already ended) is said to the clicker only, and nothing
changes; a second click on the same offer changes nothing and says nothing more.
"""

from __future__ import annotations

from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.peer_help.lifecycle import HelpView, close, may_end, offer_help, resolve
from domain.ports import Context
from handlers import ids
from handlers.blocks.peer_help import messages as help_messages
from handlers.blocks.peer_help.resolve import parse_resolve_form, resolve_form
from handlers.i18n import error_text
from handlers.peer_help.slack import direct, update_request


def request_id(body: dict) -> int | None:
    value = str((body.get("actions") or [{}])[0].get("value") or "")
    return int(value) if value.isdigit() else None


def lang_of(ctx: Context, body: dict, request: int | None = None) -> str:
    """The language of the request's cohort (the one its buttons were shown in), else the default."""
    request = request if request is not None else request_id(body)
    with ctx.uow() as uow:
        found = uow.help.get(request) if request is not None else None
        return uow.cohorts.get(found.cohort_id).lang if found is not None else ctx.default_lang


def _say(respond, reply: dict) -> None:
    respond(response_type="ephemeral", replace_original=False, **reply)


def _ended(ctx: Context, actor: Actor, view: HelpView) -> None:
    """After a resolution or a closing: the channel message, the credited helpers, and the asker if someone
    else did it."""
    update_request(ctx, view)
    for helper in view.credited:
        direct(ctx, helper, help_messages.resolved_to_helper(view))
    if actor.user_id != view.request.asker:
        direct(ctx, view.request.asker, help_messages.ended_message(view))


def _actor(ctx: Context, body: dict) -> Actor:
    return Actor(body["user"]["id"], ctx.clock.now(), ctx.admins)


def _apply(ctx: Context, body: dict, respond, use_case, *, commit: bool = True):
    """Runs one use case on the clicked request; a refusal is told to the clicker and gives None."""
    try:
        with ctx.uow() as uow:
            result = use_case(uow, _actor(ctx, body), request_id(body))
            if commit:
                uow.commit()
            return result
    except DomainError as err:
        _say(respond, help_messages.mistake(err, lang_of(ctx, body)))
        return None


def _on_offer(ctx: Context):
    def on_offer(ack, body, respond):
        ack()
        offered = _apply(ctx, body, respond, offer_help)
        if offered is None or not offered.new:
            return
        update_request(ctx, offered.view)
        direct(
            ctx, offered.view.request.asker, help_messages.offered_to_asker(offered.view, body["user"]["id"])
        )
        _say(respond, help_messages.offer_noted(offered.view))

    return on_offer


def _on_resolve(ctx: Context):
    def on_resolve(ack, body, respond):
        ack()
        view = _apply(ctx, body, respond, may_end, commit=False)
        if view is None:
            return
        ctx.slack.views_open(trigger_id=body["trigger_id"], view=resolve_form(view))

    return on_resolve


def _on_resolve_form(ctx: Context):
    def on_resolve_form(ack, body, view):
        actor = _actor(ctx, body)
        request, helpers, thanks, errors = parse_resolve_form(
            view["state"]["values"], view.get("private_metadata", "")
        )
        if errors:
            lang = lang_of(ctx, body, request)
            ack(
                response_action="errors",
                errors={block: error_text(err, lang) for block, err in errors.items()},
            )
            return
        ack()
        try:
            with ctx.uow() as uow:
                resolved = resolve(uow, actor, request, helpers, thanks)
                uow.commit()
        except DomainError as err:
            direct(ctx, actor.user_id, help_messages.mistake(err, lang_of(ctx, body, request)))
            return
        _ended(ctx, actor, resolved)

    return on_resolve_form


def _on_close(ctx: Context):
    def on_close(ack, body, respond):
        ack()
        closed = _apply(ctx, body, respond, close)
        if closed is None:
            return
        _ended(ctx, _actor(ctx, body), closed)
        _say(respond, help_messages.ended_message(closed))

    return on_close


def register(app, ctx: Context) -> None:
    app.action(ids.HELP_OFFER)(_on_offer(ctx))
    app.action(ids.HELP_RESOLVE)(_on_resolve(ctx))
    app.view(ids.HELP_RESOLVE_FORM)(_on_resolve_form(ctx))
    app.action(ids.HELP_CLOSE)(_on_close(ctx))

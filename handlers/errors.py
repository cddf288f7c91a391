"""The one error handler: log what failed (its type and ids), tell the user, in their language, nothing was saved.

An exception's message may quote what people wrote (a database error repeats the row's values), so
the log names the exception's type and the ids of the request; the traceback's frames (code, no
values) go to DEBUG.
"""

from __future__ import annotations

import logging
import traceback

from slack_sdk.errors import SlackApiError

from domain.cohorts.language import address_language
from domain.messages import DomainError
from handlers.blocks.slack_errors import error_code
from handlers.context import Context
from handlers.i18n import SOMETHING_WENT_WRONG, error_text, gettext

log = logging.getLogger(__name__)


def register(app, ctx: Context) -> None:
    @app.error
    def on_error(error, body, respond, client):
        user_id = _user_id(body)
        if isinstance(error, DomainError):
            # A mistake that reached no answer of its own (a stale or forged id): told as any mistake.
            log.info("refused in a listener (%s)", where(body))
        else:
            log.error("unhandled %s in a listener (%s)", type(error).__name__, where(body))
            log.debug("where it failed:\n%s", "".join(traceback.format_tb(error.__traceback__)))
        if user_id is None:
            return
        lang = _language(ctx, user_id)
        text = (
            error_text(error, lang) if isinstance(error, DomainError) else gettext(SOMETHING_WENT_WRONG, lang)
        )
        try:
            if body.get("response_url") or _response_urls(body):
                respond(text=text, response_type="ephemeral", replace_original=False)
            else:
                client.chat_postMessage(channel=user_id, text=text)
        except (SlackApiError, OSError) as notify_error:
            log.error("could not tell %s about the error: %s", user_id, _reason(notify_error))


def where(body: object) -> str:
    """The ids of a request, never its text: who, which command, button, form or event."""
    if not isinstance(body, dict):
        return "no body"
    parts = [f"user={_user_id(body)}"]
    if isinstance(body.get("command"), str):
        parts.append(f"command={body['command']}")
    actions = body.get("actions")
    if isinstance(actions, list) and actions and isinstance(actions[0], dict):
        parts.append(f"action={actions[0].get('action_id')}")
    view = body.get("view")
    if isinstance(view, dict) and body.get("type") in ("view_submission", "view_closed"):
        parts.append(f"form={view.get('callback_id')}")
    event = body.get("event")
    if isinstance(event, dict):
        parts.append(f"event={event.get('type')}")
    return " ".join(parts)


def _reason(error: Exception) -> str:
    return error_code(error) if isinstance(error, SlackApiError) else type(error).__name__


def _language(ctx: Context, user_id: str) -> str:
    """The person's language; the default when the database cannot say, since it may be what failed."""
    try:
        with ctx.uow() as uow:
            return address_language(uow, user_id, ctx.default_lang)
    except Exception as lookup_error:  # noqa: BLE001 - the person must hear back whatever failed
        log.warning("no language for %s, the default is used: %s", user_id, type(lookup_error).__name__)
        return ctx.default_lang


def _user_id(body: dict) -> str | None:
    if not isinstance(body, dict):
        return None
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    event = body.get("event") or {}
    return body.get("user_id") or (event.get("user") if isinstance(event, dict) else None)


def _response_urls(body: dict) -> bool:
    return bool(body.get("response_urls"))

"""The one error handler: log with the traceback, tell the user, in their language, nothing was saved."""

from __future__ import annotations

from logging import Logger

from slack_sdk.errors import SlackApiError

from domain.cohorts.language import address_language
from handlers.context import Context
from handlers.i18n import SOMETHING_WENT_WRONG, gettext


def register(app, ctx: Context) -> None:
    @app.error
    def on_error(error, body, logger, respond, client):
        logger.error("unhandled error in a listener: %s", error, exc_info=error)
        user_id = _user_id(body)
        if user_id is None:
            return
        text = gettext(SOMETHING_WENT_WRONG, _language(ctx, user_id, logger))
        try:
            if body.get("response_url") or _response_urls(body):
                respond(text=text, response_type="ephemeral", replace_original=False)
            else:
                client.chat_postMessage(channel=user_id, text=text)
        except (SlackApiError, OSError) as notify_error:
            logger.error("could not tell %s about the error: %s", user_id, notify_error)


def _language(ctx: Context, user_id: str, logger: Logger) -> str:
    """The person's language; the default when the database cannot say, since it may be what failed."""
    try:
        with ctx.uow() as uow:
            return address_language(uow, user_id, ctx.default_lang)
    except Exception as lookup_error:  # noqa: BLE001 - the person must hear back whatever failed
        logger.warning("no language for %s, the default is used: %s", user_id, lookup_error)
        return ctx.default_lang


def _user_id(body: dict) -> str | None:
    if not isinstance(body, dict):
        return None
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    event = body.get("event") or {}
    return body.get("user_id") or event.get("user")


def _response_urls(body: dict) -> bool:
    return bool(body.get("response_urls"))

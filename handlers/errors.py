"""The one error handler: log with the traceback, tell the user nothing was saved."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from domain.ports import Context
from handlers.i18n import SOMETHING_WENT_WRONG, gettext


def register(app, ctx: Context) -> None:
    @app.error
    def on_error(error, body, logger, respond, client):
        logger.error("unhandled error in a listener: %s", error, exc_info=error)
        user_id = _user_id(body)
        if user_id is None:
            return
        text = gettext(SOMETHING_WENT_WRONG, ctx.default_lang)
        try:
            if body.get("response_url") or _response_urls(body):
                respond(text=text, response_type="ephemeral", replace_original=False)
            else:
                client.chat_postMessage(channel=user_id, text=text)
        except (SlackApiError, OSError) as notify_error:
            logger.error("could not tell %s about the error: %s", user_id, notify_error)


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

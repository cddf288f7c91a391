"""What every feature relies on: retried events dropped, errors told to the user, the scopes of
sending and of checking a delivery after a crash, and forgetting old event ids."""

from __future__ import annotations

from bot.feature import Feature, fixed
from handlers import errors, middleware
from schedules.housekeeping import HOUSEKEEPING
from storage import models
from storage.privacy.core import DELIVERIES


def _register(app, ctx, sources) -> None:
    # The middleware first: a retried event is dropped before any listener sees it.
    middleware.register(app, ctx)
    errors.register(app, ctx)


INFRASTRUCTURE = Feature(
    "infrastructure",
    register=_register,
    scopes={
        "chat:write": "Send direct messages by user ID and posts in the cohort channel, update them, "
        "and answer with ephemeral messages.",
        "im:history": "Receive message.im events, to answer fellows who reply in text in the bot's Messages tab, "
        "and read a DM's history to check whether a message was already delivered after a crash.",
        "im:write": "conversations.open, used only to find a DM channel when checking whether a message "
        "was already delivered after a crash.",
        "channels:history": "Read the cohort's public channel history, only to check whether a channel post "
        "was already delivered after a crash.",
        "groups:history": "The same check for a cohort's private channel.",
    },
    jobs=fixed(HOUSEKEEPING),
    tables=(models,),
    personal_data=(DELIVERIES,),
)

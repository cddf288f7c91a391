"""The Home tab: published when someone opens it, and again after they change their sharing choice."""

from __future__ import annotations

from domain.checkins.answers import ShareCommand, choose_share, lang_for
from domain.checkins.model import Share
from domain.cohorts.records import Actor
from domain.home.overview import home_of
from domain.messages import DomainError
from domain.ports import Context
from handlers import ids
from handlers.blocks.cohorts.replies import mistake
from handlers.blocks.home.messages import home_view

HOME_TAB = "home"


def publish(ctx: Context, user_id: str) -> None:
    actor = Actor(user_id, ctx.clock.now(), ctx.admins)
    with ctx.uow() as uow:
        view = home_view(home_of(uow, actor, ctx.default_lang, ctx.holidays))
    ctx.slack.views_publish(user_id=user_id, view=view)


def on_home_opened(ctx: Context, event: dict) -> None:
    # The Messages tab sends the same event; it needs nothing, but it must still be answered.
    if event.get("tab") != HOME_TAB:
        return
    publish(ctx, event["user"])


def on_share(ctx: Context, ack, body: dict, share: Share) -> None:
    """A sharing button of the Home tab: the choice is recorded, then the Home shows it."""
    ack()
    actor = Actor(body["user"]["id"], ctx.clock.now(), ctx.admins)
    with ctx.uow() as uow:
        try:
            choose_share(uow, actor, ShareCommand(share))
            uow.commit()
            refused = None
        except DomainError as err:
            refused = mistake(err, lang_for(uow, actor.user_id, ctx.default_lang), usage=None)
    if refused is not None:
        ctx.slack.chat_postMessage(channel=actor.user_id, **refused)
    publish(ctx, actor.user_id)


def register(app, ctx: Context) -> None:
    app.event("app_home_opened")(lambda event: on_home_opened(ctx, event))
    app.action(ids.HOME_SHARE_FIGURES)(lambda ack, body: on_share(ctx, ack, body, Share.FIGURES))
    app.action(ids.HOME_SHARE_TEXT)(lambda ack, body: on_share(ctx, ack, body, Share.TEXT))

"""The Home tab: published when someone opens it, and again after they change their sharing choice.

Its sections are the features', given to `register` by the feature registry."""

from __future__ import annotations

from collections.abc import Iterable

from slack_bolt import Ack, App

from domain.checkins.answers import ShareCommand, choose_share
from domain.checkins.model import Share
from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.home.overview import home_of
from handlers import ids
from handlers.blocks.home.messages import home_view
from handlers.context import Context
from handlers.home.sections import HomeSection
from handlers.run import Reply, actor_of, run_use_case
from handlers.slack_out import send_dm

HOME_TAB = "home"


def publish(ctx: Context, user_id: str, sections: tuple[HomeSection, ...]) -> None:
    actor = Actor(user_id, ctx.clock.now(), ctx.admins)
    sources = [section.source for section in sections]
    with ctx.reading() as uow:
        home = home_of(uow, actor, ctx.default_lang, ctx.holidays, sources)
    view = home_view(home, {section.source.key: section.render for section in sections})
    ctx.slack.views_publish(user_id=user_id, view=view)


def on_home_opened(ctx: Context, event: dict, sections: tuple[HomeSection, ...]) -> None:
    # The Messages tab sends the same event; it needs nothing, but it must still be answered.
    if event.get("tab") != HOME_TAB:
        return
    publish(ctx, event["user"], sections)


def on_share(ctx: Context, ack: Ack, body: dict, share: Share, sections: tuple[HomeSection, ...]) -> None:
    """A sharing button of the Home tab: the choice is recorded, then the Home shows it."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    chosen = run_use_case(
        ctx,
        actor,
        lambda uow, actor: choose_share(uow, actor, ShareCommand(share)),
        lambda uow: address_language(uow, actor.user_id, ctx.default_lang),
    )
    if isinstance(chosen, Reply):
        send_dm(ctx, actor.user_id, chosen.message)
    publish(ctx, actor.user_id, sections)


def register(app: App, ctx: Context, sections: Iterable[HomeSection]) -> None:
    shown = tuple(sections)
    app.event("app_home_opened")(lambda event: on_home_opened(ctx, event, shown))
    app.action(ids.HOME_SHARE_FIGURES)(lambda ack, body: on_share(ctx, ack, body, Share.FIGURES, shown))
    app.action(ids.HOME_SHARE_TEXT)(lambda ack, body: on_share(ctx, ack, body, Share.TEXT, shown))

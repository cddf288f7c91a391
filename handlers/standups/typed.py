"""Text typed to the bot in its Messages tab (`message.im`): never thrown away.

During an open stand-up, the bot offers to keep the text as the fellow's answer (one click); a
question to the bot, or text outside a stand-up, gets the short help of the commands.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import Ack, Respond

from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.command_parsing import unescape
from domain.messages import DomainError
from domain.ports import UnitOfWork
from domain.standups.answers import NO_STANDUP, Submitted
from domain.standups.typed import reads_as_question, save_typed_answer, standup_open_to
from handlers.blocks.help import commands_overview
from handlers.blocks.standups.typed import kept, parse_typed_value, save_offer
from handlers.context import Context
from handlers.run import Reply, actor_of, answer, run_use_case

# Text a person types to the bot: plain messages and files, never edits, deletions or bots.
TYPED_SUBTYPES = (None, "file_share")


def on_direct_message(ctx: Context, event: dict) -> None:
    if event.get("subtype") not in TYPED_SUBTYPES or event.get("bot_id") or not event.get("user"):
        return
    user_id, text = event["user"], unescape(event.get("text") or "").strip()
    with ctx.reading() as uow:
        lang = address_language(uow, user_id, ctx.default_lang)
        standup = None
        if text and not reads_as_question(text):
            standup = standup_open_to(uow, user_id, ctx.clock.now(), ctx.holidays)
    reply = save_offer(standup, text) if standup is not None else commands_overview(lang)
    ctx.slack.chat_postMessage(channel=event["channel"], **reply)


def on_save_text(
    ctx: Context,
    ack: Ack,
    body: dict,
    respond: Respond,
    answered: Callable[[Context, Actor, Submitted], None],
) -> None:
    """*Save as my answer*: the text becomes the first answer, shared as a form's answer would be."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    typed = parse_typed_value(body["actions"][0].get("value"))

    def save(uow: UnitOfWork, actor: Actor) -> Submitted:
        if typed is None:
            raise DomainError(NO_STANDUP)
        return save_typed_answer(uow, actor.user_id, typed, actor.now, ctx.holidays)

    result = run_use_case(
        ctx, actor, save, lambda uow: address_language(uow, actor.user_id, ctx.default_lang)
    )
    if isinstance(result, Reply):
        answer(ctx, respond, result)
        return
    answer(ctx, respond, Reply(kept(result.standup), replace=True))
    answered(ctx, actor, result)

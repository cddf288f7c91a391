"""The pairing in Slack: `/cohort pairing`, `/pairing` and the introduction's buttons."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from slack_bolt import Ack, App, Respond

from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.pairing.admin import change_never_pairs, configure_pairing
from domain.pairing.answers import answer_pair, change_pairing
from domain.pairing.commands import (
    COHORT_PAIRING_USAGE,
    PAIRING_USAGE,
    NeverPairCommand,
    ResumePairing,
    parse_cohort_pairing,
    parse_pairing,
)
from domain.pairing.model import Outcome
from domain.ports import UnitOfWork
from handlers import ids
from handlers.blocks.help import command_help
from handlers.blocks.pairing import messages, replies
from handlers.cohorts.subcommands import Call, CohortSubcommand
from handlers.context import Context
from handlers.run import Outcome as Answer
from handlers.run import Reply, actor_of, answer, run_click, run_use_case, slash_command


def _cohort_pairing(call: Call, command) -> Reply:
    if isinstance(command, NeverPairCommand):
        return Reply(replies.never_changed(change_never_pairs(call.uow, call.actor, command)))
    return Reply(replies.configured(configure_pairing(call.uow, call.actor, command, call.ctx.holidays)))


SUBCOMMANDS = {"pairing": CohortSubcommand(parse_cohort_pairing, COHORT_PAIRING_USAGE, _cohort_pairing)}


def _language(ctx: Context, actor: Actor) -> Callable[[UnitOfWork], str]:
    return lambda uow: address_language(uow, actor.user_id, ctx.default_lang)


def pairing_command(ctx: Context, actor: Actor, command: dict) -> Answer:
    """`/pairing pause [until DATE]`, `resume`, `off`; alone, where the person stands."""

    def run(uow: UnitOfWork, actor: Actor) -> Reply:
        what = parse_pairing(command.get("text") or "")
        result = change_pairing(uow, actor, what)
        lang = address_language(uow, actor.user_id, ctx.default_lang)
        if isinstance(what, ResumePairing) and not result.changed:
            return Reply(replies.not_paused(lang))
        return Reply(replies.standing(result, lang))

    return run_use_case(ctx, actor, run, _language(ctx, actor), usage=PAIRING_USAGE)


def on_answer(ctx: Context, body: dict, respond: Respond, outcome: Outcome) -> None:
    """A button of an introduction or a follow-up: the answer, shown in place of the buttons."""
    actor = actor_of(ctx, body["user"]["id"])
    pair_id = messages.pair_id_of(str(body["actions"][0].get("value") or ""))
    done = run_click(
        ctx,
        respond,
        actor,
        lambda uow, actor: answer_pair(uow, actor, pair_id if pair_id is not None else -1, outcome),
        _language(ctx, actor),
    )
    if done is not None:
        original = body.get("message") or {}
        answer(ctx, respond, Reply(messages.answered(original, done.pair, done.cohort.lang), replace=True))


def _clicked(ctx: Context, outcome: Outcome) -> Callable[[Ack, dict, Respond], None]:
    def listener(ack: Ack, body: dict, respond: Respond) -> None:
        ack()
        on_answer(ctx, body, respond, outcome)

    return listener


def register(app: App, ctx: Context) -> None:
    app.command("/pairing")(
        slash_command(
            ctx,
            lambda actor, command: pairing_command(ctx, actor, command),
            partial(command_help, "/pairing"),
        )
    )
    app.action(ids.PAIRING_MET)(_clicked(ctx, Outcome.MET))
    app.action(ids.PAIRING_SKIP)(_clicked(ctx, Outcome.SKIPPED))

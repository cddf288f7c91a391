"""How a listener runs a use case, written once: one unit of work, the commit, and an expected
failure told to the person in their language with nothing saved.

A command or a button answers with one `Outcome`: a form to open, or a reply to the sender only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from slack_bolt import Ack, Respond

from domain.cohorts.language import address_language
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor
from domain.command_parsing import CommandError, asks_for_help
from domain.messages import DomainError
from domain.ports import UnitOfWork
from handlers.blocks.kit import mistake
from handlers.context import Context
from handlers.i18n import error_text

T = TypeVar("T")


@dataclass(frozen=True)
class OpenForm:
    """A modal to open with the trigger of the command or the click."""

    view: dict


@dataclass(frozen=True)
class Reply:
    """A message for the sender only; `replace` puts it in place of the message that was clicked."""

    message: dict
    replace: bool = False


Outcome = OpenForm | Reply


def actor_of(ctx: Context, user_id: str) -> Actor:
    """Who acts, and when: the clock is read once per listener call."""
    return Actor(user_id, ctx.clock.now(), ctx.admins)


def run_use_case(
    ctx: Context,
    actor: Actor,
    use_case: Callable[[UnitOfWork, Actor], T],
    language: Callable[[UnitOfWork], str],
    *,
    usage: str | None = None,
    read_only: bool = False,
) -> T | Reply:
    """The use case's result, committed; or the Reply naming the mistake, with nothing saved.

    `language(uow)` is asked only for a mistake. A command mistake carries its own usage line, a
    refusal (not allowed) none; any other mistake gets `usage`. A `read_only` use case never waits
    for a writer, and cannot write.
    """
    with ctx.reading() if read_only else ctx.uow() as uow:
        try:
            result = use_case(uow, actor)
        except DomainError as err:
            return Reply(mistake(err, language(uow), _usage(err, usage)))
        uow.commit()
        return result


def run_click(
    ctx: Context,
    respond: Respond,
    actor: Actor,
    use_case: Callable[[UnitOfWork, Actor], T],
    language: Callable[[UnitOfWork], str],
) -> T | None:
    """`run_use_case` for a button: a mistake is answered to the clicker at once, and gives None."""
    result = run_use_case(ctx, actor, use_case, language)
    if isinstance(result, Reply):
        answer(ctx, respond, result)
        return None
    return result


def _usage(err: DomainError, usage: str | None) -> str | None:
    if isinstance(err, NotAllowed):
        return None
    if isinstance(err, CommandError):
        return err.usage
    return usage


def answer(ctx: Context, respond: Respond, outcome: Outcome, trigger_id: str | None = None) -> None:
    """Opens the form, or answers the sender only."""
    if isinstance(outcome, OpenForm):
        ctx.slack.views_open(trigger_id=trigger_id, view=outcome.view)
    elif outcome.replace:
        respond(replace_original=True, **outcome.message)
    else:
        respond(response_type="ephemeral", replace_original=False, **outcome.message)


def slash_command(
    ctx: Context,
    run: Callable[[Actor, dict], Outcome | None],
    help_text: Callable[[str], dict] | None = None,
) -> Callable[[Ack, dict, Respond], None]:
    """The listener of a slash command: ack first, run, then open the form or reply.

    Given `help_text` (the command's help in a language), `/command help` answers it and does
    nothing else: no form opens, nothing is saved.
    """

    def on_command(ack: Ack, command: dict, respond: Respond) -> None:
        ack()
        if help_text is not None and asks_for_help(command.get("text") or ""):
            with ctx.reading() as uow:
                lang = address_language(uow, command["user_id"], ctx.default_lang)
            answer(ctx, respond, Reply(help_text(lang)))
            return
        outcome = run(actor_of(ctx, command["user_id"]), command)
        if outcome is not None:
            answer(ctx, respond, outcome, command.get("trigger_id"))

    return on_command


def refuse_fields(ack: Ack, errors: Mapping[str, DomainError], lang: str) -> None:
    """Answers a form submission with its mistakes beside their fields; the form stays open."""
    ack(response_action="errors", errors={block: error_text(err, lang) for block, err in errors.items()})

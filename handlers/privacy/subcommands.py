"""`/cohort privacy`, `/cohort mydata`, `/cohort forget` and `/cohort retention`."""

from __future__ import annotations

import secrets
from typing import Any

from domain.cohorts.language import address_language, latest_cohort
from domain.privacy import commands
from domain.privacy.access import my_data
from domain.privacy.admin import set_retention
from domain.privacy.erasure import forget_command
from domain.privacy.notice import privacy_notice
from handlers.blocks.privacy import replies
from handlers.blocks.privacy.notice import notice_message
from handlers.cohorts.subcommands import Call, CohortSubcommand, Guide, Who, applies
from handlers.i18n import N_
from handlers.privacy.erasure import blank_messages
from handlers.privacy.files import send_personal_file
from handlers.run import Reply


def new_pseudonym() -> str:
    """What an erased person's figures carry instead of their Slack id: random, linked to nothing."""
    return "X" + secrets.token_hex(5).upper()


def _privacy(call: Call, command: Any) -> Reply:
    ctx = call.ctx
    notice = privacy_notice(
        call.uow, call.actor, command.name, ctx.data_declarations, ctx.privacy_contact, ctx.default_lang
    )
    return Reply(notice_message(notice))


def _mydata(call: Call, command: Any) -> Reply:
    data = my_data(call.uow, call.actor, call.ctx.default_lang)
    cohort = latest_cohort(call.uow, call.actor.user_id)
    send_personal_file(call.ctx, data, cohort.timezone if cohort else "UTC")
    return Reply(replies.mydata_sent(data.lang))


def _forget(call: Call, command: Any) -> Reply:
    result = forget_command(call.uow, call.actor, command.user_id, command.name, new_pseudonym())
    if call.ctx.tombstones is not None:
        call.ctx.tombstones.append(result.tombstone)
    lang = address_language(call.uow, call.actor.user_id, call.ctx.default_lang, result.cohort)
    blanked = blank_messages(call.ctx, result.erased.messages, lang)
    blanked += sum(redraw(call.ctx, call.uow, result.pseudonym) for redraw in call.ctx.redraws_after_erasure)
    return Reply(replies.forgotten(result, command.user_id, blanked, lang))


SUBCOMMANDS: dict[str, CohortSubcommand] = {
    "privacy": CohortSubcommand(
        commands.parse_privacy,
        commands.PRIVACY_USAGE,
        _privacy,
        writes=False,
        who=Who.EVERYONE,
        guide=Guide(N_("What is kept about you, and who sees it"), N_("/cohort privacy eig7")),
    ),
    "mydata": CohortSubcommand(
        commands.parse_mydata,
        commands.MYDATA_USAGE,
        _mydata,
        writes=False,
        who=Who.EVERYONE,
        guide=Guide(N_("Your own data, sent to you as a file"), N_("/cohort mydata")),
    ),
    "forget": CohortSubcommand(commands.parse_forget, commands.FORGET_USAGE, _forget),
    "retention": CohortSubcommand(
        commands.parse_retention,
        commands.RETENTION_USAGE,
        applies(lambda c, cmd: set_retention(c.uow, c.actor, cmd), replies.retention),
    ),
}

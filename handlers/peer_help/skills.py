"""`/skills`: ack, parse, one use case, answer the sender only. Also `/cohort peerhelp`, the cohort's
peer-help settings, a sub-command of `/cohort`."""

from __future__ import annotations

from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor
from domain.command_parsing import CommandError
from domain.messages import DomainError
from domain.peer_help.directory import (
    add_aliases,
    add_skills,
    list_aliases,
    my_skills,
    remove_alias,
    remove_skills,
    set_alumni,
    skills_language,
    who_knows,
)
from domain.peer_help.settings import PEERHELP_USAGE, configure_peer_help, parse_peerhelp
from domain.peer_help.skill_commands import (
    SKILLS_USAGE,
    AddSkills,
    Alias,
    Alumni,
    ListAliases,
    Mine,
    RemoveSkills,
    Unalias,
    Who,
    parse_skills_command,
)
from domain.ports import Context
from handlers.blocks.peer_help import skills_replies as replies
from handlers.cohorts.directory import SlackDirectory
from handlers.cohorts.subcommands import CohortSubcommand, applies


def _run(uow, actor: Actor, command, lang: str) -> tuple[dict, bool]:
    """The reply, and whether something changed (to commit)."""
    if isinstance(command, Mine):
        return replies.my_skills(my_skills(uow, actor), lang), False
    if isinstance(command, AddSkills | RemoveSkills):
        added = isinstance(command, AddSkills)
        result = (add_skills if added else remove_skills)(uow, actor, command.skills)
        return replies.skills_changed(result, lang, added), True
    if isinstance(command, Who):
        return replies.who_knows(who_knows(uow, actor, command.skill), lang), False
    if isinstance(command, Alumni):
        return replies.alumni_set(set_alumni(uow, actor, command.on), lang), True
    if isinstance(command, Alias):
        return replies.aliases_set(*add_aliases(uow, actor, command.skill, command.aliases), lang), True
    if isinstance(command, ListAliases):
        return replies.aliases_list(list_aliases(uow), lang), False
    if isinstance(command, Unalias):
        return replies.alias_removed(remove_alias(uow, actor, command.alias), command.alias.label, lang), True
    return replies.usage(SKILLS_USAGE, lang), False


def reply_to(uow, actor: Actor, text: str, default_lang: str) -> dict:
    lang = skills_language(uow, actor.user_id, default_lang)
    try:
        reply, changed = _run(uow, actor, parse_skills_command(text), lang)
    except NotAllowed as err:
        return replies.mistake(err, lang, None)
    except CommandError as err:
        return replies.mistake(err, lang, err.usage)
    except DomainError as err:
        return replies.mistake(err, lang, SKILLS_USAGE)
    if changed:
        uow.commit()
    return reply


SUBCOMMANDS = {
    "peerhelp": CohortSubcommand(
        parse_peerhelp,
        PEERHELP_USAGE,
        applies(
            lambda c, cmd: configure_peer_help(c.uow, SlackDirectory(c.ctx.slack), c.actor, cmd),
            replies.peerhelp_settings,
        ),
    )
}


def register(app, ctx: Context) -> None:

    @app.command("/skills")
    def on_skills(ack, command, respond):
        ack()
        actor = Actor(command["user_id"], ctx.clock.now(), ctx.admins)
        with ctx.uow() as uow:
            reply = reply_to(uow, actor, command.get("text") or "", ctx.default_lang)
        respond(response_type="ephemeral", replace_original=False, **reply)

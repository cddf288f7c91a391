"""`/skills`: ack, parse, one use case, answer the sender only. Also `/cohort peerhelp`, the cohort's
peer-help settings, a sub-command of `/cohort`."""

from __future__ import annotations

from functools import partial

from slack_bolt import App

from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.peer_help.aliases import add_aliases, list_aliases, remove_alias
from domain.peer_help.directory import (
    add_skills,
    my_skills,
    remove_skills,
    set_alumni,
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
from domain.ports import UnitOfWork
from handlers.blocks.help import command_help
from handlers.blocks.peer_help import skills_replies as replies
from handlers.cohorts.directory import SlackDirectory
from handlers.cohorts.subcommands import CohortSubcommand, Guide, applies
from handlers.context import Context
from handlers.i18n import N_
from handlers.run import Reply, run_use_case, slash_command


def _run(uow: UnitOfWork, actor: Actor, command: object, lang: str) -> dict:
    if isinstance(command, Mine):
        return replies.my_skills(my_skills(uow, actor), lang)
    if isinstance(command, AddSkills | RemoveSkills):
        added = isinstance(command, AddSkills)
        result = (add_skills if added else remove_skills)(uow, actor, command.skills)
        return replies.skills_changed(result, lang, added)
    if isinstance(command, Who):
        return replies.who_knows(who_knows(uow, actor, command.skill), lang)
    if isinstance(command, Alumni):
        return replies.alumni_set(set_alumni(uow, actor, command.on), lang)
    if isinstance(command, Alias):
        return replies.aliases_set(
            add_aliases(uow, actor, command.skill, command.aliases, command.cohort), lang
        )
    if isinstance(command, ListAliases):
        return replies.aliases_list(list_aliases(uow, actor), lang)
    if isinstance(command, Unalias):
        removed = remove_alias(uow, actor, command.alias, command.cohort)
        return replies.alias_removed(removed, command.alias.label, lang)
    return replies.usage(SKILLS_USAGE, lang)


def skills_command(ctx: Context, actor: Actor, command: dict) -> Reply:
    """`/skills …`: the reply to the sender; a mistake comes with the usage line."""

    def language(uow: UnitOfWork) -> str:
        return address_language(uow, actor.user_id, ctx.default_lang)

    def run(uow: UnitOfWork, actor: Actor) -> Reply:
        return Reply(_run(uow, actor, parse_skills_command(command.get("text") or ""), language(uow)))

    return run_use_case(ctx, actor, run, language, usage=SKILLS_USAGE)


SUBCOMMANDS = {
    "peerhelp": CohortSubcommand(
        parse_peerhelp,
        PEERHELP_USAGE,
        applies(
            lambda c, cmd: configure_peer_help(c.uow, SlackDirectory(c.ctx.slack), c.actor, cmd),
            replies.peerhelp_settings,
        ),
        guide=Guide(
            N_("Where help requests go and when they are re-routed"),
            N_("/cohort peerhelp eig7 channel=#entraide reroute=12"),
        ),
    )
}


def register(app: App, ctx: Context) -> None:
    app.command("/skills")(
        slash_command(
            ctx, lambda actor, command: skills_command(ctx, actor, command), partial(command_help, "/skills")
        )
    )

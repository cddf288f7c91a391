"""Peer help: `/ask`, `/skills`, the help buttons and forms, re-routing and nudges,
`/cohort peerhelp`, its export tables and its digest sections."""

from __future__ import annotations

from bot.feature import Feature, SlashCommand, Sources
from domain.digests import help as digest_help
from domain.peer_help.export import HELP_SECTIONS
from domain.peer_help.home import HELP_HOME, HELP_RUN_HOME
from handlers import ids
from handlers.blocks.peer_help.home import help_section, run_help_section
from handlers.home.sections import HomeSection
from handlers.peer_help import listeners, skills
from schedules.engine import Job
from schedules.help_nudge import HELP_NUDGE
from schedules.help_reroute import reroute_job
from storage.peer_help import tables
from storage.peer_help.personal import PERSONAL


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx, sources.away)


def _jobs(sources: Sources) -> tuple[Job, ...]:
    return (reroute_job(sources.away), HELP_NUDGE)


PEER_HELP = Feature(
    "peer_help",
    register=_register,
    commands=(
        SlashCommand("/ask", "Demander de l’aide à ses pairs · Ask your peers for help", "[question]"),
        SlashCommand(
            "/skills",
            "Ses compétences, et qui sait faire quoi · Your skills, and who knows what",
            "[add a, b | remove a | who a]",
        ),
    ),
    actions=(ids.STANDUP_BLOCKER_TO_HELP, ids.HELP_REASK, ids.HELP_OFFER, ids.HELP_RESOLVE, ids.HELP_CLOSE),
    views=(ids.HELP_REQUEST, ids.HELP_RESOLVE_FORM),
    jobs=_jobs,
    cohort_subcommands=skills.SUBCOMMANDS,
    export_sections=HELP_SECTIONS,
    digest=(digest_help.FEATURE,),
    home=(HomeSection(HELP_HOME, help_section), HomeSection(HELP_RUN_HOME, run_help_section)),
    tables=(tables,),
    personal_data=(PERSONAL,),
)

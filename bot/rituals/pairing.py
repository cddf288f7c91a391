"""Pairing: `/pairing`, the rounds' introductions and follow-ups, `/cohort pairing`, its line in
`/cohort show`, its export tables, its digest sections and its Home section."""

from __future__ import annotations

from bot.feature import Feature, SlashCommand, Sources
from domain.pairing import digest
from domain.pairing.export import PAIRING_SECTIONS
from domain.pairing.home import PAIRING_HOME
from domain.pairing.overview import pairing_schedule
from domain.standups.absences import away_from_standups
from handlers import ids
from handlers.blocks.pairing import home
from handlers.blocks.pairing.replies import show_summary
from handlers.cohorts.subcommands import ShowLine
from handlers.home.sections import HomeSection
from handlers.pairing import listeners
from schedules.engine import Job
from schedules.pairing import PairingJob
from storage.pairing import tables
from storage.pairing.personal import PERSONAL


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx)


def _jobs(sources: Sources) -> tuple[Job, ...]:
    return (PairingJob(sources.away),)


PAIRING = Feature(
    "pairing",
    register=_register,
    commands=(
        SlashCommand(
            "/pairing",
            "Rencontrer les autres défis, par deux ou trois · Meet other challenges, in pairs or threes",
            "[pause [until AAAA-MM-JJ] | resume | off]",
        ),
    ),
    actions=(ids.PAIRING_MET, ids.PAIRING_SKIP),
    scopes={
        "mpim:write": "Open one group DM per pair (or trio) to introduce its people.",
        "mpim:history": "Check a group DM's history before sending an introduction again after a crash.",
    },
    # Before the digests in a tick: a digest reads the round held in the same tick.
    jobs=_jobs,
    cohort_subcommands=listeners.SUBCOMMANDS,
    # The show line asks the stand-ups who is away on the next round's day, as the tick does.
    show_lines=(ShowLine(pairing_schedule((away_from_standups,)), show_summary),),
    export_sections=PAIRING_SECTIONS,
    digest=(digest.FEATURE,),
    home=(HomeSection(PAIRING_HOME, home.pairing_section),),
    tables=(tables,),
    personal_data=(PERSONAL,),
)

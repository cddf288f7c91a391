"""Stand-ups: `/standup`, the prompts, answers and summaries, `/cohort standup`, its line in
`/cohort show`, its export tables and its digest sections."""

from __future__ import annotations

from bot.feature import Feature, SlashCommand, fixed
from domain.digests import activity, standup_sections
from domain.standups.absences import away_from_standups
from domain.standups.history import STANDUP_SECTIONS
from domain.standups.home import STANDUPS_HOME, STANDUPS_RUN_HOME
from domain.standups.overview import STANDUP_SCHEDULE
from handlers import ids
from handlers.blocks.standups.home import standups_section
from handlers.blocks.standups.program import run_section
from handlers.blocks.standups.replies import show_summary
from handlers.cohorts.subcommands import ShowLine
from handlers.home.sections import HomeSection
from handlers.standups import admin, listeners
from schedules.standups import STANDUP_JOB
from storage.standups import tables
from storage.standups.personal import PERSONAL


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx)


STANDUPS = Feature(
    "standups",
    register=_register,
    commands=(
        SlashCommand(
            "/standup",
            "Répondre au stand-up du jour · Answer today’s stand-up",
            "[skip | away AAAA-MM-JJ..AAAA-MM-JJ | back | history [@membre] [jours] | today [cohorte]]",
        ),
    ),
    actions=(ids.STANDUP_OPEN, ids.STANDUP_SKIP, ids.STANDUP_SAVE_TEXT, ids.HOME_STANDUP_QUESTIONS),
    views=(ids.STANDUP_ANSWER, ids.STANDUP_QUESTIONS),
    events=("message.im",),
    jobs=fixed(STANDUP_JOB),
    cohort_subcommands=admin.SUBCOMMANDS,
    show_lines=(ShowLine(STANDUP_SCHEDULE, show_summary),),
    export_sections=STANDUP_SECTIONS,
    # The isolation alert follows the stand-up sections: it counts the days away from the stand-ups.
    digest=(standup_sections.FEATURE, activity.FEATURE),
    home=(HomeSection(STANDUPS_HOME, standups_section), HomeSection(STANDUPS_RUN_HOME, run_section)),
    away=(away_from_standups,),
    tables=(tables,),
    personal_data=(PERSONAL,),
)

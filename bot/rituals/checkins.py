"""Mentor check-ins: `/checkin`, the prompts and the form, `/cohort checkin`, its line in
`/cohort show`, its export table and its digest section."""

from __future__ import annotations

from bot.feature import Feature, SlashCommand, fixed
from domain.checkins.home import CHECKINS_HOME, CHECKINS_RUN_HOME
from domain.checkins.overview import CHECKIN_SCHEDULE, checkins_section
from domain.digests import checkins as digest_checkins
from handlers import ids
from handlers.blocks.checkins import home
from handlers.checkins import listeners
from handlers.cohorts.subcommands import ShowLine
from handlers.home.sections import HomeSection
from schedules.checkins import CHECKIN_JOB
from storage.checkins import tables
from storage.checkins.personal import CHECKINS as PERSONAL


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx)


CHECKINS = Feature(
    "checkins",
    register=_register,
    commands=(
        SlashCommand(
            "/checkin",
            "Ouvrir le formulaire de point mentor (mentors) · Open the mentor check-in form",
            "[share text | figures]",
        ),
    ),
    actions=(ids.CHECKIN_OPEN,),
    views=(ids.CHECKIN_ANSWER,),
    # Before the digests in a tick: a digest sees the check-ins recorded as missed in the same tick.
    jobs=fixed(CHECKIN_JOB),
    cohort_subcommands=listeners.CHECKIN_SUBCOMMANDS,
    show_lines=(ShowLine(CHECKIN_SCHEDULE),),
    export_sections=(checkins_section,),
    digest=(digest_checkins.FEATURE,),
    home=(
        HomeSection(CHECKINS_HOME, home.checkins_section),
        HomeSection(CHECKINS_RUN_HOME, home.run_checkins_section),
    ),
    tables=(tables,),
    personal_data=(PERSONAL,),
)

"""Personal data: the notice (`/cohort privacy`, Home, welcome), `/cohort mydata`, erasure,
retention periods and their daily purge, and the welcome and farewell messages."""

from __future__ import annotations

from bot.feature import Feature, Sources
from domain.privacy.home import PRIVACY_HOME
from handlers.blocks.privacy.home import privacy_section
from handlers.home.sections import HomeSection
from handlers.privacy.subcommands import SUBCOMMANDS
from schedules.arrivals import arrivals_job
from schedules.engine import Job
from schedules.privacy import PURGE_JOB
from storage.privacy import tables


def _register(app, ctx, sources) -> None:
    """Its commands are `/cohort` sub-commands; its work is scheduled."""


def _jobs(sources: Sources) -> tuple[Job, ...]:
    show = tuple((line.source, line.summary) for line in sources.show_lines)
    return (arrivals_job(show, sources.commands), PURGE_JOB)


PRIVACY = Feature(
    "privacy",
    register=_register,
    jobs=_jobs,
    cohort_subcommands=SUBCOMMANDS,
    home=(HomeSection(PRIVACY_HOME, privacy_section),),
    tables=(tables,),
)

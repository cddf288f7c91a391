"""Weekly digests to mentors and admins: `/cohort digest`, its line in `/cohort show`, and the job
that sends them, made of every feature's digest sections."""

from __future__ import annotations

from bot.feature import Feature, Sources
from domain.checkins.home import SHARE_HOME
from domain.checkins.overview import DIGEST_SCHEDULE
from domain.digests.home import MENTOR_WEEK_HOME
from handlers.blocks.checkins.home import share_section
from handlers.blocks.digests.home import mentor_week_section
from handlers.checkins.listeners import DIGEST_SUBCOMMANDS
from handlers.cohorts.subcommands import ShowLine
from handlers.home.sections import HomeSection
from schedules.digests import DigestJob
from storage.checkins import tables
from storage.checkins.personal import DIGESTS as PERSONAL


def _register(app, ctx, sources) -> None:
    """The digests have no listener of their own: the sharing choice is on the Home tab."""


def _jobs(sources: Sources) -> tuple[DigestJob, ...]:
    return (DigestJob(sources.digest),)


DIGESTS = Feature(
    "digests",
    register=_register,
    jobs=_jobs,
    cohort_subcommands=DIGEST_SUBCOMMANDS,
    show_lines=(ShowLine(DIGEST_SCHEDULE),),
    # What the digests (and the check-ins) show of a fellow's stand-up, chosen on the Home tab.
    # A mentor's Home shows their fellows' week as their digest counts it.
    home=(HomeSection(SHARE_HOME, share_section), HomeSection(MENTOR_WEEK_HOME, mentor_week_section)),
    tables=(tables,),  # the digest schedules live beside the check-ins'
    personal_data=(PERSONAL,),
)

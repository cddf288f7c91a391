"""The one list of features. bot/ builds the app, the tick's jobs, the manifest, the export, the
`/cohort` sub-commands, `/cohort show`, the digests and the tables from it.

A new ritual is one more record here (see docs/adding-a-ritual.md). The order matters: it is the
tick's order, and the reading order of `/cohort help`, `/cohort show`, the export and the digests.
The infrastructure (retried events, errors) is registered before every feature.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from bot.feature import Feature, Sources, gather, jobs_of, register_all
from bot.rituals.checkins import CHECKINS
from bot.rituals.cohorts import COHORTS
from bot.rituals.digests import DIGESTS
from bot.rituals.home import HOME
from bot.rituals.infrastructure import INFRASTRUCTURE
from bot.rituals.pairing import PAIRING
from bot.rituals.peer_help import PEER_HELP
from bot.rituals.standups import STANDUPS
from bot.rituals.trainings import TRAININGS
from handlers.context import Context
from schedules.engine import Job
from storage.models import Base

FEATURES: tuple[Feature, ...] = (COHORTS, STANDUPS, CHECKINS, PEER_HELP, TRAININGS, PAIRING, DIGESTS, HOME)
EVERYTHING: tuple[Feature, ...] = (INFRASTRUCTURE, *FEATURES)
SOURCES: Sources = gather(EVERYTHING)


def register_listeners(app, ctx: Context) -> None:
    register_all(app, ctx, EVERYTHING, SOURCES)


def tick_jobs() -> list[Job]:
    """Every kind of scheduled work, in the order a tick runs them."""
    return jobs_of(EVERYTHING, SOURCES)


def metadata() -> MetaData:
    """Every table of every feature (their modules are imported by the records above)."""
    return Base.metadata

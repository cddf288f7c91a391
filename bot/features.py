"""The one list of features. bot/ builds the app, the tick's jobs, the manifest, the export, the
`/cohort` sub-commands, `/cohort show`, the digests and the tables from it.

A new ritual is one more record here (see docs/adding-a-ritual.md). The order matters: it is the
tick's order, and the reading order of `/cohort help`, `/cohort show`, the export and the digests.
The infrastructure (retried events, errors) is registered before every feature.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from bot.feature import Feature, Sources, gather, jobs_of, personal_columns, register_all
from bot.rituals.checkins import CHECKINS
from bot.rituals.cohorts import COHORTS
from bot.rituals.digests import DIGESTS
from bot.rituals.home import HOME
from bot.rituals.infrastructure import INFRASTRUCTURE
from bot.rituals.pairing import PAIRING
from bot.rituals.peer_help import PEER_HELP
from bot.rituals.privacy import PRIVACY
from bot.rituals.standups import STANDUPS
from bot.rituals.trainings import TRAININGS
from handlers.context import Context
from schedules.engine import Job
from storage.models import Base
from storage.privacy.columns import PersonalColumns

# Privacy last: its welcome lists every other feature's rituals, and its purge follows the day's work.
FEATURES: tuple[Feature, ...] = (
    COHORTS,
    STANDUPS,
    CHECKINS,
    PEER_HELP,
    TRAININGS,
    PAIRING,
    DIGESTS,
    HOME,
    PRIVACY,
)
EVERYTHING: tuple[Feature, ...] = (INFRASTRUCTURE, *FEATURES)
SOURCES: Sources = gather(EVERYTHING)
# Every table of personal data: the unit of work exports, erases and purges them.
PERSONAL_COLUMNS: tuple[PersonalColumns, ...] = personal_columns(EVERYTHING)


def register_listeners(app, ctx: Context) -> None:
    register_all(app, ctx, EVERYTHING, SOURCES)


def tick_jobs() -> list[Job]:
    """Every kind of scheduled work, in the order a tick runs them."""
    return jobs_of(EVERYTHING, SOURCES)


def metadata() -> MetaData:
    """Every table of every feature (their modules are imported by the records above)."""
    return Base.metadata

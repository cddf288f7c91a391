"""The pairing's line in `/cohort show`: its settings, its figures, the next rounds and who would
be paired on the next one (the tick's own rule, `taking_part`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.calendar import PublicHolidays, local_date
from domain.cohorts.model import Cohort
from domain.cohorts.overview import ScheduleLine, ScheduleSource
from domain.messages import N_
from domain.pairing.figures import PairingFigures, pairing_figures
from domain.pairing.people import challenges_of, fellows_of, taking_part
from domain.pairing.records import PairingStore
from domain.peer_help.routing import AwaySource
from domain.weekly_rounds import next_rounds


def cohort_figures(store: PairingStore, cohort: Cohort, now: datetime) -> PairingFigures:
    memberships = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in memberships})
    return pairing_figures(
        store.pairings.pairs_of(cohort.id),
        fellows_of(memberships, profiles),
        challenges_of(memberships),
        local_date(now, cohort.timezone),
    )


def pairing_schedule(away: Iterable[AwaySource]) -> ScheduleSource:
    """The show line; `away` says who is away on the next round's day (as the tick asks)."""
    sources = tuple(away)

    def line(
        store: PairingStore, cohort: Cohort, now: datetime, holidays: PublicHolidays | None = None
    ) -> ScheduleLine | None:
        settings = store.pairings.settings(cohort.id)
        if settings is None or not settings.active:
            return None
        upcoming = next_rounds(store, cohort, settings, now, holidays)
        people = (
            taking_part(store, cohort, settings, local_date(upcoming[0], cohort.timezone), sources)
            if upcoming
            else ()
        )
        params = {"settings": settings, "figures": cohort_figures(store, cohort, now), "cohort": cohort}
        return ScheduleLine("pairing", "", params, upcoming, people)

    return ScheduleSource("pairing", N_("No pairing rounds scheduled."), line)

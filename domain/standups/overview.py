"""The stand-up's line in `/cohort show`: its schedule, its next prompts and whom they reach.

Whom they reach is the tick's own rule (`fellows_reached`), asked for the day of the next prompt
and every zone group, so what the admins read is what the fellows will get.
"""

from __future__ import annotations

from datetime import datetime

from domain.calendar import PublicHolidays, local_date
from domain.cohorts.model import Cohort
from domain.cohorts.overview import ScheduleLine, ScheduleSource
from domain.messages import N_
from domain.standups.calendar import upcoming_prompts
from domain.standups.due import reached_on
from domain.standups.records import StandupStore

NEXT_SHOWN = 3


def schedule_line(
    store: StandupStore, cohort: Cohort, now: datetime, holidays: PublicHolidays | None = None
) -> ScheduleLine | None:
    """`params` holds the settings and the cohort's name and zone: the reply renders the summary."""
    settings = store.standups.settings(cohort.id)
    if settings is None or not settings.active:
        return None
    upcoming = upcoming_prompts(
        settings, cohort, cohort.timezone, now, NEXT_SHOWN, holidays, store.cohorts.holidays(cohort.id)
    )
    reached = (
        reached_on(store, cohort, settings, local_date(upcoming[0], cohort.timezone)) if upcoming else ()
    )
    params = {"name": cohort.name, "timezone": cohort.timezone, "settings": settings}
    return ScheduleLine("standup", "", params, tuple(upcoming), reached)


STANDUP_SCHEDULE = ScheduleSource("standup", N_("No stand-up scheduled."), schedule_line)

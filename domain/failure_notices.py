"""Telling people that scheduled work failed: a cohort's admins (the program team when it has none)
get one direct message a day at most, whatever the number of ticks that fail.

The notice is itself an occurrence of the scheduling core (kind `failure_notice`, subject
`cohort:<id>`, or `program` for work no single cohort owns, dated by the cohort's local day), so
that it is sent once a day even when every tick of the day fails.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.calendar import local_date
from domain.cohorts.model import Cohort, Role
from domain.cohorts.overview import active_members
from domain.cohorts.records import CohortStore
from domain.scheduling import Failure, PlannedOccurrence

FAILURE_NOTICE = "failure_notice"
PROGRAM = "program"
GRACE = timedelta(hours=6)


@dataclass(frozen=True)
class FailureNotice:
    cohort: Cohort | None  # None: the program team, about work no single cohort owns
    kinds: tuple[str, ...]
    lang: str


def plan_notices(
    store: CohortStore,
    failures: Iterable[Failure],
    now: datetime,
    program_admins: Collection[str],
    default_lang: str,
) -> list[PlannedOccurrence[FailureNotice]]:
    kinds: dict[int | None, set[str]] = defaultdict(set)
    for failure in failures:
        kinds[failure.cohort_id].add(failure.kind)
    planned = []
    for cohort_id, failed in kinds.items():
        cohort = store.cohorts.get(cohort_id) if cohort_id is not None else None
        if cohort is not None:
            day = _day(now, cohort)
            memberships = store.members.of_cohort(cohort.id)
            profiles = store.profiles.get_many({m.user_id for m in memberships})
            admins = active_members(cohort, memberships, profiles, day, [Role.ADMIN])
            subject, lang = f"cohort:{cohort.id}", cohort.lang
        else:
            day, admins, subject, lang = now.date(), [], PROGRAM, default_lang
        recipients = tuple(admins or sorted(program_admins))
        if recipients:
            notice = FailureNotice(cohort, tuple(sorted(failed)), lang)
            planned.append(
                PlannedOccurrence(
                    FAILURE_NOTICE, subject, day, now, now + GRACE, recipients, notice, cohort_id=cohort_id
                )
            )
    return planned


def _day(now: datetime, cohort: Cohort) -> date:
    """The cohort's day; the UTC one when its zone is what is broken."""
    try:
        return local_date(now, cohort.timezone)
    except (KeyError, ValueError):
        return now.date()

"""A mentor's Home: their fellows' week so far, the same figures as their digest, built the same way.

The week is the calendar week (Monday to Sunday) as of now; what a fellow shares (figures only, or
their text) is respected as in the digest.
"""

from __future__ import annotations

from datetime import timedelta

from domain.calendar import PublicHolidays, local_date
from domain.checkins.model import DigestSchedule
from domain.cohorts.model import Role
from domain.cohorts.records import Actor
from domain.digests import standup_sections
from domain.digests.data import load_digest_data, period_of
from domain.digests.due import scopes
from domain.digests.model import Audience, Digest, build_digest
from domain.home.overview import HomeSource, Membership, running_cohorts
from domain.ritual_calendar import cohort_days

# The sections a mentor's digest draws from the stand-ups: their fellows' days, and blockers.
WEEK_FEATURES = (standup_sections.FEATURE,)


def mentor_weeks(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[Digest, ...]:
    """For each cohort the actor mentors fellows in, their digest's stand-up sections for this week."""
    found = []
    for cohort in running_cohorts(memberships, Role.MENTOR, actor):
        if store.standups.settings(cohort.id) is None:
            continue
        days = cohort_days(cohort, holidays, store.cohorts.holidays(cohort.id))
        today = local_date(actor.now, cohort.timezone)
        period = period_of(days, today + timedelta(days=6 - today.weekday()), actor.now)
        schedule = store.checkins.digest_schedule(cohort.id) or DigestSchedule(cohort.id)
        data = load_digest_data(store, days, period, schedule, WEEK_FEATURES)
        scope = scopes(data, Audience.MENTOR).get(actor.user_id)
        if scope is not None:
            found.append(build_digest(data, scope, WEEK_FEATURES))
    return tuple(found)


MENTOR_WEEK_HOME = HomeSource("mentor_week", mentor_weeks)

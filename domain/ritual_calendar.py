"""When a weekly ritual (mentor check-in, digest) happens, in the cohort's zone.

A ritual has a nominal day (the weekday it is set on): that date names its occurrence. When the
nominal day is a day off (a public holiday of the cohort's country or one of its own holidays),
it happens on the next working day instead, at the same wall-clock time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from domain.calendar import PublicHolidays, at_local, local_date
from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortHoliday

# Past nominal days looked at by a tick: a week, and a day more for a round moved by a holiday.
LOOKBACK_DAYS = 8
# How far a round moves at most (a very long holiday): after that it is dropped.
MOVE_MAX_DAYS = 21
HORIZON_WEEKS = 60


@dataclass(frozen=True)
class Days:
    """Which days a cohort works: Monday to Friday, outside its public and own holidays."""

    cohort: Cohort
    public: PublicHolidays | None = None
    own: tuple[CohortHoliday, ...] = ()

    def is_day_off(self, day: date) -> bool:
        if self.public is not None and self.public.holiday_name(self.cohort.country, day) is not None:
            return True
        return any(holiday.covers(day) for holiday in self.own)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_day_off(day)

    def next_working_day(self, day: date) -> date | None:
        for offset in range(MOVE_MAX_DAYS + 1):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        return None

    def held_on(self, nominal: date) -> date | None:
        """The nominal day itself unless it is a day off; then the next working day."""
        return nominal if not self.is_day_off(nominal) else self.next_working_day(nominal)

    def working_days(self, first: date, last: date) -> list[date]:
        return [
            first + timedelta(days=n)
            for n in range((last - first).days + 1)
            if self.is_working_day(first + timedelta(days=n))
        ]


@dataclass(frozen=True)
class Round:
    nominal: date
    day: date
    due_at: datetime


def _round(days: Days, nominal: date, at: time) -> Round | None:
    if not days.cohort.is_running(nominal):
        return None
    day = days.held_on(nominal)
    return Round(nominal, day, at_local(day, at, days.cohort.timezone)) if day is not None else None


def rounds_near(is_round: Callable[[date], bool], at: time, days: Days, now: datetime) -> list[Round]:
    """The rounds whose nominal day is within the last LOOKBACK_DAYS (cohort time) or tomorrow."""
    today = local_date(now, days.cohort.timezone)
    found = []
    for offset in range(LOOKBACK_DAYS, -2, -1):
        nominal = today - timedelta(days=offset)
        if is_round(nominal) and (found_round := _round(days, nominal, at)) is not None:
            found.append(found_round)
    return found


def upcoming_rounds(
    is_round: Callable[[date], bool], at: time, days: Days, now: datetime, count: int
) -> list[Round]:
    """The next `count` rounds due after `now`."""
    today = local_date(now, days.cohort.timezone)
    found: list[Round] = []
    for offset in range(-LOOKBACK_DAYS, HORIZON_WEEKS * 7):
        nominal = today + timedelta(days=offset)
        if is_round(nominal) and (found_round := _round(days, nominal, at)) and found_round.due_at > now:
            found.append(found_round)
            if len(found) == count:
                break
    return found


def later_working_day(days: Days, after: date, wait: timedelta) -> date | None:
    """The first working day at least `wait` after `after`: when a reminder goes."""
    return days.next_working_day(after + timedelta(days=wait.days))


def cohort_days(cohort: Cohort, public: PublicHolidays | None, own: Iterable[CohortHoliday]) -> Days:
    return Days(cohort, public, tuple(h for h in own if h.cohort_id == cohort.id))

"""When a stand-up happens: its days, its instants in a zone, and how long it can be answered.

A stand-up day is a scheduled weekday on which the cohort runs, outside the public holidays of
its country and its own holidays. Instants come from `at_local`, so a DST change moves nothing
on the wall clock and every day has exactly one prompt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from domain.calendar import PublicHolidays, at_local, local_date, weekday_code
from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortHoliday
from domain.standups.model import StandupSettings

# How far to look for the previous or next stand-up day (a long holiday, a weekly stand-up).
HORIZON_DAYS = 31
LAST_ANSWERS_FOR = timedelta(days=7)


def is_standup_day(
    settings: StandupSettings,
    cohort: Cohort,
    day: date,
    holidays: PublicHolidays | None,
    cohort_holidays: Iterable[CohortHoliday] = (),
) -> bool:
    if not settings.active or not cohort.is_running(day) or weekday_code(day) not in settings.days:
        return False
    if holidays is not None and holidays.holiday_name(cohort.country, day) is not None:
        return False
    return not any(holiday.covers(day) for holiday in cohort_holidays)


def prompt_at(settings: StandupSettings, day: date, tz: str) -> datetime:
    return at_local(day, settings.opens, tz)


def close_at(settings: StandupSettings, day: date, tz: str) -> datetime:
    return at_local(day, settings.closes, tz)


def reminder_at(settings: StandupSettings, day: date, tz: str) -> datetime | None:
    """When the reminder goes, or None without one (or when it would come after the close)."""
    if not settings.remind_minutes:
        return None
    when = prompt_at(settings, day, tz) + timedelta(minutes=settings.remind_minutes)
    return when if when < close_at(settings, day, tz) else None


def next_standup_day(
    settings: StandupSettings,
    cohort: Cohort,
    after: date,
    holidays: PublicHolidays | None,
    cohort_holidays: Iterable[CohortHoliday] = (),
) -> date | None:
    cohort_holidays = list(cohort_holidays)
    for offset in range(1, HORIZON_DAYS + 1):
        day = after + timedelta(days=offset)
        if is_standup_day(settings, cohort, day, holidays, cohort_holidays):
            return day
    return None


def last_standup_day(
    settings: StandupSettings,
    cohort: Cohort,
    on_or_before: date,
    holidays: PublicHolidays | None,
    cohort_holidays: Iterable[CohortHoliday] = (),
) -> date | None:
    cohort_holidays = list(cohort_holidays)
    for offset in range(HORIZON_DAYS + 1):
        day = on_or_before - timedelta(days=offset)
        if is_standup_day(settings, cohort, day, holidays, cohort_holidays):
            return day
    return None


def answerable(
    settings: StandupSettings,
    cohort: Cohort,
    tz: str,
    day: date,
    now: datetime,
    holidays: PublicHolidays | None,
    cohort_holidays: Iterable[CohortHoliday] = (),
) -> bool:
    """A stand-up day's answers are taken from that day on until the next stand-up's prompt."""
    cohort_holidays = list(cohort_holidays)
    if day > local_date(now, tz) or not is_standup_day(settings, cohort, day, holidays, cohort_holidays):
        return False
    following = next_standup_day(settings, cohort, day, holidays, cohort_holidays)
    if following is None:
        # The last stand-up of a cohort (or before a long break): late answers for a week at most.
        return now < close_at(settings, day, tz) + LAST_ANSWERS_FOR
    return now < prompt_at(settings, following, tz)


def open_day(
    settings: StandupSettings,
    cohort: Cohort,
    tz: str,
    now: datetime,
    holidays: PublicHolidays | None,
    cohort_holidays: Iterable[CohortHoliday] = (),
) -> date | None:
    """The stand-up `/standup` answers: today's on a stand-up day, else the last one while it is open."""
    cohort_holidays = list(cohort_holidays)
    day = last_standup_day(settings, cohort, local_date(now, tz), holidays, cohort_holidays)
    if day is None or not answerable(settings, cohort, tz, day, now, holidays, cohort_holidays):
        return None
    return day


def is_late(settings: StandupSettings, day: date, tz: str, now: datetime) -> bool:
    return now > close_at(settings, day, tz)


def upcoming_prompts(
    settings: StandupSettings,
    cohort: Cohort,
    tz: str,
    now: datetime,
    count: int,
    holidays: PublicHolidays | None,
    cohort_holidays: Iterable[CohortHoliday] = (),
) -> list[datetime]:
    """The next `count` prompt instants after `now`, for `/cohort show` and the settings reply."""
    cohort_holidays = list(cohort_holidays)
    found: list[datetime] = []
    day = local_date(now, tz) - timedelta(days=1)
    while len(found) < count:
        following = next_standup_day(settings, cohort, day, holidays, cohort_holidays)
        if following is None:
            break
        day = following
        if prompt_at(settings, day, tz) > now:
            found.append(prompt_at(settings, day, tz))
    return found

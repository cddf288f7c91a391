"""Stand-up days and instants: weekdays, holidays, the cohort's dates, DST, and how long answers are taken."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortHoliday
from domain.standups.calendar import (
    answerable,
    close_at,
    is_late,
    is_standup_day,
    open_day,
    prompt_at,
    reminder_at,
    upcoming_prompts,
)
from domain.standups.model import StandupSettings


class Holidays:
    """Public holidays of France in spring 2026, as the holidays package names them."""

    DAYS = {date(2026, 4, 6): "Lundi de Pâques", date(2026, 5, 1): "Fête du Travail"}

    def holiday_name(self, country, day, lang="fr"):
        return self.DAYS.get(day) if country == "FR" else None

    def supports(self, country):
        return True


HOLIDAYS = Holidays()
COHORT = Cohort(1, "eig7", "C100", "Europe/Paris", "fr", "FR", date(2026, 1, 5), date(2026, 12, 18))
DAKAR = replace(COHORT, timezone="Africa/Dakar", country="SN")
WEEKDAYS = StandupSettings(1, remind_minutes=30, close="12:00")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "day,expected",
    [
        (date(2026, 3, 2), True),  # a Monday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 4, 6), False),  # Easter Monday, a public holiday in France
        (date(2026, 1, 2), False),  # before the cohort starts
        (date(2026, 12, 21), False),  # after it ends
    ],
)
def test_stand_up_days(day, expected):
    assert is_standup_day(WEEKDAYS, COHORT, day, HOLIDAYS) is expected


def test_a_cohort_holiday_and_an_archived_cohort_have_no_stand_up():
    bridge = [CohortHoliday(1, date(2026, 5, 14), date(2026, 5, 15), "pont")]
    assert not is_standup_day(WEEKDAYS, COHORT, date(2026, 5, 15), HOLIDAYS, bridge)
    assert is_standup_day(WEEKDAYS, COHORT, date(2026, 5, 13), HOLIDAYS, bridge)
    archived = replace(COHORT, archived_at=utc(2026, 3, 1))
    assert not is_standup_day(WEEKDAYS, archived, date(2026, 3, 2), HOLIDAYS)
    assert not is_standup_day(replace(WEEKDAYS, active=False), COHORT, date(2026, 3, 2), HOLIDAYS)


def test_the_countrys_holidays_are_those_of_the_cohort():
    assert is_standup_day(WEEKDAYS, DAKAR, date(2026, 4, 6), HOLIDAYS)


def test_weekly_and_chosen_days():
    weekly = replace(WEEKDAYS, days=("wed",))
    assert [
        d.day for d in (date(2026, 3, n) for n in range(2, 9)) if is_standup_day(weekly, COHORT, d, HOLIDAYS)
    ] == [4]


@pytest.mark.parametrize(
    "day,zone,expected",
    [
        (date(2026, 3, 27), "Europe/Paris", utc(2026, 3, 27, 8, 30)),  # winter time, UTC+1
        (date(2026, 3, 30), "Europe/Paris", utc(2026, 3, 30, 7, 30)),  # summer time, UTC+2
        (date(2026, 10, 23), "Europe/Paris", utc(2026, 10, 23, 7, 30)),
        (date(2026, 10, 26), "Europe/Paris", utc(2026, 10, 26, 8, 30)),
        (date(2026, 3, 30), "Africa/Dakar", utc(2026, 3, 30, 9, 30)),  # no DST, UTC+0
        (date(2026, 10, 26), "Africa/Dakar", utc(2026, 10, 26, 9, 30)),
        (date(2026, 3, 30), "Africa/Lagos", utc(2026, 3, 30, 8, 30)),  # Cotonou's zone, UTC+1
    ],
)
def test_the_prompt_stays_at_the_same_wall_clock_time_across_dst(day, zone, expected):
    assert prompt_at(WEEKDAYS, day, zone) == expected


def test_a_time_skipped_or_repeated_by_dst_happens_once():
    night = replace(WEEKDAYS, days=("sun",), prompt_time="02:30", close="04:00", remind_minutes=None)
    assert prompt_at(night, date(2026, 3, 29), "Europe/Paris") == utc(
        2026, 3, 29, 1, 30
    )  # 03:30 after the gap
    assert prompt_at(night, date(2026, 10, 25), "Europe/Paris") == utc(2026, 10, 25, 0, 30)  # the first 02:30


def test_close_and_reminder():
    assert close_at(WEEKDAYS, date(2026, 3, 2), "Europe/Paris") == utc(2026, 3, 2, 11, 0)
    assert reminder_at(WEEKDAYS, date(2026, 3, 2), "Europe/Paris") == utc(2026, 3, 2, 9, 0)
    assert reminder_at(replace(WEEKDAYS, remind_minutes=None), date(2026, 3, 2), "Europe/Paris") is None
    assert reminder_at(replace(WEEKDAYS, remind_minutes=200), date(2026, 3, 2), "Europe/Paris") is None


def test_the_default_close_is_three_hours_after_the_prompt():
    assert StandupSettings(1).closes.strftime("%H:%M") == "12:30"
    assert StandupSettings(1, prompt_time="22:00").closes.strftime("%H:%M") == "23:59"


def test_answers_are_taken_until_the_next_stand_up_starts():
    friday = date(2026, 3, 6)
    assert answerable(WEEKDAYS, COHORT, "Europe/Paris", friday, utc(2026, 3, 7, 20, 0), HOLIDAYS)
    assert answerable(WEEKDAYS, COHORT, "Europe/Paris", friday, utc(2026, 3, 9, 8, 29), HOLIDAYS)
    assert not answerable(WEEKDAYS, COHORT, "Europe/Paris", friday, utc(2026, 3, 9, 8, 30), HOLIDAYS)
    assert not answerable(
        WEEKDAYS, COHORT, "Europe/Paris", date(2026, 3, 9), utc(2026, 3, 8, 12, 0), HOLIDAYS
    )
    assert is_late(WEEKDAYS, friday, "Europe/Paris", utc(2026, 3, 6, 11, 1))
    assert not is_late(WEEKDAYS, friday, "Europe/Paris", utc(2026, 3, 6, 10, 59))


def test_the_open_stand_up_is_todays_or_the_last_one_still_open():
    assert open_day(WEEKDAYS, COHORT, "Europe/Paris", utc(2026, 3, 2, 6, 0), HOLIDAYS) == date(2026, 3, 2)
    assert open_day(WEEKDAYS, COHORT, "Europe/Paris", utc(2026, 3, 7, 10, 0), HOLIDAYS) == date(2026, 3, 6)
    # Easter Monday is off: Thursday's stand-up stays open until Tuesday's starts.
    assert open_day(WEEKDAYS, COHORT, "Europe/Paris", utc(2026, 4, 6, 10, 0), HOLIDAYS) == date(2026, 4, 3)
    assert open_day(WEEKDAYS, COHORT, "Europe/Paris", utc(2026, 12, 21, 10, 0), HOLIDAYS) == date(
        2026, 12, 18
    )
    assert (
        open_day(WEEKDAYS, COHORT, "Europe/Paris", utc(2026, 12, 28, 10, 0), HOLIDAYS) is None
    )  # a week after the end


def test_upcoming_prompts_skip_days_off():
    runs = upcoming_prompts(WEEKDAYS, COHORT, "Europe/Paris", utc(2026, 4, 3, 9, 0), 3, HOLIDAYS)
    assert runs == [utc(2026, 4, 7, 7, 30), utc(2026, 4, 8, 7, 30), utc(2026, 4, 9, 7, 30)]

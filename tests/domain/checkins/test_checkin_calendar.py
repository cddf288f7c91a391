"""When check-in rounds and digests happen: every N weeks, moved past days off, in the cohort's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.checkins.model import CheckinSchedule, DigestSchedule, first_on_or_after
from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortHoliday
from domain.ritual_calendar import Days, later_working_day, rounds_near, upcoming_rounds

PARIS = Cohort(1, "eig7", "C1", "Europe/Paris", "fr", "FR", None, None)
DAKAR = Cohort(2, "eig-dakar", "C2", "Africa/Dakar", "fr", "SN", None, None)


class Holidays:
    """Public holidays: 6 April 2026 (Easter Monday) in France only."""

    def holiday_name(self, country, day, lang="fr"):
        return "Lundi de Pâques" if (country, day) == ("FR", date(2026, 4, 6)) else None

    def supports(self, country):
        return True


def test_the_first_round_is_the_next_chosen_weekday():
    assert first_on_or_after(date(2026, 3, 2), "mon") == date(2026, 3, 2)
    assert first_on_or_after(date(2026, 3, 3), "mon") == date(2026, 3, 9)
    assert first_on_or_after(date(2026, 3, 4), "fri") == date(2026, 3, 6)


def test_rounds_every_n_weeks_from_the_first():
    schedule = CheckinSchedule(1, date(2026, 3, 3), every=2, day="tue")
    rounds = [
        d for d in (date(2026, 3, 3) + timedelta(days=n) for n in range(-7, 43)) if schedule.is_round(d)
    ]
    assert rounds == [date(2026, 3, 3), date(2026, 3, 17), date(2026, 3, 31), date(2026, 4, 14)]
    assert DigestSchedule(1, day="fri").is_round(date(2026, 3, 6))
    assert not DigestSchedule(1, day="fri").is_round(date(2026, 3, 5))


def test_a_round_on_a_day_off_moves_to_the_next_working_day():
    days = Days(PARIS, Holidays(), (CohortHoliday(1, date(2026, 4, 7), date(2026, 4, 8)),))
    assert days.held_on(date(2026, 4, 6)) == date(2026, 4, 9)
    assert days.held_on(date(2026, 4, 10)) == date(2026, 4, 10)
    assert days.working_days(date(2026, 4, 4), date(2026, 4, 10)) == [date(2026, 4, 9), date(2026, 4, 10)]
    assert Days(DAKAR, Holidays()).held_on(date(2026, 4, 6)) == date(2026, 4, 6)


def test_rounds_are_due_at_the_cohort_wall_clock_time_across_dst():
    schedule = CheckinSchedule(1, date(2026, 3, 23), every=1, day="mon", time="10:00")
    days = Days(PARIS, Holidays())
    before, after = upcoming_rounds(
        schedule.is_round, schedule.at, days, datetime(2026, 3, 22, tzinfo=UTC), 2
    )
    assert before.due_at == datetime(2026, 3, 23, 9, 0, tzinfo=UTC)
    assert after.due_at == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # summer time since 29 March
    dakar = upcoming_rounds(schedule.is_round, schedule.at, Days(DAKAR), datetime(2026, 3, 22, tzinfo=UTC), 1)
    assert dakar[0].due_at == datetime(2026, 3, 23, 10, 0, tzinfo=UTC)


def test_a_tick_looks_at_the_rounds_of_the_last_week_and_a_day():
    schedule = DigestSchedule(1, day="fri", time="16:00")
    days = Days(PARIS, Holidays())
    found = rounds_near(schedule.is_round, schedule.at, days, datetime(2026, 3, 9, 12, 0, tzinfo=UTC))
    assert [r.nominal for r in found] == [date(2026, 3, 6)]
    moved = rounds_near(
        CheckinSchedule(1, date(2026, 3, 30), every=1, day="mon").is_round,
        schedule.at,
        days,
        datetime(2026, 4, 7, 12, 0, tzinfo=UTC),
    )
    assert [(r.nominal, r.day) for r in moved] == [
        (date(2026, 3, 30), date(2026, 3, 30)),
        (date(2026, 4, 6), date(2026, 4, 7)),
    ]


def test_no_round_outside_the_cohort_dates():
    ended = Cohort(3, "old", "C3", "Europe/Paris", "fr", "FR", None, date(2026, 3, 4))
    schedule = DigestSchedule(3, day="fri")
    assert (
        upcoming_rounds(schedule.is_round, schedule.at, Days(ended), datetime(2026, 3, 1, tzinfo=UTC), 3)
        == []
    )


def test_the_reminder_waits_two_days_then_the_next_working_day():
    days = Days(PARIS, Holidays())
    assert later_working_day(days, date(2026, 3, 3), timedelta(days=2)) == date(2026, 3, 5)
    assert later_working_day(days, date(2026, 3, 5), timedelta(days=2)) == date(2026, 3, 9)
    assert later_working_day(days, date(2026, 4, 2), timedelta(days=2)) == date(2026, 4, 7)

"""Cohort-local time across DST changes, zones without DST, and public holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.holidays import CountryHolidays
from domain.calendar import at_local, is_day_off, is_zone, local_date, parse_hhmm, weekday_code


def test_paris_morning_before_and_after_spring_change():
    assert at_local(date(2026, 3, 28), time(9, 30), "Europe/Paris") == datetime(
        2026, 3, 28, 8, 30, tzinfo=UTC
    )
    assert at_local(date(2026, 3, 29), time(9, 30), "Europe/Paris") == datetime(
        2026, 3, 29, 7, 30, tzinfo=UTC
    )


def test_paris_morning_before_and_after_autumn_change():
    assert at_local(date(2026, 10, 24), time(9, 30), "Europe/Paris") == datetime(
        2026, 10, 24, 7, 30, tzinfo=UTC
    )
    assert at_local(date(2026, 10, 25), time(9, 30), "Europe/Paris") == datetime(
        2026, 10, 25, 8, 30, tzinfo=UTC
    )


def test_a_wall_time_skipped_in_spring_happens_after_the_gap():
    assert at_local(date(2026, 3, 29), time(2, 30), "Europe/Paris") == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )


def test_a_wall_time_repeated_in_autumn_happens_once_the_first_time():
    assert at_local(date(2026, 10, 25), time(2, 30), "Europe/Paris") == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


@pytest.mark.parametrize("zone", ["Africa/Dakar", "Africa/Abidjan", "Africa/Lome", "Africa/Ouagadougou"])
def test_zones_without_dst_are_steady(zone):
    for day in (date(2026, 3, 29), date(2026, 10, 25), date(2026, 7, 1)):
        assert at_local(day, time(9, 30), zone) == datetime.combine(day, time(9, 30), tzinfo=UTC)


def test_local_date_follows_the_zone():
    instant = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    assert local_date(instant, "Europe/Paris") == date(2026, 3, 2)
    assert local_date(instant, "Africa/Dakar") == date(2026, 3, 1)
    assert weekday_code(date(2026, 3, 2)) == "mon"


@pytest.mark.parametrize("name", ["Europe/Paris", "Africa/Tunis", "Africa/Casablanca", "Africa/Porto-Novo"])
def test_known_zones(name):
    assert is_zone(name)


@pytest.mark.parametrize("name", ["", "Paris", "Europe/Pariss", " Europe/Paris", "../etc/passwd"])
def test_unknown_zones(name):
    assert not is_zone(name)


@pytest.mark.parametrize("text", ["9:30", "09:30", "23:59", "0:00"])
def test_times_parse(text):
    assert isinstance(parse_hhmm(text), time)


@pytest.mark.parametrize("text", ["24:00", "9h30", "09:60", "", "9:3:0", "-1:00"])
def test_bad_times_are_refused(text):
    with pytest.raises(ValueError):
        parse_hhmm(text)


@pytest.mark.parametrize(
    ("country", "day"),
    [
        ("FR", date(2026, 7, 14)),
        ("SN", date(2026, 4, 4)),
        ("TN", date(2026, 3, 20)),
        ("MA", date(2026, 7, 30)),
        ("BJ", date(2026, 8, 1)),
        ("BF", date(2026, 12, 11)),
        ("CI", date(2026, 8, 7)),
        ("TG", date(2026, 4, 27)),
    ],
)
def test_national_days_are_public_holidays(country, day):
    calendar = CountryHolidays()
    assert calendar.supports(country)
    assert calendar.holiday_name(country, day) is not None
    assert is_day_off(day, country, calendar)


def test_holiday_names_follow_the_language():
    calendar = CountryHolidays()
    assert calendar.holiday_name("FR", date(2026, 7, 14), "fr") == "Fête nationale"
    assert calendar.holiday_name("FR", date(2026, 7, 14), "en") == "National Day"


def test_cohort_holidays_and_ordinary_days():
    calendar = CountryHolidays()
    assert not is_day_off(date(2026, 3, 3), "FR", calendar)
    assert is_day_off(date(2026, 3, 3), "FR", calendar, frozenset({date(2026, 3, 3)}))
    assert not calendar.supports("XX")

"""Cohort-local time: IANA zones, local dates, working days and public holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class PublicHolidays(Protocol):
    """Public holidays of a country; the composition root provides an implementation."""

    def holiday_name(self, country: str, day: date, lang: str = "fr") -> str | None: ...

    def supports(self, country: str) -> bool: ...


def zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`; ValueError when there is none."""
    if not name or name != name.strip() or name not in _zone_names():
        raise ValueError(f"unknown time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone: {name!r}") from None


def is_zone(name: str) -> bool:
    try:
        zone(name)
    except ValueError:
        return False
    return True


_ZONES: frozenset[str] | None = None


def _zone_names() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def local_date(now: datetime, tz: str) -> date:
    return now.astimezone(zone(tz)).date()


def local_now(now: datetime, tz: str) -> datetime:
    return now.astimezone(zone(tz))


def at_local(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of wall-clock time `at` on `day` in zone `tz`.

    A time skipped by a spring DST change is moved forward by the gap (02:30 becomes 03:30);
    a time repeated in autumn is its first occurrence. Either way it happens exactly once a day.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    local = naive.replace(tzinfo=zone(tz))
    instant = local.astimezone(UTC)
    # A skipped wall time does not round-trip; zoneinfo already placed it after the gap.
    return instant


_TimeOfDay = time  # the class below has a field named `time`


class EveryFewWeeks:
    """Rounds on one weekday every `every` weeks from `first_round`, at `time` (HH:MM): what a
    ritual's settings share (check-ins, pairing); the settings dataclass holds the fields."""

    first_round: date
    every: int
    time: str

    def is_round(self, day: date) -> bool:
        offset = (day - self.first_round).days
        return offset >= 0 and offset % (7 * self.every) == 0

    @property
    def at(self) -> _TimeOfDay:
        return parse_hhmm(self.time)


def parse_hhmm(text: str) -> time:
    """`09:30` → time(9, 30); ValueError for anything else."""
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() and 1 <= len(p) <= 2 for p in parts):
        raise ValueError(f"not a time: {text!r}")
    hour, minute = int(parts[0]), int(parts[1])
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time: {text!r}")
    return time(hour, minute)


def weekday_code(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def first_on_or_after(day: date, weekday: str) -> date:
    """The first `weekday` (`mon`…) on `day` or after it."""
    return day + timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7)


def is_day_off(
    day: date, country: str, holidays: PublicHolidays, extra_days: frozenset[date] = frozenset()
) -> bool:
    """A public holiday of the country or one of the cohort's own holidays."""
    return day in extra_days or holidays.holiday_name(country, day) is not None

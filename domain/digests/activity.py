"""The isolation alert: fellows with no activity for N working days (stand-up answers, help asked or
offered, trainings proposed or signed up for), days away from the stand-ups not counted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from domain.calendar import at_local, local_date
from domain.digests.data import DigestStore
from domain.digests.model import (
    Audience,
    DigestData,
    DigestFeature,
    DigestInput,
    DigestSection,
    Phrase,
    SectionSpec,
    user,
)
from domain.messages import N_, NP_
from domain.standups.model import Absence

# How far back a fellow's last activity is looked for, beyond the isolation window, to say when it was.
SHOWN_BACK = timedelta(days=28)
SEARCH_MAX_DAYS = 120

ISOLATION = NP_(
    "*Isolation alert: no activity for {count} working day*",
    "*Isolation alert: no activity for {count} working days*",
)
SILENT_SINCE = N_("{fellow}: last activity on {day}")
SILENT = NP_("{fellow}: no activity for {count} day", "{fellow}: no activity for {count} days")
SILENT_SINCE_JOINING = N_("{fellow}: no activity since joining on {day}")
NOBODY_SILENT = NP_(
    "Every fellow was active on the last working day.",
    "Every fellow was active in the last {count} working days.",
)
ISOLATION_SUMMARY = NP_("{count} fellow without activity.", "{count} fellows without activity.")


def window_start(data: DigestData, absences: Sequence[Absence] = ()) -> date | None:
    """The first of the last `isolation_days` working days up to the digest's day (the fellow's days
    away skipped); None when there are not that many within reach."""
    day = local_date(data.period.as_of, data.cohort.timezone)
    counted = 0
    for _ in range(SEARCH_MAX_DAYS):
        working = data.calendar.is_working_day(day) if data.calendar is not None else day.weekday() < 5
        if working and not any(a.covers(day) for a in absences):
            counted += 1
            if counted == data.isolation_days:
                return day
        day -= timedelta(days=1)
    return None


def earliest_start(data: DigestData) -> date:
    """Activity is read from here: the widest window, and a few weeks more to say when it last was."""
    start = window_start(data) or data.period.first
    return start - SHOWN_BACK


def load(store: DigestStore, data: DigestData) -> dict[str, datetime]:
    first = earliest_start(data)
    return store.digests.last_activity(
        data.cohort.id, at_local(first, time(0, 0), data.cohort.timezone), first
    )


def _absences(data: DigestData) -> dict[str, list[Absence]]:
    week = data.feature("standups")
    found: dict[str, list[Absence]] = {}
    for absence in week.absences if week is not None else ():
        found.setdefault(absence.user_id, []).append(absence)
    return found


@dataclass(frozen=True)
class Silence:
    fellow: str
    last_day: date | None  # their last activity, when within reach
    joined_day: date | None


def silent_fellows(given: DigestInput) -> list[Silence]:
    """The fellows silent over their window (those who joined during it are not counted yet)."""
    activity: dict[str, datetime] = given.data.feature("activity")
    absences, tz = _absences(given.data), given.cohort.timezone
    found = []
    for fellow in given.scope.fellows:
        start = window_start(given.data, absences.get(fellow, []))
        joined = given.data.joined.get(fellow)
        joined_day = local_date(joined, tz) if joined is not None else None
        if start is None or (joined_day is not None and joined_day > start):
            continue
        last = activity.get(fellow)
        last_day = local_date(last, tz) if last is not None else None
        if last_day is None or last_day < start:
            found.append(Silence(fellow, last_day, joined_day))
    return found


def _line(silence: Silence, data: DigestData) -> Phrase:
    fellow = user(silence.fellow)
    if silence.last_day is not None:
        return Phrase(SILENT_SINCE, {"fellow": fellow, "day": silence.last_day})
    since = earliest_start(data)
    if silence.joined_day is not None and silence.joined_day >= since:
        return Phrase(SILENT_SINCE_JOINING, {"fellow": fellow, "day": silence.joined_day})
    today = local_date(data.period.as_of, data.cohort.timezone)
    return Phrase(SILENT, {"fellow": fellow, "count": (today - since).days})


def isolation(given: DigestInput) -> DigestSection:
    days = given.data.isolation_days
    lines = tuple(_line(silence, given.data) for silence in silent_fellows(given))
    return DigestSection(
        "isolation",
        Phrase(ISOLATION, {"count": days}),
        lines,
        Phrase(ISOLATION_SUMMARY, {"count": len(lines)}),
        Phrase(NOBODY_SILENT, {"count": days}),
    )


FEATURE = DigestFeature("activity", load, (SectionSpec("isolation", Audience.ADMIN, isolation),))

"""Stand-ups over a digest's week: each fellow's days at a glance, their mood, and their blockers.

A blocker is a run of stand-up answers whose blockers question says something is in the way. It
is resolved by the next answer saying nothing blocks, or by a help request asked from the
stand-up and resolved after the blocker was last reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from domain.calendar import local_date, weekday_code
from domain.digests.data import DigestStore
from domain.digests.model import DigestData
from domain.peer_help.records import HelpRequest, HelpStatus
from domain.standups.model import Absence, EntryStatus, StandupEntry, StandupSettings

# Entries are read this far before the week: the previous week's mood, and blockers raised earlier.
LOOKBACK = timedelta(days=21)
STANDUP_ORIGIN = "standup"
ANSWERED, MISSED, SKIPPED, AWAY, NONE = "✅", "❌", "⏭️", "🌴", "▫️"
TREND_STEP = 0.5


@dataclass(frozen=True)
class StandupWeek:
    settings: StandupSettings | None
    entries: tuple[StandupEntry, ...]
    absences: tuple[Absence, ...]
    # What is worked out once per cohort's week and shared by every reader's digest.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key, compute):
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def by_fellow(self) -> dict[str, dict[date, StandupEntry]]:
        def group() -> dict[str, dict[date, StandupEntry]]:
            found: dict[str, dict[date, StandupEntry]] = defaultdict(dict)
            for entry in self.entries:
                found[entry.user_id][entry.day] = entry
            return found

        return self.remember("by_fellow", group)

    def absences_by_fellow(self) -> dict[str, list[Absence]]:
        def group() -> dict[str, list[Absence]]:
            found: dict[str, list[Absence]] = defaultdict(list)
            for absence in self.absences:
                found[absence.user_id].append(absence)
            return found

        return self.remember("absences", group)


def load(store: DigestStore, data: DigestData) -> StandupWeek:
    settings, entries, absences = store.digests.standup_week(
        data.cohort.id, data.period.first - LOOKBACK, data.period.last
    )
    return StandupWeek(settings, tuple(entries), tuple(absences))


@dataclass(frozen=True)
class FellowWeek:
    user_id: str
    cells: str
    answered: int
    expected: int
    mood: float | None = None
    previous_mood: float | None = None

    @property
    def trend(self) -> str:
        if self.mood is None or self.previous_mood is None:
            return ""
        change = self.mood - self.previous_mood
        return "↗" if change >= TREND_STEP else "↘" if change <= -TREND_STEP else "→"


def grid_days(data: DigestData) -> list[date]:
    """Monday to Friday of the week, in order: one cell each."""
    first = data.period.first
    return [first + timedelta(days=n) for n in range(7) if (first + timedelta(days=n)).weekday() < 5]


def standup_days(week: StandupWeek, data: DigestData) -> set[date]:
    """Days the stand-up ran in the week, up to the day the digest is written."""
    if week.settings is None:
        return set()
    today = local_date(data.period.as_of, data.cohort.timezone)
    return {d for d in data.period.working_days if d <= today and weekday_code(d) in week.settings.days}


def _average(values: Iterable[int]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 1) if values else None


def _cell(entry: StandupEntry | None, day: date, ran: set[date], away: bool, joined: date | None) -> str:
    if entry is not None:
        return ANSWERED if entry.status is EntryStatus.ANSWERED else SKIPPED
    if away:
        return AWAY
    if day not in ran or (joined is not None and day < joined):
        return NONE
    return MISSED


def _fellow_week(
    user_id: str, entries: dict[date, StandupEntry], absences: list[Absence], ran: set[date], data: DigestData
) -> FellowWeek:
    joined = data.joined.get(user_id)
    joined_day = local_date(joined, data.cohort.timezone) if joined else None
    cells = "".join(
        _cell(entries.get(d), d, ran, any(a.covers(d) for a in absences), joined_day) for d in grid_days(data)
    )
    moods = [(e.day, e.mood) for e in entries.values() if e.answered and e.mood is not None]
    first = data.period.first
    return FellowWeek(
        user_id,
        cells,
        cells.count(ANSWERED),
        cells.count(ANSWERED) + cells.count(MISSED),
        _average(mood for day, mood in moods if first <= day <= data.period.last),
        _average(mood for day, mood in moods if first - timedelta(days=7) <= day < first),
    )


def fellow_weeks(week: StandupWeek, data: DigestData, fellows: Iterable[str]) -> list[FellowWeek]:
    ran = week.remember("ran", lambda: standup_days(week, data))
    entries, absences = week.by_fellow(), week.absences_by_fellow()
    return [
        week.remember(
            ("fellow", user_id),
            lambda user_id=user_id: _fellow_week(
                user_id, entries.get(user_id, {}), absences.get(user_id, []), ran, data
            ),
        )
        for user_id in fellows
    ]


@dataclass(frozen=True)
class Blocker:
    user_id: str
    raised: date
    last_seen: date
    text: str
    resolved_on: date | None = None

    def open_days(self, today: date) -> int:
        return (today - self.raised).days


def _help_resolution(blocker: Blocker, requests: Iterable[HelpRequest], tz: str) -> date | None:
    for request in requests:
        if (
            request.asker == blocker.user_id
            and request.origin == STANDUP_ORIGIN
            and request.status is HelpStatus.RESOLVED
            and request.ended_at is not None
            and local_date(request.created_at, tz) >= blocker.raised
            and local_date(request.ended_at, tz) >= blocker.last_seen
        ):
            return local_date(request.ended_at, tz)
    return None


def _runs(entries: list[StandupEntry], settings: StandupSettings) -> list[Blocker]:
    runs: list[Blocker] = []
    current: Blocker | None = None
    for entry in sorted(entries, key=lambda e: e.day):
        text = entry.blocker(settings)
        if text and current is None:
            current = Blocker(entry.user_id, entry.day, entry.day, text)
        elif text and current is not None:
            current = Blocker(entry.user_id, current.raised, entry.day, text)
        elif current is not None:
            runs.append(Blocker(current.user_id, current.raised, current.last_seen, current.text, entry.day))
            current = None
    return runs + ([current] if current is not None else [])


def _all_blockers(
    week: StandupWeek, settings: StandupSettings, data: DigestData, requests: list[HelpRequest]
) -> list[Blocker]:
    found = []
    for entries in week.by_fellow().values():
        answered = [e for e in entries.values() if e.answered and e.day <= data.period.last]
        for run in _runs(answered, settings):
            if run.resolved_on is None and (solved := _help_resolution(run, requests, data.cohort.timezone)):
                run = Blocker(run.user_id, run.raised, run.last_seen, run.text, solved)
            found.append(run)
    return sorted(found, key=lambda b: (b.raised, b.user_id))


def blockers(
    week: StandupWeek, data: DigestData, fellows: Iterable[str], requests: Iterable[HelpRequest] = ()
) -> list[Blocker]:
    """The fellows' blockers reported up to the digest's day, each resolved or not, oldest first."""
    settings = week.settings
    if settings is None:
        return []
    wanted, requests = set(fellows), [r for r in requests if r.origin == STANDUP_ORIGIN]
    every = week.remember(
        ("blockers", tuple(r.id for r in requests)), lambda: _all_blockers(week, settings, data, requests)
    )
    return [b for b in every if b.user_id in wanted]


def as_of_day(data: DigestData) -> date:
    return local_date(data.period.as_of, data.cohort.timezone)

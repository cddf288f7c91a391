"""Stand-ups over a digest's week: each fellow's days at a glance, their mood, and their blockers.

A blocker is a run of stand-up answers whose blockers question says something is in the way. It
is resolved by the next answer saying nothing blocks, or by a help request asked from the
stand-up and resolved after the blocker was last reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from domain.calendar import local_date, weekday_code
from domain.digests.data import DigestStore
from domain.digests.model import DigestData
from domain.peer_help.records import HelpRequest, HelpStatus
from domain.standups.calendar import prompt_at
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
    # Days whose prompt the scheduling core recorded: they ran, whatever the schedule says now.
    prompt_days: frozenset[date] = frozenset()
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
    first, last = data.period.first - LOOKBACK, data.period.last
    settings, entries, absences = store.digests.standup_week(data.cohort.id, first, last)
    prompted = store.digests.standup_prompt_days(data.cohort.id, data.period.first, last)
    return StandupWeek(settings, tuple(entries), tuple(absences), frozenset(prompted))


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
    """Days the stand-up ran in the week, up to the day the digest is written: a day whose prompt
    was recorded, or one the schedule planned (its prompt after the schedule was last set)."""
    settings = week.settings
    if settings is None:
        return set()
    today, tz = local_date(data.period.as_of, data.cohort.timezone), data.cohort.timezone
    return {
        d
        for d in data.period.working_days
        if d <= today
        and weekday_code(d) in settings.days
        and (
            d in week.prompt_days
            or settings.updated_at is None
            or prompt_at(settings, d, tz) >= settings.updated_at
        )
    }


def _average(values: Iterable[int]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 1) if values else None


def _settings(data: DigestData) -> StandupSettings | None:
    week = data.feature("standups")
    return week.settings if week is not None else None


def _cell(entry: StandupEntry | None, day: date, ran: set[date], away: bool) -> str:
    if entry is not None:
        return ANSWERED if entry.status is EntryStatus.ANSWERED else SKIPPED
    if away:
        return AWAY
    return MISSED if day in ran else NONE


def _asked(settings: StandupSettings | None, joined: datetime | None, day: date, tz: str) -> bool:
    """A fellow added after a day's prompt was not asked that day."""
    return settings is None or joined is None or joined <= prompt_at(settings, day, tz)


def _fellow_week(
    user_id: str, entries: dict[date, StandupEntry], absences: list[Absence], ran: set[date], data: DigestData
) -> FellowWeek:
    joined, tz, settings = data.joined.get(user_id), data.cohort.timezone, _settings(data)
    cells = "".join(
        _cell(
            entries.get(d),
            d,
            ran if _asked(settings, joined, d, tz) else set(),
            any(a.covers(d) for a in absences),
        )
        for d in grid_days(data)
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

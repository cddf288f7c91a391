"""A cohort's stand-up as those who run or mentor it read it, before the close: who answered so far.

The Home tab of the program team and of cohort admins, and `/standup today`, ask this. Only the
fellows the day's prompt reached (or who answered anyway) are listed: a fellow added after the
prompt, or a stand-up set after its time, is not shown as waiting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort, Membership
from domain.scheduling import DeliveryStatus
from domain.standups.calendar import close_at, open_day, upcoming_prompts
from domain.standups.model import EntryStatus, StandupEntry, StandupSettings, away_on
from domain.standups.records import StandupStore

# How far back an answer still says what blocks a fellow.
BLOCKER_LOOKBACK = timedelta(days=6)


class Today(StrEnum):
    ANSWERED = "answered"
    SKIPPED = "skipped"
    AWAY = "away"
    WAITING = "waiting"
    MISSED = "missed"  # prompted, and the stand-up closed without an answer


@dataclass(frozen=True)
class FellowToday:
    user_id: str
    name: str
    challenge: str | None  # the challenge's name, as typed
    state: Today


@dataclass(frozen=True)
class OpenBlocker:
    """A fellow whose latest answer says something blocks them; `text` only for readers allowed it."""

    user_id: str
    name: str
    day: date
    text: str | None


@dataclass(frozen=True)
class StandupNow:
    cohort: Cohort
    day: date | None  # the stand-up answers go to now; None when none is open
    closes_at: datetime | None
    fellows: tuple[FellowToday, ...]
    blockers: tuple[OpenBlocker, ...]
    next_prompt: datetime | None
    closed: bool = False  # the day's stand-up has closed: who did not answer is missed, not waiting

    def count(self, state: Today) -> int:
        return sum(1 for fellow in self.fellows if fellow.state is state)

    def by_challenge(self) -> list[tuple[str | None, tuple[FellowToday, ...]]]:
        """The fellows grouped by challenge, named challenges first, in alphabetical order."""
        groups: dict[str | None, list[FellowToday]] = defaultdict(list)
        for fellow in self.fellows:
            groups[fellow.challenge].append(fellow)
        order = sorted(groups, key=lambda name: (name is None, (name or "").lower()))
        return [(name, tuple(groups[name])) for name in order]


def _state(entry: StandupEntry | None, away: bool, prompted: bool, closed: bool) -> Today | None:
    if entry is not None:
        return Today.ANSWERED if entry.status is EntryStatus.ANSWERED else Today.SKIPPED
    if away:
        return Today.AWAY
    if not prompted:
        return None
    return Today.MISSED if closed else Today.WAITING


def _blockers(
    store: StandupStore,
    cohort: Cohort,
    settings: StandupSettings,
    day: date,
    names: dict[str, str],
    readable: Collection[str],
) -> tuple[OpenBlocker, ...]:
    latest: dict[str, StandupEntry] = {}
    for offset in range(BLOCKER_LOOKBACK.days, -1, -1):
        for entry in store.standups.entries(cohort.id, day - timedelta(days=offset)):
            if entry.user_id in names and entry.answered:
                latest[entry.user_id] = entry
    found = []
    for user_id, entry in latest.items():
        text = entry.blocker(settings)
        if text:
            shown = text if user_id in readable else None
            found.append(OpenBlocker(user_id, names[user_id], entry.day, shown))
    return tuple(sorted(found, key=lambda b: (b.day, b.name.lower())))


def standup_now(
    store: StandupStore,
    cohort: Cohort,
    fellows: Sequence[Membership],
    now: datetime,
    holidays: PublicHolidays | None,
    readable: Collection[str],
) -> StandupNow | None:
    """The stand-up of `fellows` (those the reader may see) now; None when the cohort has none.

    `readable`: the fellows whose blocker text the reader may read (the others: figures only).
    """
    settings = store.standups.settings(cohort.id)
    if settings is None or not settings.active:
        return None
    own_holidays = store.cohorts.holidays(cohort.id)
    tz = cohort.timezone
    upcoming = upcoming_prompts(settings, cohort, tz, now, 1, holidays, own_holidays)
    next_prompt = upcoming[0] if upcoming else None
    day = open_day(settings, cohort, tz, now, holidays, own_holidays)
    profiles = store.profiles.get_many({m.user_id for m in fellows})
    challenges = {c.slug: c.name for c in store.cohorts.challenges(cohort.id)}
    names = {
        m.user_id: (p.display_name if (p := profiles.get(m.user_id)) else "") or m.user_id for m in fellows
    }
    if day is None:
        return StandupNow(cohort, None, None, (), (), next_prompt)
    entries = {e.user_id: e for e in store.standups.entries(cohort.id, day)}
    away = away_on(store.standups.absences_of(list(names)), day)
    prompted = {
        p.user_id for p in store.standup_runs.prompts(cohort.id, day) if p.status is not DeliveryStatus.FAILED
    }
    closes_at = close_at(settings, day, tz)
    # Past the close the summary has named who did not answer: the live view says the same.
    closed = now >= closes_at
    listed = []
    for m in {m.user_id: m for m in fellows}.values():
        state = _state(entries.get(m.user_id), m.user_id in away, m.user_id in prompted, closed)
        if state is not None:
            challenge = challenges.get(m.challenge_slug, m.challenge_slug) if m.challenge_slug else None
            listed.append(FellowToday(m.user_id, names[m.user_id], challenge, state))
    listed.sort(key=lambda f: f.name.lower())
    return StandupNow(
        cohort,
        day,
        closes_at,
        tuple(listed),
        _blockers(store, cohort, settings, day, names, readable),
        next_prompt,
        closed,
    )

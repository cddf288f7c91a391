"""The close of a stand-up day: who answered, who was expected, what blocks, who was not there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from domain.cohorts.model import Cohort
from domain.standups.model import Absence, EntryStatus, StandupEntry, StandupSettings, away_on


@dataclass(frozen=True)
class DaySummary:
    """`expected` leaves out those who skipped or are away: they are listed apart, never as missing."""

    cohort: Cohort
    settings: StandupSettings
    day: date
    expected: tuple[str, ...]
    answered: tuple[str, ...]
    missing: tuple[str, ...]
    skipped: tuple[str, ...]
    away: tuple[str, ...]
    blockers: tuple[tuple[str, str], ...]
    entries: tuple[StandupEntry, ...]
    # Display names, so that the summary can name people without notifying them.
    names: Mapping[str, str] = field(default_factory=dict, compare=False)

    def name_of(self, user_id: str) -> str:
        return self.names.get(user_id) or user_id

    @property
    def moods(self) -> tuple[int, ...]:
        return tuple(entry.mood for entry in self.entries if entry.mood is not None)


def summarize(
    cohort: Cohort,
    settings: StandupSettings,
    day: date,
    prompted: Iterable[str],
    entries: Iterable[StandupEntry],
    fellows: Iterable[str],
    absences: list[Absence],
    names: Mapping[str, str] | None = None,
) -> DaySummary:
    """`prompted`: fellows whose prompt was sent; `fellows`: the cohort's active fellows (for who is away)."""
    entries = [entry for entry in entries if entry.day == day]
    answered = [entry.user_id for entry in entries if entry.status is EntryStatus.ANSWERED]
    skipped = [entry.user_id for entry in entries if entry.status is EntryStatus.SKIPPED]
    away_today = away_on(absences, day)
    away = [
        user_id for user_id in dict.fromkeys(fellows) if user_id in away_today and user_id not in answered
    ]
    out = set(skipped) | set(away)
    expected = [user_id for user_id in dict.fromkeys([*prompted, *answered]) if user_id not in out]
    blockers = tuple((entry.user_id, text) for entry in entries if (text := entry.blocker(settings)))
    return DaySummary(
        cohort=cohort,
        settings=settings,
        day=day,
        expected=tuple(expected),
        answered=tuple(user_id for user_id in expected if user_id in answered),
        missing=tuple(user_id for user_id in expected if user_id not in answered),
        skipped=tuple(skipped),
        away=tuple(away),
        blockers=blockers,
        entries=tuple(entry for entry in entries if entry.status is EntryStatus.ANSWERED),
        names=dict(names or {}),
    )

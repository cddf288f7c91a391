"""A person's past stand-ups (`/standup history`) and a cohort's (`cohortbot export`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from domain.cohorts.admin import record
from domain.cohorts.export import Section
from domain.cohorts.model import Cohort, Role
from domain.cohorts.permissions import NOT_MEMBER, NotAllowed, can_see_fellow, can_view_cohort
from domain.cohorts.records import Actor, AuditAction
from domain.standups.commands import History
from domain.standups.model import StandupEntry, StandupSettings
from domain.standups.records import StandupStore
from domain.standups.sharing import SharingChoices, text_shown


@dataclass(frozen=True)
class HistoryLine:
    """One stand-up day of one cohort: `entry` is None when the prompt got no answer."""

    cohort: Cohort
    settings: StandupSettings
    day: date
    entry: StandupEntry | None
    withheld: bool = False  # answered, but the fellow keeps the text of their answers to themself

    @property
    def status(self) -> str:
        if self.entry is None:
            return "missed"
        if not self.entry.answered:
            return "skipped"
        return "late" if self.entry.late else "answered"


@dataclass(frozen=True)
class StandupHistory:
    user_id: str
    days: int
    lines: tuple[HistoryLine, ...]


def _cohorts_shown(store: StandupStore, actor: Actor, target: str) -> dict[int, Cohort]:
    theirs = [m for m in store.members.of_user(target) if m.role == Role.FELLOW]
    mine = store.members.of_user(actor.user_id)
    if target != actor.user_id and not can_see_fellow(
        actor.user_id, target, mine + theirs, actor.program_admins
    ):
        raise NotAllowed(NOT_MEMBER)
    shown = {}
    for membership in theirs:
        if target == actor.user_id or can_view_cohort(
            actor.user_id, membership.cohort_id, actor.program_admins, mine
        ):
            shown[membership.cohort_id] = store.cohorts.get(membership.cohort_id)
    return shown


def _without_text(entry: StandupEntry | None) -> StandupEntry | None:
    return replace(entry, answers=()) if entry is not None else None


def standup_history(
    store: StandupStore, actor: Actor, command: History, sharing: SharingChoices
) -> StandupHistory:
    """The last DAYS days, newest first: answers, skips and prompts left unanswered; the text of the
    answers only where the fellow's sharing choice lets the reader see it."""
    target = command.user_id or actor.user_id
    cohorts = _cohorts_shown(store, actor, target)
    shown = text_shown(actor.user_id, target, sharing.text_sharers([target]))
    last = actor.now.date() + timedelta(days=1)
    first = last - timedelta(days=command.days)
    entries = {
        (e.cohort_id, e.day): e
        for e in store.standups.entries_of(target, first, last)
        if e.cohort_id in cohorts
    }
    prompted = {key for key in store.standup_runs.prompted_days(target, first, last) if key[0] in cohorts}
    settings = {cohort_id: store.standups.settings(cohort_id) for cohort_id in cohorts}
    lines = [
        HistoryLine(
            cohorts[cohort_id],
            settings[cohort_id] or StandupSettings(cohort_id),
            day,
            entries.get((cohort_id, day)) if shown else _without_text(entries.get((cohort_id, day))),
            withheld=not shown and _answered(entries.get((cohort_id, day))),
        )
        for cohort_id, day in sorted(set(entries) | prompted, key=lambda key: (key[1], key[0]), reverse=True)
    ]
    if target != actor.user_id:
        # Reading someone else's answers is traced for the data protection officer.
        for cohort in cohorts.values():
            record(store, cohort, actor, AuditAction.READ, about=target, days=command.days)
    return StandupHistory(target, command.days, tuple(lines))


def _answered(entry: StandupEntry | None) -> bool:
    return entry is not None and entry.answered


# cohortbot export ---------------------------------------------------------------------------


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def schedule_section(store: StandupStore, cohort: Cohort) -> Section:
    columns = (
        "active",
        "days",
        "time",
        "remind_minutes",
        "close",
        "zone",
        "share",
        "mood",
        "questions",
        "blocker_question",
    )
    s = store.standups.settings(cohort.id)
    rows = (
        ()
        if s is None
        else (
            (
                "yes" if s.active else "no",
                ",".join(s.days),
                s.prompt_time,
                s.remind_minutes,
                s.close,
                s.zone_mode,
                s.share,
                "yes" if s.mood else "no",
                json.dumps(list(s.questions), ensure_ascii=False) if s.questions else None,
                s.blocker_question,
            ),
        )
    )
    return Section("standup_schedule", columns, rows)


class ExportStore(StandupStore, Protocol):
    @property
    def checkins(self) -> SharingChoices: ...


def entries_section(store: ExportStore, cohort: Cohort) -> Section:
    """Every answer and skip; the text of the answers of those who share it, the others' figures only."""
    columns = ("date", "slack_id", "status", "late", "mood", "answers", "submitted_at")
    entries = store.standups.entries_of_cohort(cohort.id)
    sharers = store.checkins.text_sharers({e.user_id for e in entries})
    rows = tuple(
        (
            _iso(e.day),
            e.user_id,
            e.status.value,
            "yes" if e.late else "no",
            e.mood,
            json.dumps(list(e.answers), ensure_ascii=False) if text_shown(None, e.user_id, sharers) else None,
            _iso(e.submitted_at),
        )
        for e in entries
    )
    return Section("standup_entries", columns, rows)


def absences_section(store: StandupStore, cohort: Cohort) -> Section:
    members = {m.user_id for m in store.members.of_cohort(cohort.id)}
    absences = sorted(store.standups.absences_of(members), key=lambda a: (a.first, a.user_id))
    rows = tuple((a.user_id, _iso(a.first), _iso(a.last), a.set_by) for a in absences)
    return Section("standup_absences", ("slack_id", "first", "last", "set_by"), rows)


STANDUP_SECTIONS = (schedule_section, entries_section, absences_section)

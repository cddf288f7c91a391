"""In-memory stand-up repositories on top of the cohort fakes, so the use cases run without I/O."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.cohorts.model import Cohort, MemberProfile, Membership, NewCohort, Role
from domain.scheduling import DeliveryStatus, OccurrenceStatus
from domain.standups import records
from domain.standups.model import Absence, StandupEntry, StandupSettings
from domain.standups.planning import subject_cohort
from domain.standups.records import PromptSent
from tests.domain import fakes

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 in Paris


class Standups(records.StandupRepository):
    def __init__(self, store: StandupStore) -> None:
        self.store = store
        self.schedules: dict[int, StandupSettings] = {}
        self.entry_rows: dict[tuple[int, str, date], StandupEntry] = {}
        self.absences: list[Absence] = []

    def settings(self, cohort_id: int) -> StandupSettings | None:
        return self.schedules.get(cohort_id)

    def save_settings(self, settings: StandupSettings) -> None:
        self.schedules[settings.cohort_id] = settings

    def running(self) -> list[tuple[Cohort, StandupSettings]]:
        return [
            (self.store.cohorts.rows[c], s)
            for c, s in self.schedules.items()
            if s.active and not self.store.cohorts.rows[c].archived
        ]

    def fellow_zones(self, cohort_ids: Iterable[int]) -> dict[int, set[str | None]]:
        cohort_ids = set(cohort_ids)
        found: dict[int, set[str | None]] = {}
        for m in self.store.members.rows:
            if m.cohort_id in cohort_ids and m.role == Role.FELLOW:
                profile = self.store.profiles.get_many([m.user_id]).get(m.user_id)
                found.setdefault(m.cohort_id, set()).add(profile.timezone if profile else None)
        return found

    def entry(self, cohort_id: int, user_id: str, day: date) -> StandupEntry | None:
        return self.entry_rows.get((cohort_id, user_id, day))

    def entries(self, cohort_id: int, day: date) -> list[StandupEntry]:
        return [e for (c, _u, d), e in self.entry_rows.items() if c == cohort_id and d == day]

    def entries_of(self, user_id: str, first: date, last: date) -> list[StandupEntry]:
        return sorted(
            (e for (_c, u, d), e in self.entry_rows.items() if u == user_id and first <= d <= last),
            key=lambda e: e.day,
        )

    def entries_of_cohort(self, cohort_id: int) -> list[StandupEntry]:
        return [e for (c, _u, _d), e in sorted(self.entry_rows.items()) if c == cohort_id]

    def save_entry(self, entry: StandupEntry) -> None:
        old = self.entry_rows.get((entry.cohort_id, entry.user_id, entry.day))
        if old is not None:
            entry = dataclasses.replace(entry, post_channel=old.post_channel, post_ts=old.post_ts)
        self.entry_rows[(entry.cohort_id, entry.user_id, entry.day)] = entry

    def set_post(self, cohort_id: int, user_id: str, day: date, channel: str, ts: str) -> None:
        key = (cohort_id, user_id, day)
        self.entry_rows[key] = dataclasses.replace(self.entry_rows[key], post_channel=channel, post_ts=ts)

    def absences_of(self, user_ids: Iterable[str]) -> list[Absence]:
        wanted = set(user_ids)
        return [a for a in self.absences if a.user_id in wanted]

    def add_absence(self, absence: Absence, now: datetime) -> None:
        self.absences.append(absence)

    def end_absences(self, user_id: str, today: date) -> int:
        ended = 0
        kept = []
        for a in self.absences:
            if a.user_id == user_id and a.last >= today:
                ended += 1
                if a.first < today:
                    kept.append(dataclasses.replace(a, last=today - timedelta(days=1)))
                continue
            kept.append(a)
        self.absences = kept
        return ended


class Runs(records.StandupRunRepository):
    """Occurrences and deliveries as the scheduling core would have recorded them."""

    def __init__(self) -> None:
        self.occurrences: dict[tuple[str, str, date], OccurrenceStatus] = {}
        self.deliveries: list[tuple[str, str, date, PromptSent]] = []

    def known(
        self, kinds: Iterable[str], subjects: Iterable[str], days: Iterable[date]
    ) -> dict[tuple[str, str, date], OccurrenceStatus]:
        kinds, subjects, days = set(kinds), set(subjects), set(days)
        return {
            k: s for k, s in self.occurrences.items() if k[0] in kinds and k[1] in subjects and k[2] in days
        }

    def sent(
        self,
        kind: str,
        subject: str,
        day: date,
        recipient: str,
        sent_at: datetime,
        channel: str = "D1",
        ts: str = "1.1",
    ) -> None:
        self.occurrences[(kind, subject, day)] = OccurrenceStatus.DONE
        self.deliveries.append(
            (kind, subject, day, PromptSent(recipient, subject, DeliveryStatus.SENT, sent_at, channel, ts))
        )

    def prompts(self, cohort_id: int, day: date) -> list[PromptSent]:
        return [
            p
            for kind, subject, d, p in self.deliveries
            if kind == "standup_prompt" and d == day and subject_cohort(subject) == cohort_id
        ]

    def post_of(self, kind: str, subject: str, day: date) -> tuple[str, str] | None:
        found = [
            (p.channel, p.ts)
            for k, s, d, p in self.deliveries
            if (k, s, d) == (kind, subject, day) and p.channel and p.ts
        ]
        return found[0] if found else None

    def prompted_days(self, user_id: str, first: date, last: date) -> set[tuple[int, date]]:
        return {
            (cohort_id, d)
            for k, s, d, p in self.deliveries
            if k == "standup_prompt"
            and p.user_id == user_id
            and first <= d <= last
            and (cohort_id := subject_cohort(s)) is not None
        }


class Sharing:
    """The fellows who chose to share the text of their answers."""

    def __init__(self) -> None:
        self.sharers: set[str] = set()

    def text_sharers(self, user_ids: Iterable[str]) -> set[str]:
        return self.sharers & set(user_ids)


class StandupStore(fakes.Store, records.StandupStore):
    def __init__(self) -> None:
        super().__init__()
        self.standups: Standups = Standups(self)
        self.standup_runs: Runs = Runs()
        self.checkins = Sharing()

    def cohort(
        self,
        name: str = "eig7",
        tz: str = "Europe/Paris",
        country: str = "FR",
        lang: str = "fr",
        channel: str = "C100",
        **dates: date,
    ) -> Cohort:
        return self.cohorts.add(
            NewCohort(name, tz, lang, country, dates.get("start"), dates.get("end")), channel, NOW
        )

    def people(
        self,
        cohort: Cohort,
        *user_ids: str,
        role: Role = Role.FELLOW,
        challenge: str | None = None,
        tz: str | None = None,
        **profile: Any,
    ) -> None:
        for user_id in user_ids:
            self.members.rows.append(Membership(cohort.id, user_id, role, challenge))
            self.profiles.save(MemberProfile(user_id, user_id.lower(), timezone=tz, **profile))

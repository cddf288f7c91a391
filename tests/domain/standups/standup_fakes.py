"""In-memory stand-up repositories on top of the cohort fakes, so the use cases run without I/O."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

from domain.cohorts.model import Cohort, MemberProfile, Membership, NewCohort, Role
from domain.scheduling import DeliveryStatus, OccurrenceStatus
from domain.standups.model import StandupSettings
from domain.standups.planning import subject_cohort
from domain.standups.records import PromptSent
from tests.domain import fakes

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 in Paris


class Cohorts(fakes.Cohorts):
    def get(self, cohort_id):
        return self.rows[cohort_id]


class Standups:
    def __init__(self, store):
        self.store = store
        self.schedules: dict[int, StandupSettings] = {}
        self.entry_rows: dict[tuple, object] = {}
        self.absences: list = []

    def settings(self, cohort_id):
        return self.schedules.get(cohort_id)

    def save_settings(self, settings):
        self.schedules[settings.cohort_id] = settings

    def running(self):
        return [
            (self.store.cohorts.rows[c], s)
            for c, s in self.schedules.items()
            if s.active and not self.store.cohorts.rows[c].archived
        ]

    def fellow_zones(self, cohort_ids):
        found: dict[int, set] = {}
        for m in self.store.members.rows:
            if m.cohort_id in cohort_ids and m.role == Role.FELLOW:
                profile = self.store.profiles.get_many([m.user_id]).get(m.user_id)
                found.setdefault(m.cohort_id, set()).add(profile.timezone if profile else None)
        return found

    def holidays_of(self, cohort_ids):
        return {c: self.store.cohorts.holidays(c) for c in cohort_ids}

    def entry(self, cohort_id, user_id, day):
        return self.entry_rows.get((cohort_id, user_id, day))

    def entries(self, cohort_id, day):
        return [e for (c, _u, d), e in self.entry_rows.items() if c == cohort_id and d == day]

    def entries_of(self, user_id, first, last):
        return sorted(
            (e for (_c, u, d), e in self.entry_rows.items() if u == user_id and first <= d <= last),
            key=lambda e: e.day,
        )

    def entries_of_cohort(self, cohort_id):
        return [e for (c, _u, _d), e in sorted(self.entry_rows.items()) if c == cohort_id]

    def save_entry(self, entry):
        old = self.entry_rows.get((entry.cohort_id, entry.user_id, entry.day))
        if old is not None:
            entry = dataclasses.replace(entry, post_channel=old.post_channel, post_ts=old.post_ts)
        self.entry_rows[(entry.cohort_id, entry.user_id, entry.day)] = entry

    def set_post(self, cohort_id, user_id, day, channel, ts):
        key = (cohort_id, user_id, day)
        self.entry_rows[key] = dataclasses.replace(self.entry_rows[key], post_channel=channel, post_ts=ts)

    def absences_of(self, user_ids):
        wanted = set(user_ids)
        return [a for a in self.absences if a.user_id in wanted]

    def add_absence(self, absence, now):
        self.absences.append(absence)

    def end_absences(self, user_id, today):
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


class Runs:
    """Occurrences and deliveries as the scheduling core would have recorded them."""

    def __init__(self):
        self.occurrences: dict[tuple, OccurrenceStatus] = {}
        self.deliveries: list[tuple[str, str, date, PromptSent]] = []

    def known(self, kinds, subjects, days):
        return {
            k: s for k, s in self.occurrences.items() if k[0] in kinds and k[1] in subjects and k[2] in days
        }

    def sent(self, kind, subject, day, recipient, sent_at, channel="D1", ts="1.1"):
        self.occurrences[(kind, subject, day)] = OccurrenceStatus.DONE
        self.deliveries.append(
            (kind, subject, day, PromptSent(recipient, subject, DeliveryStatus.SENT, sent_at, channel, ts))
        )

    def prompts(self, cohort_id, day):
        return [
            p
            for kind, subject, d, p in self.deliveries
            if kind == "standup_prompt" and d == day and subject_cohort(subject) == cohort_id
        ]

    def post_of(self, kind, subject, day):
        found = [p for k, s, d, p in self.deliveries if (k, s, d) == (kind, subject, day)]
        return (found[0].channel, found[0].ts) if found else None

    def prompted_days(self, user_id, first, last):
        return {
            (subject_cohort(s), d)
            for k, s, d, p in self.deliveries
            if k == "standup_prompt" and p.user_id == user_id and first <= d <= last
        }


class StandupStore(fakes.Store):
    def __init__(self):
        super().__init__()
        self.cohorts = Cohorts()
        self.standups = Standups(self)
        self.standup_runs = Runs()

    def cohort(
        self, name="eig7", tz="Europe/Paris", country="FR", lang="fr", channel="C100", **dates
    ) -> Cohort:
        return self.cohorts.add(
            NewCohort(name, tz, lang, country, dates.get("start"), dates.get("end")), channel, NOW
        )

    def people(self, cohort: Cohort, *user_ids: str, role=Role.FELLOW, challenge=None, tz=None, **profile):
        for user_id in user_ids:
            self.members.rows.append(Membership(cohort.id, user_id, role, challenge))
            self.profiles.save(MemberProfile(user_id, user_id.lower(), timezone=tz, **profile))

"""In-memory stand-ins for the cohort repositories and for Slack, so use cases run without I/O.

Each fake subclasses the port it stands for, so the type checker fails when they drift apart.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from domain.cohorts import records
from domain.cohorts.model import Challenge, Cohort, MemberProfile, Membership, NewCohort, Role, cohort_key
from domain.cohorts.records import AuditEntry, ChannelInfo, CohortHoliday
from domain.messages import DomainError


class Cohorts(records.CohortRepository):
    def __init__(self) -> None:
        self.rows: dict[int, Cohort] = {}
        self.challenge_rows: list[Challenge] = []
        self.holiday_rows: list[CohortHoliday] = []

    def all(self) -> list[Cohort]:
        return sorted(self.rows.values(), key=lambda c: cohort_key(c.name))

    def by_name(self, name: str) -> Cohort | None:
        return next((c for c in self.rows.values() if cohort_key(c.name) == cohort_key(name)), None)

    def get(self, cohort_id: int) -> Cohort:
        return self.rows[cohort_id]

    def add(self, new: NewCohort, channel_id: str, now: datetime) -> Cohort:
        if self.by_name(new.name):
            raise DomainError("duplicate")
        cohort = Cohort(
            len(self.rows) + 1, new.name, channel_id, new.timezone, new.lang, new.country, new.start, new.end
        )
        self.rows[cohort.id] = cohort
        return cohort

    def archive(self, cohort_id: int, now: datetime) -> Cohort:
        self.rows[cohort_id] = dataclasses.replace(self.rows[cohort_id], archived_at=now)
        return self.rows[cohort_id]

    def update(self, cohort: Cohort, rescheduled_at: datetime | None) -> Cohort:
        if any(
            c.id != cohort.id and cohort_key(c.name) == cohort_key(cohort.name) for c in self.rows.values()
        ):
            raise DomainError("duplicate")
        when = rescheduled_at or self.rows[cohort.id].rescheduled_at
        self.rows[cohort.id] = dataclasses.replace(cohort, rescheduled_at=when)
        return self.rows[cohort.id]

    def challenges(self, cohort_id: int) -> list[Challenge]:
        return [c for c in self.challenge_rows if c.cohort_id == cohort_id]

    def add_challenge(self, cohort_id: int, slug: str, name: str) -> Challenge:
        challenge = Challenge(len(self.challenge_rows) + 1, cohort_id, slug, name)
        self.challenge_rows.append(challenge)
        return challenge

    def rename_challenge(self, challenge_id: int, name: str) -> Challenge:
        old = next(c for c in self.challenge_rows if c.id == challenge_id)
        renamed = dataclasses.replace(old, name=name)
        self.challenge_rows[self.challenge_rows.index(old)] = renamed
        return renamed

    def holidays(self, cohort_id: int) -> list[CohortHoliday]:
        return [h for h in self.holiday_rows if h.cohort_id == cohort_id]

    def holidays_of(self, cohort_ids: Iterable[int]) -> dict[int, list[CohortHoliday]]:
        return {i: self.holidays(i) for i in cohort_ids}

    def remove_holiday(self, holiday: CohortHoliday) -> None:
        self.holiday_rows = [
            h
            for h in self.holiday_rows
            if (h.cohort_id, h.first, h.last) != (holiday.cohort_id, holiday.first, holiday.last)
        ]

    def add_holiday(self, holiday: CohortHoliday) -> bool:
        same = [
            h
            for h in self.holiday_rows
            if (h.cohort_id, h.first, h.last) == (holiday.cohort_id, holiday.first, holiday.last)
        ]
        for old in same:
            self.holiday_rows.remove(old)
        self.holiday_rows.append(holiday)
        return not same


class Members(records.MembershipRepository):
    def __init__(self) -> None:
        self.rows: list[Membership] = []

    def of_cohort(self, cohort_id: int) -> list[Membership]:
        return [m for m in self.rows if m.cohort_id == cohort_id]

    def of_user(self, user_id: str) -> list[Membership]:
        return [m for m in self.rows if m.user_id == user_id]

    def role_counts(self) -> dict[int, dict[Role, int]]:
        counts: dict[int, Counter[Role]] = {}
        for cohort_id, _user_id, role in {(m.cohort_id, m.user_id, m.role) for m in self.rows}:
            counts.setdefault(cohort_id, Counter())[role] += 1
        return {cohort_id: dict(counter) for cohort_id, counter in counts.items()}

    def add_many(self, memberships: Iterable[Membership], now: datetime) -> None:
        self.rows.extend(m for m in memberships if m not in self.rows)

    def remove_many(self, memberships: Iterable[Membership]) -> None:
        gone = list(memberships)
        self.rows = [m for m in self.rows if m not in gone]


class Profiles(records.ProfileRepository):
    def __init__(self) -> None:
        self.rows: dict[str, MemberProfile] = {}
        self.overrides: dict[str, str] = {}

    def _shown(self, profile: MemberProfile) -> MemberProfile:
        zone = self.overrides.get(profile.user_id, profile.timezone)
        return dataclasses.replace(profile, timezone=zone)

    def get_many(self, user_ids: Iterable[str]) -> dict[str, MemberProfile]:
        return {u: self._shown(self.rows[u]) for u in user_ids if u in self.rows}

    def save(self, profile: MemberProfile) -> MemberProfile:
        self.rows[profile.user_id] = profile
        return self._shown(profile)

    def save_many(self, profiles: Iterable[MemberProfile]) -> None:
        for profile in profiles:
            self.save(profile)

    def update_known(self, profile: MemberProfile) -> bool:
        if profile.user_id not in self.rows:
            return False
        self.rows[profile.user_id] = profile
        return True

    def set_timezones(self, timezones: Mapping[str, str]) -> None:
        for user_id, zone in timezones.items():
            self.rows.setdefault(user_id, MemberProfile(user_id, ""))
            self.overrides[user_id] = zone

    def timezone_overrides(self, user_ids: Iterable[str]) -> dict[str, str]:
        return {u: self.overrides[u] for u in user_ids if u in self.overrides}


class Audit(records.AuditLog):
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def record(self, entry: AuditEntry) -> None:
        self.entries.append(entry)

    def recent(self, cohort_id: int, limit: int) -> list[AuditEntry]:
        return [e for e in reversed(self.entries) if e.cohort_id == cohort_id][:limit]

    def all_of(self, cohort_id: int) -> list[AuditEntry]:
        return [e for e in self.entries if e.cohort_id == cohort_id]


class Store(records.CohortStore):
    def __init__(self) -> None:
        self.cohorts: Cohorts = Cohorts()
        self.members: Members = Members()
        self.profiles: Profiles = Profiles()
        self.audit: Audit = Audit()

    def snapshot(self) -> tuple[object, ...]:
        """Everything stored, to check that a refused action changed nothing."""
        return (
            dict(self.cohorts.rows),
            list(self.cohorts.challenge_rows),
            list(self.cohorts.holiday_rows),
            list(self.members.rows),
            dict(self.profiles.overrides),
            list(self.audit.entries),
        )


class Slack(records.Directory):
    """Users and channels as Slack would describe them; counts what it was asked."""

    def __init__(self) -> None:
        self.users: dict[str, MemberProfile] = {}
        self.channels: dict[str, ChannelInfo] = {}
        self.asked: Counter[str] = Counter()
        self.joined: list[str] = []
        self.join_works = True
        self.members: dict[str, set[str]] = {}

    def person(self, user_id: str, name: str | None = None, **changes: Any) -> MemberProfile:
        self.users[user_id] = MemberProfile(user_id, name or user_id.lower(), **changes)
        return self.users[user_id]

    def channel_named(self, channel_id: str, **changes: bool) -> ChannelInfo:
        self.channels[channel_id] = ChannelInfo(
            channel_id, channel_id.lower(), **{"is_private": False, "is_member": False, **changes}
        )
        return self.channels[channel_id]

    def user(self, user_id: str) -> MemberProfile | None:
        self.asked["user"] += 1
        return self.users.get(user_id)

    def channel(self, channel_id: str) -> ChannelInfo | None:
        self.asked["channel"] += 1
        return self.channels.get(channel_id)

    def join(self, channel_id: str) -> bool:
        self.asked["join"] += 1
        if self.join_works:
            self.joined.append(channel_id)
        return self.join_works

    def is_member(self, channel_id: str, user_id: str) -> bool:
        self.asked["is_member"] += 1
        return user_id in self.members.get(channel_id, set())

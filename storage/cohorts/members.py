"""Memberships (who is what in which cohort) and the cached Slack profiles of members."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import delete, func, select, tuple_, update
from sqlalchemy.orm import Session

from domain.cohorts.model import MemberProfile, Membership, Role
from storage.db import rows_changed
from storage.models import MemberProfileRow, MembershipRow
from storage.upsert import insert_ignore, insert_many_ignore

# Bound parameters per statement stay well under SQLite's and PostgreSQL's limits.
CHUNK = 500


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _membership(row: MembershipRow) -> Membership:
    return Membership(row.cohort_id, row.user_id, Role(row.role), row.challenge_slug or None, row.added_at)


def _key(m: Membership) -> tuple:
    return (m.cohort_id, m.user_id, m.role.value, m.challenge_slug or "")


class MembershipRepository:
    def __init__(self, session: Session):
        self.session = session

    def of_cohort(self, cohort_id: int) -> list[Membership]:
        rows = self.session.scalars(
            select(MembershipRow).where(MembershipRow.cohort_id == cohort_id).order_by(MembershipRow.id)
        )
        return [_membership(row) for row in rows]

    def of_user(self, user_id: str) -> list[Membership]:
        rows = self.session.scalars(
            select(MembershipRow).where(MembershipRow.user_id == user_id).order_by(MembershipRow.id)
        )
        return [_membership(row) for row in rows]

    def role_counts(self) -> dict[int, dict[Role, int]]:
        """Per cohort, how many distinct people hold each role."""
        rows = self.session.execute(
            select(
                MembershipRow.cohort_id, MembershipRow.role, func.count(func.distinct(MembershipRow.user_id))
            ).group_by(MembershipRow.cohort_id, MembershipRow.role)
        )
        counts: dict[int, dict[Role, int]] = {}
        for cohort_id, role, count in rows:
            counts.setdefault(cohort_id, {})[Role(role)] = count
        return counts

    def add_many(self, memberships: Iterable[Membership], now: datetime) -> None:
        values = [
            dict(zip(("cohort_id", "user_id", "role", "challenge_slug"), _key(m), strict=True), added_at=now)
            for m in memberships
        ]
        insert_many_ignore(
            self.session, MembershipRow, values, ["cohort_id", "user_id", "role", "challenge_slug"]
        )

    def remove_many(self, memberships: Iterable[Membership]) -> None:
        keys = [_key(m) for m in memberships]
        columns = tuple_(
            MembershipRow.cohort_id, MembershipRow.user_id, MembershipRow.role, MembershipRow.challenge_slug
        )
        for chunk in _chunks(keys, CHUNK // 4):
            self.session.execute(delete(MembershipRow).where(columns.in_(chunk)))


def _profile(row: MemberProfileRow) -> MemberProfile:
    return MemberProfile(
        user_id=row.user_id,
        display_name=row.display_name,
        timezone=row.timezone_override or row.slack_timezone,
        lang=row.lang,
        deactivated=row.deactivated,
        is_bot=row.is_bot,
        fetched_at=row.fetched_at,
    )


def _slack_fields(profile: MemberProfile) -> dict:
    return {
        "display_name": profile.display_name[:200],
        "slack_timezone": profile.timezone,
        "lang": profile.lang,
        "deactivated": profile.deactivated,
        "is_bot": profile.is_bot,
        "fetched_at": profile.fetched_at,
    }


class ProfileRepository:
    def __init__(self, session: Session):
        self.session = session

    def get_many(self, user_ids: Iterable[str]) -> dict[str, MemberProfile]:
        found: dict[str, MemberProfile] = {}
        for chunk in _chunks(list(dict.fromkeys(user_ids))):
            rows = self.session.scalars(select(MemberProfileRow).where(MemberProfileRow.user_id.in_(chunk)))
            found.update((row.user_id, _profile(row)) for row in rows)
        return found

    def save(self, profile: MemberProfile) -> MemberProfile:
        """Stores what Slack said (a zone set by a roster import is kept); returns the profile as used."""
        fields = _slack_fields(profile)
        if not insert_ignore(
            self.session, MemberProfileRow, [{"user_id": profile.user_id, **fields}], ["user_id"]
        ):
            self.session.execute(
                update(MemberProfileRow).where(MemberProfileRow.user_id == profile.user_id).values(**fields)
            )
        return self.get_many([profile.user_id])[profile.user_id]

    def save_many(self, profiles: Iterable[MemberProfile]) -> None:
        """`save` for a whole roster: one insert for the new people, one bulk update for the others."""
        by_id = {profile.user_id: profile for profile in profiles}
        known = set(self.get_many(by_id))
        insert_many_ignore(
            self.session,
            MemberProfileRow,
            [
                {"user_id": user_id, **_slack_fields(p)}
                for user_id, p in by_id.items()
                if user_id not in known
            ],
            ["user_id"],
        )
        updates = [
            {"user_id": user_id, **_slack_fields(p)} for user_id, p in by_id.items() if user_id in known
        ]
        if updates:
            self.session.execute(update(MemberProfileRow), updates)

    def update_known(self, profile: MemberProfile) -> bool:
        changed = rows_changed(
            self.session,
            update(MemberProfileRow)
            .where(MemberProfileRow.user_id == profile.user_id)
            .values(**_slack_fields(profile)),
        )
        return changed == 1

    def timezone_overrides(self, user_ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(user_ids)):
            rows = self.session.execute(
                select(MemberProfileRow.user_id, MemberProfileRow.timezone_override).where(
                    MemberProfileRow.user_id.in_(chunk), MemberProfileRow.timezone_override.is_not(None)
                )
            )
            found.update((user_id, zone) for user_id, zone in rows if zone is not None)
        return found

    def set_timezones(self, timezones: Mapping[str, str]) -> None:
        """The zone each person works in, whatever Slack says; people not yet known get a bare profile."""
        known = set(self.get_many(timezones))
        insert_many_ignore(
            self.session,
            MemberProfileRow,
            [
                {
                    "user_id": user_id,
                    "display_name": "",
                    "timezone_override": zone,
                    "deactivated": False,
                    "is_bot": False,
                }
                for user_id, zone in timezones.items()
                if user_id not in known
            ],
            ["user_id"],
        )
        updates = [
            {"user_id": user_id, "timezone_override": zone}
            for user_id, zone in timezones.items()
            if user_id in known
        ]
        if updates:
            # Bulk UPDATE by primary key: one statement executed for every row.
            self.session.execute(update(MemberProfileRow), updates)

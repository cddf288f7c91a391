"""A cohort's week, built in memory for the digest tests: people, stand-ups, help, trainings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.cohorts.model import Cohort, MemberProfile, Membership, Role
from domain.digests.model import Audience, DigestData, DigestInput, Period, Scope
from domain.digests.standups import StandupWeek
from domain.ritual_calendar import Days
from domain.standups.model import EntryStatus, StandupEntry, StandupSettings

COHORT = Cohort(1, "eig7", "C1", "Europe/Paris", "fr", "FR", None, None)
MONDAY = date(2026, 3, 2)
WEEK = [MONDAY + timedelta(days=n) for n in range(5)]
FRIDAY_16H = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
JOINED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def members() -> tuple[Membership, ...]:
    return (
        Membership(1, "F1", Role.FELLOW, "ia"),
        Membership(1, "F2", Role.FELLOW, "ia"),
        Membership(1, "F3", Role.FELLOW, "data"),
        Membership(1, "F4", Role.FELLOW, None),
        Membership(1, "M1", Role.MENTOR, "ia"),
        Membership(1, "M2", Role.MENTOR, None),
        Membership(1, "A1", Role.ADMIN, None),
    )


def entry(
    user: str,
    day: date,
    blocker: str = "rien",
    mood: int | None = None,
    skipped: bool = False,
    cohort_id: int = 1,
) -> StandupEntry:
    status = EntryStatus.SKIPPED if skipped else EntryStatus.ANSWERED
    answers = () if skipped else ("hier", "aujourd’hui", blocker)
    submitted = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=8)
    return StandupEntry(cohort_id, user, day, status, answers, mood, submitted_at=submitted)


SETTINGS = StandupSettings(1)


def standups(entries=(), absences=(), settings: StandupSettings | None = SETTINGS) -> StandupWeek:
    return StandupWeek(settings, tuple(entries), tuple(absences))


def week_data(
    features: dict,
    *,
    as_of: datetime = FRIDAY_16H,
    memberships=None,
    profiles=None,
    joined=None,
    sharers=(),
    isolation_days: int = 5,
    days: Days | None = None,
) -> DigestData:
    days = days or Days(COHORT)
    last = as_of.date()
    period = Period(
        last - timedelta(days=6), last, as_of, tuple(days.working_days(last - timedelta(days=6), last))
    )
    memberships = memberships if memberships is not None else members()
    return DigestData(
        cohort=COHORT,
        period=period,
        memberships=memberships,
        profiles=profiles or {m.user_id: MemberProfile(m.user_id, m.user_id.lower()) for m in memberships},
        challenges={"ia": "IA santé", "data": "Données"},
        joined=joined if joined is not None else {m.user_id: JOINED for m in memberships},
        text_sharers=frozenset(sharers),
        isolation_days=isolation_days,
        calendar=days,
        features=features,
    )


def given(
    data: DigestData, fellows=("F1", "F2", "F3", "F4"), audience=Audience.ADMIN, reader="A1"
) -> DigestInput:
    return DigestInput(data, Scope(reader, audience, tuple(fellows)))

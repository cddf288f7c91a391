"""Loading one cohort's week for the digests: a few aggregate queries, bounded by dates.

Every query is limited to the week (and a short look-back), so the time to write a digest does
not grow with the cohort's history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Protocol

from domain.checkins.model import DigestSchedule, MentorCheckin
from domain.checkins.records import CheckinStore
from domain.digests.model import DigestData, DigestFeature, Period
from domain.peer_help.records import HelpRequest, Offer
from domain.ritual_calendar import Days
from domain.standups.model import Absence, StandupEntry, StandupSettings
from domain.trainings.model import Signup, TrainingSession


class DigestQueries(Protocol):
    def joined(self, cohort_id: int) -> dict[str, datetime]:
        """When each member joined the cohort (their first membership)."""

    def standup_week(
        self, cohort_id: int, first: date, last: date
    ) -> tuple[StandupSettings | None, list[StandupEntry], list[Absence]]:
        """The stand-up settings, the entries between the days, the fellows' absences overlapping them."""

    def help_week(self, cohort_id: int, since: datetime) -> tuple[list[HelpRequest], list[Offer]]:
        """Requests still active, or asked or ended since `since`, and their offers."""

    def training_week(
        self, cohort_id: int, since: datetime, until: datetime
    ) -> tuple[list[TrainingSession], list[Signup]]:
        """Sessions starting in [since, until), and their sign-ups."""

    def last_activity(self, cohort_id: int, since: datetime, first_day: date) -> dict[str, datetime]:
        """Per person, their latest activity (stand-up answered or skipped, help asked or offered, training
        proposed or signed up for) since then; stand-ups count from `first_day`, at noon UTC."""

    def checkins_since(self, cohort_id: int, first: date) -> list[MentorCheckin]: ...

    def standup_prompt_days(self, cohort_id: int, first: date, last: date) -> set[date]:
        """The days the cohort's stand-up prompt was recorded (sent, or missed while down)."""


class DigestStore(CheckinStore, Protocol):
    digests: DigestQueries


def period_of(days: Days, last: date, as_of: datetime) -> Period:
    first = last - timedelta(days=6)
    return Period(first, last, as_of, tuple(days.working_days(first, last)))


def load_digest_data(
    store: DigestStore,
    days: Days,
    period: Period,
    schedule: DigestSchedule,
    features: Iterable[DigestFeature],
) -> DigestData:
    cohort = days.cohort
    memberships = tuple(store.members.of_cohort(cohort.id))
    people = {m.user_id for m in memberships}
    challenges = {c.slug: c.name for c in store.cohorts.challenges(cohort.id)}
    base = DigestData(
        cohort=cohort,
        period=period,
        memberships=memberships,
        profiles=store.profiles.get_many(people),
        challenges=challenges,
        joined=store.digests.joined(cohort.id),
        text_sharers=frozenset(store.checkins.text_sharers(people)),
        isolation_days=schedule.isolation_days,
        calendar=days,
    )
    loaded = {feature.name: feature.load(store, base) for feature in features}
    return replace(base, features=loaded)

"""The digests due at an instant, for the scheduling core: one per mentor and one per admin, weekly.

Occurrences are `mentor_digest` and `admin_digest`, subject `cohort:<id>`, dated by the digest's
nominal day. A cohort's week is loaded once, shared by all its readers, and let go before the next
cohort's is loaded; each digest is built when it is sent, in its reader's language.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.calendar import PublicHolidays
from domain.checkins.due import subject
from domain.checkins.model import DigestSchedule
from domain.cohorts.model import Cohort, Role
from domain.cohorts.permissions import visible_fellows
from domain.digests.data import DigestStore, load_digest_data, period_of
from domain.digests.model import Audience, Digest, DigestData, DigestFeature, Scope, build_digest
from domain.ritual_calendar import Days, Round, cohort_days, rounds_near
from domain.scheduling import OccurrenceStatus, PlannedOccurrence, Timing, timing

MENTOR_DIGEST, ADMIN_DIGEST = "mentor_digest", "admin_digest"
KINDS = {MENTOR_DIGEST: Audience.MENTOR, ADMIN_DIGEST: Audience.ADMIN}
GRACE = timedelta(hours=12)


@dataclass(frozen=True)
class DigestRun:
    cohort: Cohort
    schedule: DigestSchedule
    days: Days
    round: Round

    @property
    def grace_until(self) -> datetime:
        return self.round.due_at + GRACE

    def counts(self, now: datetime) -> bool:
        since = self.cohort.schedule_set_at(self.schedule.updated_at)
        early = timing(self.round.due_at, self.grace_until, now) is Timing.EARLY
        return not early and (since is None or self.round.due_at >= since)


def runs_near(
    running: Iterable[tuple[Cohort, DigestSchedule]],
    holidays_of: dict,
    public: PublicHolidays | None,
    now: datetime,
) -> list[DigestRun]:
    found = []
    for cohort, schedule in running:
        days = cohort_days(cohort, public, holidays_of.get(cohort.id, ()))
        found += [
            DigestRun(cohort, schedule, days, r)
            for r in rounds_near(schedule.is_round, schedule.at, days, now)
        ]
    return [run for run in found if run.counts(now)]


def _active(data: DigestData, user_id: str) -> bool:
    profile = data.profiles.get(user_id)
    return profile is None or not profile.deactivated


def scopes(data: DigestData, audience: Audience, program_admins: Collection[str] = ()) -> dict[str, Scope]:
    """Each reader of the cohort's digest and the fellows they follow; mentors without fellows get none."""
    members = [m for m in data.memberships if _active(data, m.user_id)]
    fellows = tuple(dict.fromkeys(m.user_id for m in members if m.role is Role.FELLOW))
    if audience is Audience.ADMIN:
        admins = list(dict.fromkeys(m.user_id for m in members if m.role is Role.ADMIN)) or sorted(
            program_admins
        )
        return {admin: Scope(admin, audience, fellows) for admin in admins}
    found = {}
    for mentor in dict.fromkeys(m.user_id for m in members if m.role is Role.MENTOR):
        mine = tuple(dict.fromkeys(m.user_id for m in visible_fellows(mentor, members, ())))
        if mine:
            found[mentor] = Scope(mentor, audience, mine)
    return found


@dataclass
class DigestBook:
    """One cohort's week, loaded once: every reader's digest and language come from it."""

    data: DigestData
    features: tuple[DigestFeature, ...]
    program_admins: Collection[str] = ()

    _scopes: dict = field(default_factory=dict, init=False, repr=False)

    def readers(self, audience: Audience) -> dict[str, Scope]:
        if audience not in self._scopes:
            self._scopes[audience] = scopes(self.data, audience, self.program_admins)
        return self._scopes[audience]

    def digest(self, recipient: str, audience: Audience) -> Digest:
        scope = self.readers(audience).get(recipient) or Scope(recipient, audience, ())
        return build_digest(self.data, scope, self.features)

    def language(self) -> str:
        """Every reader reads a cohort's digest in the cohort's language."""
        return self.data.cohort.lang


def open_book(
    store: DigestStore,
    run: DigestRun,
    features: tuple[DigestFeature, ...],
    program_admins: Collection[str] = (),
) -> DigestBook:
    period = period_of(run.days, run.round.day, run.round.due_at)
    data = load_digest_data(store, run.days, period, run.schedule, features)
    return DigestBook(data, features, program_admins)


@dataclass(frozen=True)
class WeeklyDigest:
    """The digests of one audience of a cohort, each built from the week's book when it is sent."""

    audience: Audience
    book: DigestBook | None  # loaded only while the digests can be sent


@dataclass(frozen=True)
class DueDigests:
    """One cohort's digest round with occurrences still to record or send, kind by kind (None: new)."""

    run: DigestRun
    states: dict[str, OccurrenceStatus | None]


def due_runs(store: DigestStore, now: datetime, public: PublicHolidays | None) -> list[DueDigests]:
    """The cohorts whose digests are due or still being sent: three queries, no week loaded yet."""
    running = store.checkins.running_digests()
    if not running:
        return []
    found = runs_near(running, store.cohorts.holidays_of([c.id for c, _ in running]), public, now)
    dates = {run.round.nominal for run in found}
    known = {kind: store.schedule.known(kind, dates) for kind in KINDS} if found else {}
    due = []
    for run in found:
        key = (subject(run.cohort.id), run.round.nominal)
        states = {kind: (o.status if (o := known[kind].get(key)) is not None else None) for kind in KINDS}
        waiting: dict[str, OccurrenceStatus | None] = {
            kind: state for kind, state in states.items() if state in (None, OccurrenceStatus.OPEN)
        }
        if waiting:
            due.append(DueDigests(run, waiting))
    return due


def plan_digests(
    store: DigestStore,
    due: DueDigests,
    now: datetime,
    features: tuple[DigestFeature, ...],
    program_admins: Collection[str] = (),
) -> dict[str, list[PlannedOccurrence[WeeklyDigest]]]:
    """Per kind, one cohort's digests for `deliver_due`; its week is loaded only when they can be sent."""
    run = due.run
    sendable = timing(run.round.due_at, run.grace_until, now) is Timing.DUE
    book = open_book(store, run, features, program_admins) if sendable else None
    planned = {}
    for kind, state in due.states.items():
        recipients = tuple(book.readers(KINDS[kind])) if book is not None and state is None else ()
        planned[kind] = [
            PlannedOccurrence(
                kind,
                subject(run.cohort.id),
                run.round.nominal,
                run.round.due_at,
                run.grace_until,
                recipients,
                WeeklyDigest(KINDS[kind], book),
                cohort_id=run.cohort.id,
            )
        ]
    return planned

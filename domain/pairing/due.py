"""The pairing work due at an instant, for the scheduling core: introductions, then follow-ups.

Each round (subject `cohort:<id>`, dated by its nominal day) has two occurrences: the
introduction, one message in each group's DM; and, a few days later (before the next round),
"did you meet?" in the DMs of the groups that have not answered. The groups are formed when the
introduction is first due, so a round is matched once whatever the ticks do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from domain.calendar import PublicHolidays, at_local
from domain.cohorts.model import Cohort
from domain.pairing.intro import IntroCard, intro_cards
from domain.pairing.model import FOLLOW_UP_AFTER, Pair, PairingSettings
from domain.pairing.people import challenges_of, taking_part
from domain.pairing.planning import Matcher, RoundInput, last_meetings, plan_round
from domain.pairing.records import PairingStore
from domain.peer_help.routing import AwaySource
from domain.ritual_calendar import Days, Round, cohort_days, later_working_day, rounds_near
from domain.scheduling import CohortGuard, OccurrenceStatus, PlannedOccurrence, Timing, timing, unguarded

INTRO, FOLLOW_UP = "pairing_intro", "pairing_follow_up"
KINDS = (INTRO, FOLLOW_UP)
GRACE = timedelta(hours=12)


def subject(cohort_id: int) -> str:
    return f"cohort:{cohort_id}"


@dataclass(frozen=True)
class Candidate:
    kind: str
    cohort: Cohort
    settings: PairingSettings
    round: Round
    due_at: datetime

    @property
    def grace_until(self) -> datetime:
        return self.due_at + GRACE

    def timing(self, now: datetime) -> Timing:
        return timing(self.due_at, self.grace_until, now)

    def counts(self, now: datetime) -> bool:
        """Not early, and set before it was due: a time chosen afterwards records nothing as missed."""
        since = self.settings.updated_at
        return self.timing(now) is not Timing.EARLY and (since is None or self.due_at >= since)


def _follow_up_at(days: Days, settings: PairingSettings, found: Round) -> datetime | None:
    day = later_working_day(days, found.day, FOLLOW_UP_AFTER)
    next_round = found.nominal + timedelta(weeks=settings.every)
    if day is None or day >= next_round:
        return None
    return at_local(day, settings.at, days.cohort.timezone)


def candidates(store: PairingStore, public: PublicHolidays | None, now: datetime) -> list[Candidate]:
    running = store.pairings.running()
    holidays_of = store.cohorts.holidays_of([c.id for c, _ in running]) if running else {}
    found = []
    for cohort, settings in running:
        days = cohort_days(cohort, public, holidays_of.get(cohort.id, ()))
        for each in rounds_near(settings.is_round, settings.at, days, now):
            found.append(Candidate(INTRO, cohort, settings, each, each.due_at))
            if (follow_up := _follow_up_at(days, settings, each)) is not None:
                found.append(Candidate(FOLLOW_UP, cohort, settings, each, follow_up))
    return [c for c in found if c.counts(now)]


def _known(store: PairingStore, kind: str, found: list[Candidate]) -> dict:
    mine = [c for c in found if c.kind == kind]
    return store.schedule.known(kind, {c.round.nominal for c in mine}) if mine else {}


def _form(store: PairingStore, c: Candidate, away: Iterable[AwaySource], match: Matcher) -> list[Pair]:
    cohort, day = c.cohort, c.round.day
    people = taking_part(store, cohort, c.settings, day, away)
    history = store.pairings.pairs_of(cohort.id)
    given = RoundInput(
        people=people,
        challenges=challenges_of(store.members.of_cohort(cohort.id)),
        last_met=last_meetings((p.round, p.couples()) for p in history if p.round < c.round.nominal),
        never=store.pairings.never_pairs(cohort.id),
        day=day,
    )
    return store.pairings.add_round(cohort.id, c.round.nominal, plan_round(given, c.settings.size, match))


def form_rounds(
    store: PairingStore,
    now: datetime,
    public: PublicHolidays | None,
    away: Iterable[AwaySource],
    match: Matcher,
    guard: CohortGuard = unguarded,
) -> tuple[list[Pair], set[tuple[int, date]]]:
    """Forms the groups of each round whose introduction is due and not sent yet (caller commits),
    each cohort under `guard`. Returns the groups of those rounds that have no group DM yet, and
    the rounds (cohort id, nominal day) that could not be formed: their introduction waits."""
    due = [c for c in candidates(store, public, now) if c.kind == INTRO and c.timing(now) is Timing.DUE]
    known = _known(store, INTRO, due)
    waiting: list[Pair] = []
    failed: set[tuple[int, date]] = set()
    for c in due:
        if (subject(c.cohort.id), c.round.nominal) in known:
            continue
        formed = guard(c.cohort.id, INTRO, partial(_round_pairs, store, c, away, match))
        if formed is None:
            failed.add((c.cohort.id, c.round.nominal))
        waiting += [p for p in formed or () if p.channel is None]
    return waiting, failed


def _round_pairs(store: PairingStore, c: Candidate, away: Iterable[AwaySource], match: Matcher) -> list[Pair]:
    return store.pairings.round_pairs(c.cohort.id, c.round.nominal) or _form(store, c, away, match)


@dataclass(frozen=True)
class PairingMessage:
    """A round's groups, by their DM's channel: what each introduction or follow-up is about."""

    cohort: Cohort
    pairs: dict[str, Pair]
    cards: dict[str, IntroCard]


def _recipients(store: PairingStore, c: Candidate) -> tuple[str, ...]:
    pairs = store.pairings.round_pairs(c.cohort.id, c.round.nominal)
    if c.kind == FOLLOW_UP:
        pairs = [p for p in pairs if p.outcome is None]
    return tuple(p.channel for p in pairs if p.channel)


def due_work(
    store: PairingStore,
    now: datetime,
    public: PublicHolidays | None,
    held: Collection[tuple[int, date]] = (),
    guard: CohortGuard = unguarded,
) -> dict[str, list[PlannedOccurrence[PairingMessage]]]:
    """Per kind, what to hand to `deliver_due`, each occurrence planned under `guard`. `held`:
    rounds (cohort id, nominal day) whose introduction waits for group DMs Slack could not open yet."""
    found = candidates(store, public, now)
    planned: dict[str, list[PlannedOccurrence[PairingMessage]]] = defaultdict(list)

    def plan(c: Candidate, first: bool) -> None:
        pairs = store.pairings.round_pairs(c.cohort.id, c.round.nominal)
        cards = intro_cards(store, c.cohort, pairs) if c.kind == INTRO else {}
        payload = PairingMessage(c.cohort, {p.channel: p for p in pairs if p.channel}, cards)
        planned[c.kind].append(
            PlannedOccurrence(
                c.kind,
                subject(c.cohort.id),
                c.round.nominal,
                c.due_at,
                c.grace_until,
                _recipients(store, c) if first else (),
                payload,
                cohort_id=c.cohort.id,
            )
        )

    for kind in KINDS:
        known = _known(store, kind, found)
        for c in (c for c in found if c.kind == kind):
            if kind == INTRO and (c.cohort.id, c.round.nominal) in held:
                continue
            occurrence = known.get((subject(c.cohort.id), c.round.nominal))
            if occurrence is None or occurrence.status is OccurrenceStatus.OPEN:
                guard(c.cohort.id, kind, partial(plan, c, occurrence is None))
    return planned

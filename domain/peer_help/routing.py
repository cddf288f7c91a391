"""Who a help request is sent to: the few fellows (and opted-in alumni) best placed to answer it.

Best placed: they declared or showed the skills it needs; among equals, those with the fewest
help threads still open come first, then the fellows of the cohort before its alumni. Never the
asker, nobody away, nobody already asked, across challenges, at most MAX_ROUTED at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.calendar import local_date
from domain.cohorts.model import Cohort, Role
from domain.peer_help.knowledge import aliases_for, evidence_in, holders_in
from domain.peer_help.records import HelpRequest, HelpStore
from domain.peer_help.skills import levels

MAX_ROUTED = 3

# Who is away on a day: (unit of work, user ids, the cohort's local date) → the away ones. The
# features that know of absences declare theirs; the registry hands them to `route`.
AwaySource = Callable[[Any, Collection[str], date], Collection[str]]


def away_among(store: Any, user_ids: Collection[str], day: date, sources: Iterable[AwaySource]) -> set[str]:
    away: set[str] = set()
    for source in sources:
        away |= set(source(store, user_ids, day))
    return away


@dataclass(frozen=True)
class Candidate:
    user_id: str
    score: int
    open_threads: int = 0
    alumnus: bool = False


def match_scores(
    needed: Iterable[str],
    declared: Mapping[str, set[str]],
    evidence: Iterable[tuple[str, str, str]],
    people: Iterable[str],
) -> dict[str, int]:
    """Per person, how well they know the skills needed: the sum of their level in each."""
    people = set(people)
    evidence = list(evidence)
    scores = dict.fromkeys(people, 0)
    for key in dict.fromkeys(needed):
        shown = [
            (user_id, source) for user_id, skill, source in evidence if skill == key and user_id in people
        ]
        for user_id, level in levels(declared.get(key, set()) & people, shown, people).items():
            scores[user_id] += level.score
    return scores


def pick_helpers(candidates: Iterable[Candidate], limit: int = MAX_ROUTED) -> list[Candidate]:
    matching = [candidate for candidate in candidates if candidate.score > 0]
    return sorted(matching, key=lambda c: (-c.score, c.open_threads, c.alumnus, c.user_id))[:limit]


def has_ended(cohort: Cohort, today: date) -> bool:
    return cohort.archived or (cohort.end is not None and cohort.end < today)


def is_alumnus(store: HelpStore, user_id: str, today: date) -> bool:
    """A fellow of a cohort that has ended (archived or past its end date)."""
    cohorts = {cohort.id: cohort for cohort in store.cohorts.all()}
    return any(
        m.role == Role.FELLOW and m.cohort_id in cohorts and has_ended(cohorts[m.cohort_id], today)
        for m in store.members.of_user(user_id)
    )


def _pool(store: HelpStore, cohort: Cohort, today: date) -> dict[str, bool]:
    """The fellows of the cohort (False) and the opted-in alumni of ended cohorts (True)."""
    pool = {m.user_id: False for m in store.members.of_cohort(cohort.id) if m.role == Role.FELLOW}
    for user_id in sorted(store.skills.alumni() - set(pool)):
        if is_alumnus(store, user_id, today):
            pool[user_id] = True
    return pool


def route(
    store: HelpStore,
    request: HelpRequest,
    cohort: Cohort,
    now: datetime,
    away: Iterable[AwaySource],
    exclude: Collection[str] = (),
    limit: int = MAX_ROUTED,
) -> list[str]:
    """The people to send the request to now, best first; nobody `away` says is away."""
    if not request.skills:
        return []
    today = local_date(now, cohort.timezone)
    pool = _pool(store, cohort, today)
    for user_id in {request.asker, *exclude} & set(pool):
        del pool[user_id]
    profiles = store.profiles.get_many(pool)
    gone = {user_id for user_id, profile in profiles.items() if profile.deactivated or profile.is_bot}
    for user_id in gone | away_among(store, list(pool), today, away):
        pool.pop(user_id, None)
    aliases = aliases_for(store, [cohort.id])
    scores = match_scores(
        request.skills,
        holders_in(store, request.skills, aliases),
        evidence_in(store, request.skills, aliases),
        pool,
    )
    threads = store.help.open_threads([user_id for user_id, score in scores.items() if score > 0])
    candidates = [
        Candidate(user_id, scores[user_id], threads.get(user_id, 0), alumnus)
        for user_id, alumnus in pool.items()
    ]
    return [candidate.user_id for candidate in pick_helpers(candidates, limit)]

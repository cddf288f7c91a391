"""What someone's Home tab shows: their cohorts and roles, then each feature's section.

The sections come from the features (gathered by the feature registry) and are read in one unit of
work; a section with nothing to show is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from domain.calendar import PublicHolidays, local_date
from domain.cohorts.language import address_language
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import Actor, CohortStore
from domain.ports import UnitOfWork

# A few of each, so the Home view stays well under Slack's 100 blocks.
LISTED_MAX = 5


@dataclass(frozen=True)
class Membership:
    cohort: Cohort
    role: Role
    challenge: str | None  # the challenge's name, when the person has one


@dataclass(frozen=True)
class HomeSource:
    """A feature's section of the Home tab: `load` reads what it shows to the actor, None for nothing.

    It gets the store (the unit of work), the actor, their memberships and the public holidays.
    """

    key: str
    load: Callable[[UnitOfWork, Actor, tuple[Membership, ...], PublicHolidays | None], object | None]


@dataclass(frozen=True)
class Home:
    lang: str
    memberships: tuple[Membership, ...] = ()
    runs: tuple[Cohort, ...] = ()  # the cohorts the reader runs: all for the program team
    sections: tuple[tuple[str, object], ...] = ()  # (source key, what it shows), in the sources' order


def _memberships(store: CohortStore, user_id: str) -> tuple[Membership, ...]:
    found = []
    for membership in store.members.of_user(user_id):
        cohort = store.cohorts.get(membership.cohort_id)
        if cohort is None or cohort.archived:
            continue
        names = {c.slug: c.name for c in store.cohorts.challenges(cohort.id)}
        slug = membership.challenge_slug
        found.append(Membership(cohort, membership.role, names.get(slug, slug) if slug else None))
    return tuple(sorted(found, key=lambda m: (m.cohort.name, m.role)))


def running_cohorts(memberships: Iterable[Membership], role: Role, actor: Actor) -> list[Cohort]:
    """The cohorts where the actor has `role` and which run today, in their own zone."""
    cohorts = {m.cohort.id: m.cohort for m in memberships if m.role == role}
    return [c for c in cohorts.values() if c.is_running(local_date(actor.now, c.timezone))]


def cohorts_run(store: CohortStore, actor: Actor, memberships: Iterable[Membership]) -> list[Cohort]:
    """The cohorts the actor runs, still running today: every one for the program team, else those
    they are an admin of."""
    if actor.user_id in actor.program_admins:
        cohorts = [c for c in store.cohorts.all() if not c.archived]
    else:
        cohorts = list({m.cohort.id: m.cohort for m in memberships if m.role == Role.ADMIN}.values())
    return sorted(
        (c for c in cohorts if c.is_running(local_date(actor.now, c.timezone))), key=lambda c: c.name.lower()
    )


def is_fellow(memberships: Iterable[Membership]) -> bool:
    return any(m.role == Role.FELLOW for m in memberships)


def home_of(
    store: UnitOfWork,
    actor: Actor,
    default_lang: str,
    holidays: PublicHolidays | None,
    sources: Iterable[HomeSource],
) -> Home:
    """Everything the Home tab of `actor` shows, read in one unit of work."""
    memberships = _memberships(store, actor.user_id)
    lang = address_language(store, actor.user_id, default_lang)
    runs = tuple(cohorts_run(store, actor, memberships))
    if not memberships and not runs:
        return Home(lang)
    sections = ((source.key, source.load(store, actor, memberships, holidays)) for source in sources)
    return Home(lang, memberships, runs, tuple((key, shown) for key, shown in sections if shown))

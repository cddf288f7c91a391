"""Importing a checked roster into a cohort, all rows or none, and the same file twice changes nothing.

Rows come from `domain.cohorts.roster.parse_roster`; the caller resolves e-mail addresses to Slack users
first and reports every row it could not resolve with `RosterInvalid`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.cohorts.admin import named_cohort, record
from domain.cohorts.membership import ADMIN_WITHOUT_CHALLENGE, apply_placements, ensure_challenges
from domain.cohorts.model import Cohort, MemberProfile, Membership, Role, slugify
from domain.cohorts.records import Actor, AuditAction, CohortStore
from domain.cohorts.roster import RosterError, RosterRow
from domain.cohorts.rules import require_active
from domain.cohorts.zones import FarFellow, far_fellows
from domain.messages import N_

NO_SUCH_EMAIL = N_("No Slack user has the e-mail address {email}.")
EMAIL_IS_BOT = N_("{email} belongs to a bot: only people can be members of a cohort.")
EMAIL_DEACTIVATED = N_("{email} belongs to a deactivated Slack account.")
SAME_PERSON = N_("{email} is the Slack account of line {first} too.")


@dataclass(frozen=True)
class RosterPerson:
    """A roster row with its Slack user id; `profile` is what Slack said for a row given by e-mail."""

    line: int
    user_id: str
    role: Role
    challenge: str | None  # its name as the file spells it
    timezone: str | None
    profile: MemberProfile | None = None


@dataclass(frozen=True)
class RosterImported:
    cohort: Cohort
    added: int
    changed: int
    unchanged: int
    far: tuple[FarFellow, ...] = ()  # fellows added or changed who live 3 hours or more away
    # Who joined the cohort or took a new place in it, in the file's order: the people to look for
    # in the cohort's channel (a new time zone alone does not count).
    newcomers: tuple[str, ...] = ()


def row_problems(rows: Iterable[RosterRow]) -> list[RosterError]:
    """Mistakes the CSV parser cannot see alone: an admin given a challenge."""
    return [
        RosterError(row.line, ADMIN_WITHOUT_CHALLENGE)
        for row in rows
        if row.role == Role.ADMIN and row.challenge
    ]


def email_problem(
    row: RosterRow, profile: MemberProfile | None, first_line: dict[str, int]
) -> RosterError | None:
    """Why the person found for an e-mail row cannot join a cohort, or None.

    `first_line` maps the Slack users already found to their line: two addresses of one person
    would otherwise give them two conflicting rows.
    """
    if profile is None:
        return RosterError(row.line, NO_SUCH_EMAIL, {"email": row.email})
    if profile.is_bot:
        return RosterError(row.line, EMAIL_IS_BOT, {"email": row.email})
    if profile.deactivated:
        return RosterError(row.line, EMAIL_DEACTIVATED, {"email": row.email})
    if profile.user_id in first_line:
        return RosterError(row.line, SAME_PERSON, {"email": row.email, "first": first_line[profile.user_id]})
    first_line[profile.user_id] = row.line
    return None


def import_roster(
    store: CohortStore, actor: Actor, cohort_name: str, people: list[RosterPerson]
) -> RosterImported:
    cohort = require_active(named_cohort(store, cohort_name))
    store.profiles.save_many(p.profile for p in people if p.profile is not None)
    names: dict[str, str] = {}
    for person in people:
        if person.challenge:
            names.setdefault(slugify(person.challenge), person.challenge)
    ensure_challenges(store, cohort, names)
    wanted = [
        Membership(cohort.id, p.user_id, p.role, slugify(p.challenge) if p.challenge else None)
        for p in people
    ]
    outcomes = apply_placements(store, cohort, wanted, actor.now)
    zones = {p.user_id: p.timezone for p in people if p.timezone}
    current = store.profiles.timezone_overrides(zones)
    new_zones = {user_id: zone for user_id, zone in zones.items() if current.get(user_id) != zone}
    store.profiles.set_timezones(new_zones)
    added = set(outcomes["added"])
    moved = set(outcomes["moved"])
    changed = moved | (set(new_zones) - added)
    unchanged = len(people) - len(added) - len(changed)
    if added or changed:
        record(
            store,
            cohort,
            actor,
            AuditAction.IMPORT,
            added=len(added),
            changed=len(changed),
            unchanged=unchanged,
        )
    placed = added | moved
    newcomers = tuple(dict.fromkeys(p.user_id for p in people if p.user_id in placed))
    return RosterImported(
        cohort,
        len(added),
        len(changed),
        unchanged,
        _far(store, cohort, people, added | changed, actor),
        newcomers,
    )


def _far(
    store: CohortStore, cohort: Cohort, people: list[RosterPerson], touched: set[str], actor: Actor
) -> tuple[FarFellow, ...]:
    """The fellows of the file, added or changed, in a zone 3 hours or more from the cohort's."""
    fellows = [p.user_id for p in people if p.role == Role.FELLOW and p.user_id in touched]
    known = store.profiles.get_many(fellows)
    zones = {p.user_id: p.timezone for p in people if p.timezone}
    profiles = {
        user_id: MemberProfile(
            user_id,
            "",
            timezone=zones.get(user_id) or (known[user_id].timezone if user_id in known else None),
        )
        for user_id in fellows
    }
    return far_fellows(cohort, fellows, profiles, actor.now)

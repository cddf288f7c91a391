"""`cohortbot export`: a cohort's history as named tables, one per kind of record.

Each section is built by a function of the store and the cohort; the cohort's own are
COHORT_SECTIONS, and the caller passes every feature's, gathered by the feature registry. Values are plain text, numbers or None, so any format can write them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from domain.cohorts.admin import named_cohort
from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortStore

Value = str | int | None


@dataclass(frozen=True)
class Section:
    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def records(self) -> list[dict[str, Value]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def cohort_section(store: CohortStore, cohort: Cohort) -> Section:
    columns = ("name", "channel_id", "timezone", "lang", "country", "start", "end", "archived_at")
    row = (
        cohort.name,
        cohort.channel_id,
        cohort.timezone,
        cohort.lang,
        cohort.country,
        _iso(cohort.start),
        _iso(cohort.end),
        _iso(cohort.archived_at),
    )
    return Section("cohort", columns, (row,))


def challenges_section(store: CohortStore, cohort: Cohort) -> Section:
    rows = tuple((c.slug, c.name) for c in sorted(store.cohorts.challenges(cohort.id), key=lambda c: c.slug))
    return Section("challenges", ("slug", "name"), rows)


def members_section(store: CohortStore, cohort: Cohort) -> Section:
    members = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in members})
    names = {c.slug: c.name for c in store.cohorts.challenges(cohort.id)}
    rows = []
    for m in sorted(members, key=lambda m: (m.role.value, m.challenge_slug or "", m.user_id)):
        profile = profiles.get(m.user_id)
        rows.append(
            (
                m.user_id,
                profile.display_name if profile else None,
                m.role.value,
                names.get(m.challenge_slug, m.challenge_slug) if m.challenge_slug else None,
                profile.timezone if profile else None,
                "yes" if profile and profile.deactivated else "no",
            )
        )
    return Section(
        "members", ("slack_id", "name", "role", "challenge", "timezone", "deactivated"), tuple(rows)
    )


def holidays_section(store: CohortStore, cohort: Cohort) -> Section:
    holidays = sorted(store.cohorts.holidays(cohort.id), key=lambda h: h.first)
    return Section(
        "holidays",
        ("first", "last", "reason"),
        tuple((_iso(h.first), _iso(h.last), h.reason) for h in holidays),
    )


def audit_section(store: CohortStore, cohort: Cohort) -> Section:
    rows = tuple(
        (_iso(e.at), e.actor, e.action.value, json.dumps(dict(e.params), ensure_ascii=False, sort_keys=True))
        for e in store.audit.all_of(cohort.id)
    )
    return Section("audit", ("at", "actor", "action", "details"), rows)


# A section of the export; the store is the unit of work, which has every feature's repositories.
SectionSource = Callable[[Any, Cohort], Section]

COHORT_SECTIONS: tuple[SectionSource, ...] = (
    cohort_section,
    challenges_section,
    members_section,
    holidays_section,
    audit_section,
)


def cohort_history(store: CohortStore, name: str, sections: Iterable[SectionSource]) -> list[Section]:
    cohort = named_cohort(store, name)
    return [build(store, cohort) for build in sections]

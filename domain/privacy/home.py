"""The privacy section of the Home tab: when each of the person's cohorts deletes their free text."""

from __future__ import annotations

from dataclasses import dataclass

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.home.overview import HomeSource, Membership
from domain.privacy.retention import Retention


@dataclass(frozen=True)
class CohortRetention:
    cohort: Cohort
    retention: Retention


def retention_of(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[CohortRetention, ...] | None:
    cohorts = {m.cohort.id: m.cohort for m in memberships}
    found = tuple(CohortRetention(c, store.personal.retention(c.id)) for c in cohorts.values())
    return found or None


PRIVACY_HOME = HomeSource("privacy", retention_of)

"""The daily purge: each cohort's free text once its retention period is over, then the cohort itself
(figures and audit) at the end of the longer one, and what is kept about people in no cohort."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from domain.calendar import local_date
from domain.cohorts.admin import record
from domain.cohorts.records import Actor, AuditAction
from domain.ports import UnitOfWork
from domain.privacy.retention import figures_due, text_due

# The audit's actor for what the bot does by itself.
RETENTION_ACTOR = "retention"


@dataclass(frozen=True)
class Purged:
    """Counts only: records whose text was deleted, cohorts deleted, rows about people in no cohort."""

    texts: dict[str, int] = field(default_factory=dict)  # cohort name → records emptied
    cohorts: dict[str, int] = field(default_factory=dict)  # cohort name → records deleted with it
    outsiders: int = 0

    @property
    def worth_telling(self) -> bool:
        """What the program team is told about: text and cohorts deleted (profiles left are routine)."""
        return bool(self.texts or self.cohorts)


def purge_due(store: UnitOfWork, now: datetime, program_admins: Collection[str] = ()) -> Purged:
    """What is past its retention period, deleted; the program team's own profiles are kept."""
    texts: dict[str, int] = {}
    deleted: dict[str, int] = {}
    for cohort in store.cohorts.all():
        retention = store.personal.retention(cohort.id)
        today = local_date(now, cohort.timezone)
        figures_on, text_on = figures_due(cohort, retention), text_due(cohort, retention)
        if figures_on is not None and figures_on <= today:
            deleted[cohort.name] = sum(store.personal.delete_cohort(cohort.id).values())
        elif text_on is not None and text_on <= today:
            emptied = sum(store.personal.purge_text(cohort.id).values())
            if emptied:
                texts[cohort.name] = emptied
                record(store, cohort, Actor(RETENTION_ACTOR, now), AuditAction.PURGE, count=emptied)
    outsiders = sum(store.personal.forget_outsiders(program_admins).values())
    return Purged(texts, deleted, outsiders)

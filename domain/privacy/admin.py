"""`/cohort retention`: a cohort's retention periods, shown or changed by those who manage it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from domain.cohorts.admin import managed_cohort, record
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor, AuditAction
from domain.ports import UnitOfWork
from domain.privacy.commands import RetentionCommand
from domain.privacy.retention import Retention, figures_due, text_due


@dataclass(frozen=True)
class RetentionShown:
    cohort: Cohort
    retention: Retention
    changed: bool
    text_on: date | None
    figures_on: date | None


def set_retention(store: UnitOfWork, actor: Actor, command: RetentionCommand) -> RetentionShown:
    cohort = managed_cohort(store, actor, command.name, active=False)
    current = store.personal.retention(cohort.id)
    wanted = replace(
        current,
        text_months=command.text_months or current.text_months,
        figures_months=command.figures_months or current.figures_months,
    ).checked()
    changed = wanted != current
    if changed:
        store.personal.set_retention(cohort.id, wanted, actor.now)
        record(
            store,
            cohort,
            actor,
            AuditAction.RETENTION,
            text=wanted.text_months,
            figures=wanted.figures_months,
        )
    return RetentionShown(cohort, wanted, changed, text_due(cohort, wanted), figures_due(cohort, wanted))

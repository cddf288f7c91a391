"""How long a cohort's personal data is kept: defaults a data protection officer can accept.

Free text (answers, help details, check-in notes, feedback comments) is emptied `text_months`
after the cohort ends; the figures without text and the audit log go with the cohort
`figures_months` after it ends. A cohort ends on its end date, or when it is archived.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from domain.cohorts.model import Cohort
from domain.messages import N_, DomainError

TEXT_MONTHS = 6
FIGURES_MONTHS = 36
MONTHS_MAX = 120

FIGURES_BEFORE_TEXT = N_(
    "Figures are kept at least as long as the text: figures={figures} is less than text={text}."
)


@dataclass(frozen=True)
class Retention:
    text_months: int = TEXT_MONTHS
    figures_months: int = FIGURES_MONTHS

    def checked(self) -> Retention:
        if self.figures_months < self.text_months:
            raise DomainError(FIGURES_BEFORE_TEXT, figures=self.figures_months, text=self.text_months)
        return self


def ended_on(cohort: Cohort) -> date | None:
    """The day the cohort ended: the earlier of its end date and its archiving; None while it runs on."""
    days = [d for d in (cohort.end, cohort.archived_at.date() if cohort.archived_at else None) if d]
    return min(days) if days else None


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def text_due(cohort: Cohort, retention: Retention) -> date | None:
    """From this day on, the cohort's free text is deleted."""
    end = ended_on(cohort)
    return months_after(end, retention.text_months) if end else None


def figures_due(cohort: Cohort, retention: Retention) -> date | None:
    """From this day on, the cohort itself is deleted, figures and audit included."""
    end = ended_on(cohort)
    return months_after(end, retention.figures_months) if end else None

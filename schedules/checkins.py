"""Mentor check-ins, every minute: the prompts, reminders and missed-check-in notes that are due.

The domain says what is due and to whom (and records each round's check-ins); the scheduling core
sends each message once, in its reader's language.
"""

from __future__ import annotations

from datetime import datetime

from domain.checkins.due import MISSED, PROMPT, REMINDER, CheckinMessage, CheckinMissed, due_work
from domain.ports import UnitOfWork
from domain.scheduling import CohortGuard, PlannedOccurrence
from handlers.blocks.checkins.messages import missed, prompt, reminder
from handlers.context import Context
from schedules.delivery import DeliveryJob, Send


def _prompt(planned: PlannedOccurrence[CheckinMessage], recipient: str) -> dict:
    return prompt(planned.payload.cohort, planned.payload.cohort.lang)


def _reminder(planned: PlannedOccurrence[CheckinMessage], recipient: str) -> dict:
    return reminder(planned.payload.cohort, planned.local_date, planned.payload.cohort.lang)


def _missed(planned: PlannedOccurrence[CheckinMissed], recipient: str) -> dict:
    note = planned.payload
    return missed(note.cohort, note.missed, note.cohort.lang)


def _plan(
    ctx: Context, uow: UnitOfWork, now: datetime, guard: CohortGuard
) -> dict[str, list[PlannedOccurrence[CheckinMessage]]]:
    due = due_work(uow, now, ctx.holidays, ctx.admins, guard)
    uow.commit()  # the rounds' check-ins, opened or missed as they are planned
    return due


CHECKIN_JOB = DeliveryJob(
    "checkins",
    _plan,
    {
        PROMPT: Send(_prompt, "prompts"),
        MISSED: Send(_missed, "missed notes"),
        REMINDER: Send(_reminder, "reminders"),
    },
)

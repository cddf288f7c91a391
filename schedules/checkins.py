"""Mentor check-ins, every minute: the prompts, reminders and missed-check-in notes that are due.

The domain says what is due and to whom (and records each round's check-ins); the scheduling core
sends each message once, in its reader's language.
"""

from __future__ import annotations

from datetime import datetime

from domain.checkins.due import MISSED, PROMPT, REMINDER, due_work
from domain.ports import Context, UnitOfWork
from domain.scheduling import PlannedOccurrence
from handlers.blocks.checkins.messages import missed, prompt, reminder
from schedules.delivery import DeliveryJob, Send


def _lang(planned: PlannedOccurrence, recipient: str) -> str:
    data = planned.data
    return data["langs"].get(recipient) or data["cohort"].lang


def _prompt(planned: PlannedOccurrence, recipient: str) -> dict:
    return prompt(planned.data["cohort"], _lang(planned, recipient))


def _reminder(planned: PlannedOccurrence, recipient: str) -> dict:
    return reminder(planned.data["cohort"], planned.local_date, _lang(planned, recipient))


def _missed(planned: PlannedOccurrence, recipient: str) -> dict:
    return missed(planned.data["cohort"], planned.data["missed"], _lang(planned, recipient))


def _plan(ctx: Context, uow: UnitOfWork, now: datetime) -> dict[str, list[PlannedOccurrence]]:
    due = due_work(uow, now, ctx.holidays, ctx.admins)
    uow.commit()  # the rounds' check-ins, opened or missed as they are planned
    return due


CHECKINS = DeliveryJob(
    "checkins",
    _plan,
    {
        PROMPT: Send(_prompt, "prompts"),
        MISSED: Send(_missed, "missed notes"),
        REMINDER: Send(_reminder, "reminders"),
    },
)

"""Mentor check-ins, every minute: the prompts, reminders and missed-check-in notes that are due.

The domain says what is due and to whom (and records each round's check-ins); the scheduling core
sends each message once, in its reader's language.
"""

from __future__ import annotations

from datetime import datetime

from domain.checkins.due import KINDS, MISSED, PROMPT, REMINDER, due_work
from domain.ports import Context
from domain.scheduling import PlannedOccurrence, Report
from handlers.blocks.checkins.messages import missed, prompt, reminder
from schedules.delivery import deliver_due

kind = "checkins"

LABELS = {PROMPT: "prompts", REMINDER: "reminders", MISSED: "missed notes"}


def _lang(planned: PlannedOccurrence, recipient: str) -> str:
    data = planned.data
    return data["langs"].get(recipient) or data["cohort"].lang


def _prompt(planned: PlannedOccurrence, recipient: str) -> dict:
    return prompt(planned.data["cohort"], _lang(planned, recipient))


def _reminder(planned: PlannedOccurrence, recipient: str) -> dict:
    return reminder(planned.data["cohort"], planned.local_date, _lang(planned, recipient))


def _missed(planned: PlannedOccurrence, recipient: str) -> dict:
    return missed(planned.data["cohort"], planned.data["missed"], _lang(planned, recipient))


RENDER = {PROMPT: _prompt, REMINDER: _reminder, MISSED: _missed}


def run(ctx: Context, now: datetime) -> Report:
    with ctx.uow() as uow:
        due = due_work(uow, now, ctx.holidays, ctx.admins)
        uow.commit()
    report = Report(kind)
    for work in KINDS:
        if due.get(work):
            done = deliver_due(ctx, now, work, due[work], RENDER[work])
            for what, amount in done.counts.items():
                report.add(f"{LABELS[work]} {what}", amount)
    return report

"""Training reminders (24 h and 1 h before) and the feedback prompt, sent by the scheduling core.

When the feedback prompt is due, the session has taken place: its facilitator is credited in
the skills directory with the skills the session is about.
"""

from __future__ import annotations

from datetime import datetime

from domain.scheduling import PlannedOccurrence, Report
from domain.trainings.access import SessionView
from domain.trainings.due import FEEDBACK, REMINDER_1H, REMINDER_24H, TrainingNotice, due_occurrences
from domain.trainings.skills import credit_facilitators
from handlers.blocks.trainings.notices import feedback_prompt, reminder
from handlers.context import Context
from schedules.delivery import deliver_due


class TrainingJob:
    def __init__(self, kind: str):
        self.kind = kind

    def run(self, ctx: Context, now: datetime) -> Report:
        credited = 0
        with ctx.uow() as uow:
            planned = due_occurrences(uow, self.kind, now)
            if self.kind == FEEDBACK and planned:
                credited = credit_facilitators(uow, [item.payload.session for item in planned])
                uow.commit()
        report = deliver_due(ctx, now, self.kind, planned, self.render)
        if credited:
            report.add("skills credited", credited)
        return report

    def render(self, planned: PlannedOccurrence[TrainingNotice], recipient: str) -> dict:
        notice = planned.payload
        view = SessionView(notice.session, notice.cohort, notice.attendees)
        lang = notice.cohort.lang  # whoever reads about a session reads its cohort's language
        facilitator = recipient == notice.session.facilitator
        if self.kind == FEEDBACK:
            return feedback_prompt(view, lang, facilitator)
        return reminder(self.kind, view, lang, facilitator)


TRAINING_REMINDERS_24H = TrainingJob(REMINDER_24H)
TRAINING_REMINDERS_1H = TrainingJob(REMINDER_1H)
TRAINING_FEEDBACK = TrainingJob(FEEDBACK)
JOBS = (TRAINING_REMINDERS_24H, TRAINING_REMINDERS_1H, TRAINING_FEEDBACK)

"""Training reminders (24 h and 1 h before), the feedback prompt, and the facilitator's feedback
summary, sent by the scheduling core.

When the feedback prompt is due, the session has taken place: its facilitator is credited in
the skills directory with the skills the session is about. When feedback closes, the facilitator
gets every answer at once, without names.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.scheduling import PlannedOccurrence, Report
from domain.trainings.access import SessionView
from domain.trainings.due import (
    FEEDBACK,
    FEEDBACK_SUMMARY,
    REMINDER_1H,
    REMINDER_24H,
    TrainingNotice,
    due_occurrences,
)
from domain.trainings.feedback import summarize
from domain.trainings.skills import credit_facilitators
from handlers.blocks.trainings.notices import feedback_prompt, feedback_summary, reminder
from handlers.context import Context
from schedules.delivery import deliver_due
from schedules.guard import planning_guard


class TrainingJob:
    def __init__(self, kind: str):
        self.kind = kind

    def run(self, ctx: Context, now: datetime) -> Report:
        credited = 0
        planning = Report(self.kind)
        with ctx.uow() as uow:
            planned = due_occurrences(uow, self.kind, now, planning_guard(planning))
            if self.kind == FEEDBACK and planned:
                credited = credit_facilitators(uow, [item.payload.session for item in planned])
                uow.commit()
            if self.kind == FEEDBACK_SUMMARY and planned:
                answers = uow.trainings.feedback([item.payload.session.id for item in planned])
                planned = [
                    replace(
                        item,
                        payload=replace(
                            item.payload,
                            feedback=tuple(f for f in answers if f.session_id == item.payload.session.id),
                        ),
                    )
                    for item in planned
                ]
        report = deliver_due(ctx, now, self.kind, planned, self.render)
        for failure in planning.failures:
            report.fail(failure)
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
        if self.kind == FEEDBACK_SUMMARY:
            return feedback_summary(summarize(view, list(notice.feedback)), lang)
        return reminder(self.kind, view, lang, facilitator)


TRAINING_REMINDERS_24H = TrainingJob(REMINDER_24H)
TRAINING_REMINDERS_1H = TrainingJob(REMINDER_1H)
TRAINING_FEEDBACK = TrainingJob(FEEDBACK)
TRAINING_FEEDBACK_SUMMARY = TrainingJob(FEEDBACK_SUMMARY)
JOBS = (TRAINING_REMINDERS_24H, TRAINING_REMINDERS_1H, TRAINING_FEEDBACK, TRAINING_FEEDBACK_SUMMARY)

"""Stand-ups, every minute: the day's thread, prompts, reminders and summaries that are due.

The domain says what is due and to whom; the scheduling core sends each message once.
"""

from __future__ import annotations

from datetime import datetime

from domain.ports import Context
from domain.scheduling import PlannedOccurrence, Report
from domain.standups.due import due_work
from domain.standups.model import SHARE_SUMMARY
from domain.standups.planning import KINDS, PROMPT, REMINDER, SUMMARY, THREAD
from handlers.blocks.standups.messages import prompt_message, summary_message, thread_message
from schedules.delivery import deliver_due

kind = "standups"

LABELS = {THREAD: "threads", PROMPT: "prompts", REMINDER: "reminders", SUMMARY: "summaries"}


def _thread(planned: PlannedOccurrence, recipient: str) -> dict:
    return thread_message(planned.data["cohort"], planned.local_date, planned.grace_until)


def _prompt(planned: PlannedOccurrence, recipient: str) -> dict:
    data = planned.data
    return prompt_message(data["cohort"], planned.local_date, data["close_at"], data["zone"])


def _reminder(planned: PlannedOccurrence, recipient: str) -> dict:
    data = planned.data
    return prompt_message(data["cohort"], planned.local_date, data["close_at"], data["zone"], reminder=True)


def _summary(planned: PlannedOccurrence, recipient: str) -> dict:
    data = planned.data
    return summary_message(data["summary"], data["thread"], data["settings"].share == SHARE_SUMMARY)


RENDER = {THREAD: _thread, PROMPT: _prompt, REMINDER: _reminder, SUMMARY: _summary}


def run(ctx: Context, now: datetime) -> Report:
    with ctx.uow() as uow:
        due = due_work(uow, now, ctx.holidays)
    report = Report(kind)
    for work in KINDS:
        if due.get(work):
            done = deliver_due(ctx, now, work, due[work], RENDER[work])
            for what, amount in done.counts.items():
                report.add(f"{LABELS[work]} {what}", amount)
    return report

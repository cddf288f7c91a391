"""Stand-ups, every minute: the day's thread, prompts, reminders and summaries that are due.

The domain says what is due and to whom; the scheduling core sends each message once.
"""

from __future__ import annotations

from domain.scheduling import PlannedOccurrence
from domain.standups.due import due_work
from domain.standups.model import SHARE_SUMMARY
from domain.standups.planning import PROMPT, REMINDER, SUMMARY, THREAD
from handlers.blocks.standups.messages import prompt_message, summary_message, thread_message
from schedules.delivery import DeliveryJob, Send


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


STANDUPS = DeliveryJob(
    "standups",
    lambda ctx, uow, now: due_work(uow, now, ctx.holidays),
    {
        THREAD: Send(_thread, "threads"),
        PROMPT: Send(_prompt, "prompts"),
        REMINDER: Send(_reminder, "reminders"),
        SUMMARY: Send(_summary, "summaries"),
    },
)

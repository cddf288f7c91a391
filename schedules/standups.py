"""Stand-ups, every minute: the day's thread, prompts, reminders and summaries that are due.

The domain says what is due and to whom; the scheduling core sends each message once.
"""

from __future__ import annotations

from domain.scheduling import PlannedOccurrence
from domain.standups.due import StandupPrompt, StandupSummary, StandupThread, due_work
from domain.standups.planning import PROMPT, REMINDER, SUMMARY, THREAD
from handlers.blocks.standups.messages import prompt_message, summary_message, thread_message
from schedules.delivery import DeliveryJob, Send


def _thread(planned: PlannedOccurrence[StandupThread], recipient: str) -> dict:
    return thread_message(planned.payload.cohort, planned.local_date, planned.grace_until)


def _prompt(planned: PlannedOccurrence[StandupPrompt], recipient: str) -> dict:
    prompt = planned.payload
    return prompt_message(prompt.cohort, planned.local_date, prompt.close_at, prompt.zone)


def _reminder(planned: PlannedOccurrence[StandupPrompt], recipient: str) -> dict:
    prompt = planned.payload
    return prompt_message(prompt.cohort, planned.local_date, prompt.close_at, prompt.zone, reminder=True)


def _summary(planned: PlannedOccurrence[StandupSummary], recipient: str) -> dict:
    day = planned.payload
    assert day.summary is not None  # worked out whenever it can be sent
    return summary_message(day.summary, day.thread, day.with_answers)


STANDUP_JOB = DeliveryJob(
    "standups",
    lambda ctx, uow, now, guard: due_work(uow, now, ctx.holidays, guard),
    {
        THREAD: Send(_thread, "threads"),
        PROMPT: Send(_prompt, "prompts"),
        REMINDER: Send(_reminder, "reminders"),
        SUMMARY: Send(_summary, "summaries"),
    },
)

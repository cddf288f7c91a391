"""Every kind of scheduled work, in the order a tick runs them."""

from __future__ import annotations

from schedules import help_nudge, help_reroute, housekeeping, standups
from schedules.mentor_rituals import JOBS as CHECKIN_JOBS
from schedules.trainings import JOBS as TRAINING_JOBS


def all_jobs() -> list:
    return [housekeeping, help_reroute, help_nudge, *TRAINING_JOBS, standups, *CHECKIN_JOBS]

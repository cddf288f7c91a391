"""What the scheduling core sends about trainings: reminders 24 h and 1 h before the start, to the
attendees and the facilitator, the feedback prompt once the session is over, and the facilitator's
summary of the feedback once it has closed.

Each is an occurrence of subject `training:<id>` on the local date it is due, so it is sent
once whatever the number of ticks or processes; a session moved to another day is a new
occurrence and is reminded again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from domain.calendar import local_date
from domain.cohorts.model import Cohort
from domain.scheduling import CohortGuard, PlannedOccurrence, unguarded
from domain.trainings.access import people
from domain.trainings.model import DURATION_MAX, Feedback, SessionStatus, SignupStatus, TrainingSession
from domain.trainings.records import TrainingStore

REMINDER_24H = "training_reminder_24h"
REMINDER_1H = "training_reminder_1h"
FEEDBACK = "training_feedback"
FEEDBACK_SUMMARY = "training_feedback_summary"

# Feedback is open this long after the end; then the facilitator reads every answer at once, so
# no answer can be told from the moment it arrived.
FEEDBACK_OPEN = timedelta(days=2)

# How far back a tick looks for occurrences it has not recorded yet (as missed, if too late).
LOOK_BACK = timedelta(days=1)


@dataclass(frozen=True)
class Ritual:
    kind: str
    lead: timedelta  # how long before the start (reminders) or after the end (feedback) it is due
    grace: timedelta  # how late it may still be sent
    after_end: bool = False
    to_facilitator: bool = True
    to_attendees: bool = True

    def due_at(self, session: TrainingSession) -> datetime:
        return session.ends_at + self.lead if self.after_end else session.starts_at - self.lead

    def start_window(self, now: datetime) -> tuple[datetime, datetime]:
        """The starts of the sessions for which this ritual may be due at `now`."""
        if self.after_end:
            return now - self.grace - LOOK_BACK - timedelta(minutes=DURATION_MAX) - self.lead, now
        return now + self.lead - self.grace - LOOK_BACK, now + self.lead


RITUALS = {
    REMINDER_24H: Ritual(REMINDER_24H, timedelta(hours=24), timedelta(hours=3)),
    REMINDER_1H: Ritual(REMINDER_1H, timedelta(hours=1), timedelta(minutes=45)),
    FEEDBACK: Ritual(FEEDBACK, timedelta(0), timedelta(days=1), after_end=True),
    FEEDBACK_SUMMARY: Ritual(
        FEEDBACK_SUMMARY, FEEDBACK_OPEN, timedelta(days=3), after_end=True, to_attendees=False
    ),
}


def feedback_closes_at(session: TrainingSession) -> datetime:
    return session.ends_at + FEEDBACK_OPEN


@dataclass(frozen=True)
class TrainingNotice:
    """A reminder, the feedback prompt or the feedback summary about one session."""

    session: TrainingSession
    cohort: Cohort
    attendees: tuple[str, ...]
    feedback: tuple[Feedback, ...] = ()  # the summary's answers, loaded when it is due


def subject(session_id: int) -> str:
    return f"training:{session_id}"


def is_planned(ritual: Ritual, session: TrainingSession, now: datetime) -> bool:
    """Due by now for an announced session that was announced before the moment came."""
    due = ritual.due_at(session)
    announced = session.announced_at or session.created_at
    return (
        session.status is SessionStatus.ANNOUNCED and due <= now and announced is not None and announced < due
    )


def planned(
    ritual: Ritual,
    session: TrainingSession,
    cohort: Cohort,
    attendees: tuple[str, ...],
) -> PlannedOccurrence[TrainingNotice] | None:
    recipients = (attendees if ritual.to_attendees else ()) + (
        (session.facilitator,) if ritual.to_facilitator else ()
    )
    if ritual.after_end and not attendees:
        return None  # nobody to ask, nothing to sum up
    due = ritual.due_at(session)
    return PlannedOccurrence(
        kind=ritual.kind,
        subject=subject(session.id),
        local_date=local_date(due, cohort.timezone),
        due_at=due,
        grace_until=due + ritual.grace,
        recipients=recipients,
        payload=TrainingNotice(session, cohort, attendees),
        cohort_id=cohort.id,
    )


def due_occurrences(
    store: TrainingStore, kind: str, now: datetime, guard: CohortGuard = unguarded
) -> list[PlannedOccurrence[TrainingNotice]]:
    """The occurrences of `kind` due by `now` (the scheduling core drops the early ones); a session
    that cannot be planned is its cohort's failure, and the other sessions go on."""
    ritual = RITUALS[kind]
    sessions = [
        s for s in store.trainings.announced_between(*ritual.start_window(now)) if is_planned(ritual, s, now)
    ]
    if not sessions:
        return []
    cohorts = {c.id: c for c in store.cohorts.all()}
    signups = store.trainings.signups([s.id for s in sessions])
    found = []
    for session in sessions:
        cohort = cohorts[session.cohort_id]
        if cohort.archived:
            continue
        attendees = people([s for s in signups if s.session_id == session.id], SignupStatus.CONFIRMED)
        occurrence = guard(cohort.id, kind, partial(planned, ritual, session, cohort, attendees))
        if occurrence is not None:
            found.append(occurrence)
    return found

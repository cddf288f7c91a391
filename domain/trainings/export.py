"""The trainings in `cohortbot export`: sessions, sign-ups (attendance and waitlist) and feedback."""

from __future__ import annotations

from domain.cohorts.export import Section
from domain.cohorts.model import Cohort
from domain.trainings.records import TrainingStore


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _sessions(store: TrainingStore, cohort: Cohort) -> list:
    return sorted(store.trainings.of_cohort(cohort.id), key=lambda s: (s.starts_at, s.id))


def sessions_section(store: TrainingStore, cohort: Cohort) -> Section:
    rows = tuple(
        (
            s.id,
            s.title,
            s.facilitator,
            _iso(s.starts_at),
            s.duration_minutes,
            s.capacity,
            s.seats_taken,
            s.location,
            s.status.value,
            _iso(s.created_at),
        )
        for s in _sessions(store, cohort)
    )
    columns = (
        "id",
        "title",
        "facilitator",
        "starts_at",
        "duration_minutes",
        "capacity",
        "seats_taken",
        "location",
        "status",
        "created_at",
    )
    return Section("training_sessions", columns, rows)


def signups_section(store: TrainingStore, cohort: Cohort) -> Section:
    ids = [s.id for s in _sessions(store, cohort)]
    signups = sorted(store.trainings.signups(ids), key=lambda s: (s.session_id, s.queue_no))
    return Section(
        "training_signups",
        ("session_id", "slack_id", "status", "queue_no", "queued_at"),
        tuple((s.session_id, s.user_id, s.status.value, s.queue_no, _iso(s.queued_at)) for s in signups),
    )


def feedback_section(store: TrainingStore, cohort: Cohort) -> Section:
    """Feedback is given without a name: the export keeps no author, no time and no order of
    arrival that would point to one; ratings and comments only."""
    ids = [s.id for s in _sessions(store, cohort)]
    rows = sorted((f.session_id, f.rating, f.comment) for f in store.trainings.feedback(ids))
    return Section("training_feedback", ("session_id", "rating", "comment"), tuple(rows))


TRAINING_SECTIONS = (sessions_section, signups_section, feedback_section)

"""The trainings in `cohortbot export`: sessions, sign-ups (attendance and waitlist) and feedback."""

from __future__ import annotations

from domain.cohorts.admin import named_cohort
from domain.cohorts.export import Section
from domain.trainings.records import TrainingStore


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def training_sections(store: TrainingStore, name: str) -> list[Section]:
    cohort = named_cohort(store, name)
    sessions = sorted(store.trainings.of_cohort(cohort.id), key=lambda s: (s.starts_at, s.id))
    ids = [s.id for s in sessions]
    session_rows = tuple(
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
        for s in sessions
    )
    signups = sorted(store.trainings.signups(ids), key=lambda s: (s.session_id, s.queue_no))
    feedback = sorted(store.trainings.feedback(ids), key=lambda f: (f.session_id, f.submitted_at, f.user_id))
    return [
        Section(
            "training_sessions",
            (
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
            ),
            session_rows,
        ),
        Section(
            "training_signups",
            ("session_id", "slack_id", "status", "queue_no", "queued_at"),
            tuple((s.session_id, s.user_id, s.status.value, s.queue_no, _iso(s.queued_at)) for s in signups),
        ),
        Section(
            "training_feedback",
            ("session_id", "slack_id", "rating", "comment", "submitted_at"),
            tuple((f.session_id, f.user_id, f.rating, f.comment, _iso(f.submitted_at)) for f in feedback),
        ),
    ]

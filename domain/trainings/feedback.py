"""Feedback after a session: a rating from 1 to 5 and a comment from each attendee, summed up
for the facilitator without names, once, when feedback closes (two days after the end)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from domain.cohorts.records import Actor
from domain.messages import N_, DomainError
from domain.trainings.access import UNKNOWN_SESSION, SessionView, session_or_error, session_view
from domain.trainings.due import feedback_closes_at
from domain.trainings.model import RATINGS, Feedback, SessionStatus, TrainingSession
from domain.trainings.records import TrainingStore

NOT_OVER = N_("This session is not over yet: feedback opens when it ends.")
NOT_AN_ATTENDEE = N_("Only the people who had a seat in this session can give feedback on it.")
NO_FEEDBACK_ON_CANCELLED = N_("This session did not take place.")
FEEDBACK_CLOSED = N_(
    "Feedback on this session is closed: it stays open two days after the end, then the facilitator reads it."
)


@dataclass(frozen=True)
class FeedbackSummary:
    view: SessionView
    count: int
    average: float | None
    ratings: dict[int, int]  # rating → how many gave it
    comments: tuple[str, ...]

    @property
    def attendees(self) -> int:
        return len(self.view.confirmed)


def summarize(view: SessionView, answers: list[Feedback]) -> FeedbackSummary:
    """No names, and the comments in an order that is not the order of arrival."""
    counts = Counter(f.rating for f in answers)
    average = sum(f.rating for f in answers) / len(answers) if answers else None
    return FeedbackSummary(
        view,
        len(answers),
        average,
        {rating: counts.get(rating, 0) for rating in RATINGS},
        tuple(sorted(f.comment for f in answers if f.comment)),
    )


def check_can_give(store: TrainingStore, actor: Actor, session: TrainingSession) -> SessionView:
    """The session as its attendee sees it, once sure the actor may give feedback on it now."""
    if session.status is not SessionStatus.ANNOUNCED:
        raise DomainError(NO_FEEDBACK_ON_CANCELLED)
    if not session.has_ended(actor.now):
        raise DomainError(NOT_OVER)
    if actor.now >= feedback_closes_at(session):
        raise DomainError(FEEDBACK_CLOSED)
    view = session_view(store, session)
    if actor.user_id not in view.confirmed:
        raise DomainError(NOT_AN_ATTENDEE)
    return view


def feedback_form_for(store: TrainingStore, actor: Actor, session_id: int | None) -> SessionView:
    """The session the actor may give feedback on; `session_id` None: the form named none."""
    if session_id is None:
        raise DomainError(UNKNOWN_SESSION)
    return check_can_give(store, actor, session_or_error(store, session_id))


def give_feedback(
    store: TrainingStore, actor: Actor, session_id: int, rating: int, comment: str
) -> SessionView:
    """Records (or replaces) the actor's feedback, until feedback closes."""
    view = check_can_give(store, actor, session_or_error(store, session_id, lock=True))
    store.trainings.save_feedback(Feedback(view.session.id, actor.user_id, rating, comment, actor.now))
    return view

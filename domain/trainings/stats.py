"""Trainings in figures, for the digests (per fellow) and the skills directory (per facilitator).

Only sessions that took place count: announced, not cancelled, and over. "Attended" means
holding a seat when the session ended; the bot has no roll call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from domain.trainings.model import Feedback, SessionStatus, Signup, SignupStatus, TrainingSession, topic_key
from domain.trainings.records import TrainingStore


@dataclass(frozen=True)
class TopicFigures:
    """What a facilitator taught on one topic (sessions sharing a title)."""

    topic: str
    sessions: int
    attendees: int
    feedback_count: int
    average_rating: float | None


@dataclass(frozen=True)
class FellowFigures:
    user_id: str
    attended: int = 0
    given: int = 0
    people_taught: int = 0
    feedback_given: int = 0
    feedback_received: int = 0
    average_received: float | None = None


def held(
    sessions: Iterable[TrainingSession],
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[TrainingSession]:
    """The sessions that took place, started within [since, until) when given."""
    return [
        s
        for s in sessions
        if s.status is SessionStatus.ANNOUNCED
        and s.has_ended(now)
        and (since is None or s.starts_at >= since)
        and (until is None or s.starts_at < until)
    ]


def _average(ratings: list[int]) -> float | None:
    return round(sum(ratings) / len(ratings), 2) if ratings else None


def _seated(signups: Iterable[Signup], session_ids: set[int]) -> list[Signup]:
    return [s for s in signups if s.session_id in session_ids and s.status is SignupStatus.CONFIRMED]


def facilitator_topics(
    sessions: Iterable[TrainingSession],
    signups: Iterable[Signup],
    feedback: Iterable[Feedback],
    now: datetime,
) -> list[TopicFigures]:
    """Per topic, the sessions given, people taught and the feedback; most taught topic first."""
    given = sorted(held(sessions, now), key=lambda s: s.starts_at)
    seated = _seated(signups, {s.id for s in given})
    answers = list(feedback)
    topics: dict[str, list[TrainingSession]] = {}
    for session in given:
        topics.setdefault(topic_key(session.title), []).append(session)
    figures = []
    for group in topics.values():
        ids = {s.id for s in group}
        ratings = [f.rating for f in answers if f.session_id in ids]
        figures.append(
            TopicFigures(
                group[-1].title,
                len(group),
                sum(1 for s in seated if s.session_id in ids),
                len(ratings),
                _average(ratings),
            )
        )
    return sorted(figures, key=lambda t: (-t.sessions, -t.attendees, t.topic.casefold()))


def fellow_figures(
    sessions: Iterable[TrainingSession],
    signups: Iterable[Signup],
    feedback: Iterable[Feedback],
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, FellowFigures]:
    """Per person: sessions attended and given, people taught, feedback given and received."""
    took_place = {s.id: s for s in held(sessions, now, since, until)}
    seated = _seated(signups, set(took_place))
    answers = [f for f in feedback if f.session_id in took_place]
    people = (
        {s.user_id for s in seated}
        | {s.facilitator for s in took_place.values()}
        | {f.user_id for f in answers}
    )
    figures = {}
    for user_id in sorted(people):
        mine = {i for i, s in took_place.items() if s.facilitator == user_id}
        received = [f.rating for f in answers if f.session_id in mine]
        figures[user_id] = FellowFigures(
            user_id=user_id,
            attended=sum(1 for s in seated if s.user_id == user_id),
            given=len(mine),
            people_taught=sum(1 for s in seated if s.session_id in mine),
            feedback_given=sum(1 for f in answers if f.user_id == user_id),
            feedback_received=len(received),
            average_received=_average(received),
        )
    return figures


def skills_of(store: TrainingStore, user_id: str, now: datetime) -> list[TopicFigures]:
    """The trainings a person gave, by topic: for the skills directory."""
    sessions = store.trainings.given_by(user_id)
    ids = [s.id for s in sessions]
    return facilitator_topics(sessions, store.trainings.signups(ids), store.trainings.feedback(ids), now)


def cohort_figures(
    store: TrainingStore,
    cohort_id: int,
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, FellowFigures]:
    """Each person's training figures in a cohort over a period: for the digests."""
    sessions = store.trainings.of_cohort(cohort_id)
    ids = [s.id for s in sessions]
    return fellow_figures(
        sessions, store.trainings.signups(ids), store.trainings.feedback(ids), now, since, until
    )

"""Trainings in figures, per fellow, for the digests.

Only sessions that took place count: announced, not cancelled, and over. "Attended" means
holding a seat when the session ended; the bot has no roll call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from domain.trainings.model import SessionStatus, Signup, SignupStatus, TrainingSession


@dataclass(frozen=True)
class FellowFigures:
    user_id: str
    attended: int = 0
    given: int = 0


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


def fellow_figures(
    sessions: Iterable[TrainingSession],
    signups: Iterable[Signup],
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, FellowFigures]:
    """Per person: the sessions attended and the sessions given."""
    took_place = {s.id: s for s in held(sessions, now, since, until)}
    seated = [s for s in signups if s.session_id in took_place and s.status is SignupStatus.CONFIRMED]
    people = {s.user_id for s in seated} | {s.facilitator for s in took_place.values()}
    return {
        user_id: FellowFigures(
            user_id=user_id,
            attended=sum(1 for s in seated if s.user_id == user_id),
            given=sum(1 for s in took_place.values() if s.facilitator == user_id),
        )
        for user_id in sorted(people)
    }

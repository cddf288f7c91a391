"""Where one reader stands with a session: what their `/training` list and their digest say of it,
and whether they may still sign up or withdraw (the one button they are shown follows from it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.messages import N_
from domain.trainings.model import SessionStatus, Signup, SignupStatus, TrainingSession, waitlist_position


class Standing(StrEnum):
    NONE = "none"
    SEATED = "seated"
    WAITING = "waiting"
    FACILITATING = "facilitating"


_STANDINGS = {SignupStatus.CONFIRMED: Standing.SEATED, SignupStatus.WAITLISTED: Standing.WAITING}

# What a reader is told of where they stand, beside the seats left (nothing when not involved).
STANDING_NOTES = {
    Standing.SEATED: N_("you have a seat"),
    Standing.WAITING: N_("you are number {position} on the waitlist"),
    Standing.FACILITATING: N_("you facilitate"),
}


@dataclass(frozen=True)
class Seat:
    """One reader and one session: `open` when they may sign up or withdraw right now."""

    session: TrainingSession
    standing: Standing = Standing.NONE
    position: int | None = None  # on the waitlist, 1 for the first in line
    open: bool = False

    @property
    def full(self) -> bool:
        return self.session.seats_left <= 0

    @property
    def signup_status(self) -> SignupStatus | None:
        return {Standing.SEATED: SignupStatus.CONFIRMED, Standing.WAITING: SignupStatus.WAITLISTED}.get(
            self.standing
        )


def seat_of(
    session: TrainingSession, reader: str, signups: Iterable[Signup], now: datetime, *, member: bool = True
) -> Seat:
    """`signups` may hold other sessions' too; `member` is False for someone who may not sign up to
    the session at all. The facilitator never signs up to their own session."""
    own = [s for s in signups if s.session_id == session.id]
    mine = next((s for s in own if s.user_id == reader), None)
    if reader == session.facilitator:
        standing = Standing.FACILITATING
    else:
        standing = _STANDINGS.get(mine.status, Standing.NONE) if mine is not None else Standing.NONE
    position = waitlist_position(own, reader) if standing is Standing.WAITING else None
    open_ = (
        member
        and standing is not Standing.FACILITATING
        and session.status is SessionStatus.ANNOUNCED
        and not session.has_started(now)
    )
    return Seat(session, standing, position, open_)

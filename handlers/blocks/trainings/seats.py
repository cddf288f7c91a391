"""The one button a reader gets for a session, from where they stand: on their `/training` list and
beside the session's line in their digest. The shared announcement offers both sign-up buttons."""

from __future__ import annotations

from domain.digests.model import LineAction
from domain.trainings.seats import Seat, Standing
from handlers import ids
from handlers.blocks.kit import action_button
from handlers.i18n import N_

SIGN_UP = N_("Sign me up")
CANCEL_SIGNUP = N_("Cancel my sign-up")
JOIN_WAITLIST = N_("Join the waitlist")
LEAVE_WAITLIST = N_("Leave the waitlist")


def seat_action(seat: Seat) -> LineAction | None:
    """None for someone who may not sign up or withdraw (the facilitator, a session started…)."""
    if not seat.open:
        return None
    value = str(seat.session.id)
    if seat.standing is Standing.SEATED:
        return LineAction(CANCEL_SIGNUP, ids.TRAINING_CANCEL, value)
    if seat.standing is Standing.WAITING:
        return LineAction(LEAVE_WAITLIST, ids.TRAINING_CANCEL, value)
    return LineAction(JOIN_WAITLIST if seat.full else SIGN_UP, ids.TRAINING_SIGNUP, value, primary=True)


def seat_button(seat: Seat, lang: str) -> list[dict]:
    return [action_button(action, lang)] if (action := seat_action(seat)) is not None else []

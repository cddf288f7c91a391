"""Where a reader stands with a session, and whether they may still sign up or withdraw."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.trainings.model import SessionStatus, Signup, SignupStatus, TrainingSession
from domain.trainings.seats import Standing, seat_of

NOW = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)


def session(status=SessionStatus.ANNOUNCED, starts_in=timedelta(days=3), capacity=2, taken=1):
    return TrainingSession(
        7,
        1,
        "UFACILITATOR",
        "Pandas",
        "",
        NOW + starts_in,
        60,
        capacity,
        "Salle 2",
        status,
        seats_taken=taken,
    )


SIGNUPS = (
    Signup(7, "USEATED", SignupStatus.CONFIRMED, 1, NOW),
    Signup(7, "UGONE", SignupStatus.CANCELLED, 2, NOW),
    Signup(7, "UFIRST", SignupStatus.WAITLISTED, 3, NOW),
    Signup(7, "USECOND", SignupStatus.WAITLISTED, 4, NOW),
    Signup(8, "UOTHER", SignupStatus.CONFIRMED, 1, NOW),  # another session's
)


def test_each_reader_stands_where_their_sign_up_puts_them():
    seats = {reader: seat_of(session(), reader, SIGNUPS, NOW) for reader in ("USEATED", "UGONE", "USECOND")}
    assert (seats["USEATED"].standing, seats["USEATED"].open) == (Standing.SEATED, True)
    assert (seats["UGONE"].standing, seats["UGONE"].position) == (Standing.NONE, None)
    assert (seats["USECOND"].standing, seats["USECOND"].position) == (Standing.WAITING, 2)
    assert seat_of(session(), "UOTHER", SIGNUPS, NOW).standing is Standing.NONE
    assert not seat_of(session(), "UNEW", SIGNUPS, NOW).full
    assert seat_of(session(taken=2), "UNEW", SIGNUPS, NOW).full


def test_no_one_may_sign_up_where_they_cannot():
    facilitator = seat_of(session(), "UFACILITATOR", SIGNUPS, NOW)
    assert (facilitator.standing, facilitator.open) == (Standing.FACILITATING, False)
    assert not seat_of(session(), "UNEW", SIGNUPS, NOW, member=False).open
    assert not seat_of(session(starts_in=timedelta(0)), "USEATED", SIGNUPS, NOW).open
    assert seat_of(session(starts_in=timedelta(0)), "USEATED", SIGNUPS, NOW).standing is Standing.SEATED
    for status in (SessionStatus.PENDING, SessionStatus.CANCELLED, SessionStatus.REJECTED):
        assert not seat_of(session(status), "UNEW", SIGNUPS, NOW).open
    assert seat_of(session(starts_in=timedelta(seconds=1)), "UNEW", SIGNUPS, NOW).open

"""Trainings in the digests: what each fellow attended and gave this week, and the sessions to come,
each as it stands for the reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from domain.digests.data import DigestStore
from domain.digests.help import week_start
from domain.digests.model import (
    Audience,
    DigestData,
    DigestFeature,
    DigestInput,
    DigestSection,
    LineAction,
    Phrase,
    Said,
    SectionSpec,
    user,
)
from domain.messages import N_, NP_
from domain.trainings.model import SessionStatus, Signup, TrainingSession
from domain.trainings.seats import STANDING_NOTES, Seat, Standing, seat_of
from domain.trainings.stats import fellow_figures, held

UPCOMING_WINDOW = timedelta(days=14)

SeatAction = Callable[[Seat], LineAction | None]

TRAININGS = N_("*Trainings*")
TRAINING_LINE = N_("{fellow} · attended: {attended} · given: {given}")
TRAININGS_SUMMARY = NP_("{count} session held this week.", "{count} sessions held this week.")
NO_TRAINING = N_("No training attended or given this week.")
UPCOMING = N_("*Upcoming trainings*")
UPCOMING_LINE = N_("{when}: “{title}” by {facilitator} · {seats}")
UPCOMING_LINE_YOURS = N_("{when}: “{title}” by {facilitator} · {seats} · {yours}")
SEATS_LEFT = N_("seats left: {left}")
FULL = N_("full")
UPCOMING_SUMMARY = NP_("{count} session in the next two weeks.", "{count} sessions in the next two weeks.")
NO_UPCOMING = N_("No training planned in the next two weeks.")


@dataclass(frozen=True)
class TrainingWeek:
    sessions: tuple[TrainingSession, ...]
    signups: tuple[Signup, ...]


def load(store: DigestStore, data: DigestData) -> TrainingWeek:
    sessions, signups = store.digests.training_week(
        data.cohort.id, week_start(data), data.period.as_of + UPCOMING_WINDOW
    )
    return TrainingWeek(tuple(sessions), tuple(signups))


def trainings_of_week(given: DigestInput) -> DigestSection:
    week: TrainingWeek = given.data.feature("trainings")
    start, now = week_start(given.data), given.period.as_of
    figures = fellow_figures(week.sessions, week.signups, now, since=start, until=now)
    lines = tuple(
        Phrase(TRAINING_LINE, {"fellow": user(f), "attended": figures[f].attended, "given": figures[f].given})
        for f in given.scope.fellows
        if f in figures and (figures[f].attended or figures[f].given)
    )
    count = len(held(week.sessions, now, start, now))
    return DigestSection(
        "trainings",
        Phrase(TRAININGS),
        lines,
        Phrase(TRAININGS_SUMMARY, {"count": count}),
        Phrase(NO_TRAINING),
    )


def _line(seat: Seat) -> Phrase:
    session = seat.session
    params: dict[str, object] = {
        "when": session.starts_at,
        "title": Said(session.title),
        "facilitator": user(session.facilitator),
        "seats": Phrase(FULL) if seat.full else Phrase(SEATS_LEFT, {"left": session.seats_left}),
    }
    if seat.standing is Standing.NONE:
        return Phrase(UPCOMING_LINE, params)
    yours = Phrase(STANDING_NOTES[seat.standing], {"position": seat.position})
    return Phrase(UPCOMING_LINE_YOURS, {**params, "yours": yours})


def upcoming(given: DigestInput, seat_action: SeatAction) -> DigestSection:
    """The sessions of the next two weeks, each as it stands for the reader, with the one button
    that fits; none for someone outside the cohort (the program team reads its digest to oversee it)."""
    week: TrainingWeek = given.data.feature("trainings")
    now, reader = given.period.as_of, given.scope.recipient
    member = any(m.user_id == reader for m in given.data.memberships)
    coming = sorted(
        (
            s
            for s in week.sessions
            if s.status is SessionStatus.ANNOUNCED and now < s.starts_at <= now + UPCOMING_WINDOW
        ),
        key=lambda s: s.starts_at,
    )
    seats = [seat_of(s, reader, week.signups, now, member=member) for s in coming]
    actions = tuple(seat_action(seat) for seat in seats)
    return DigestSection(
        "upcoming_trainings",
        Phrase(UPCOMING),
        tuple(_line(seat) for seat in seats),
        Phrase(UPCOMING_SUMMARY, {"count": len(coming)}),
        Phrase(NO_UPCOMING),
        actions=actions if any(actions) else (),
    )


def feature(seat_action: SeatAction) -> DigestFeature:
    """The trainings' part of the digests; `seat_action` is the button that fits where a reader
    stands with a session, the same as on their `/training` list."""
    to_come = partial(upcoming, seat_action=seat_action)
    return DigestFeature(
        "trainings",
        load,
        (
            SectionSpec("trainings", Audience.MENTOR, trainings_of_week),
            SectionSpec("upcoming_trainings", Audience.MENTOR, to_come),
            SectionSpec("upcoming_trainings", Audience.ADMIN, to_come),
        ),
    )

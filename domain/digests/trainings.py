"""Trainings in the digests: what each fellow attended and gave this week, and the sessions to come."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.digests.data import DigestStore
from domain.digests.help import week_start
from domain.digests.model import (
    Audience,
    DigestData,
    DigestFeature,
    DigestInput,
    DigestSection,
    Phrase,
    Said,
    SectionSpec,
    user,
)
from domain.messages import N_, NP_
from domain.trainings.model import SessionStatus, Signup, TrainingSession
from domain.trainings.stats import fellow_figures, held

UPCOMING_WINDOW = timedelta(days=14)

TRAININGS = N_("*Trainings*")
TRAINING_LINE = N_("{fellow} · attended: {attended} · given: {given}")
TRAININGS_SUMMARY = NP_("{count} session held this week.", "{count} sessions held this week.")
NO_TRAINING = N_("No training attended or given this week.")
UPCOMING = N_("*Upcoming trainings*")
UPCOMING_LINE = N_("{when}: “{title}” by {facilitator} · seats left: {left}")
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


def upcoming(given: DigestInput) -> DigestSection:
    week: TrainingWeek = given.data.feature("trainings")
    now = given.period.as_of
    coming = sorted(
        (
            s
            for s in week.sessions
            if s.status is SessionStatus.ANNOUNCED and now < s.starts_at <= now + UPCOMING_WINDOW
        ),
        key=lambda s: s.starts_at,
    )
    lines = tuple(
        Phrase(
            UPCOMING_LINE,
            {
                "when": s.starts_at,
                "title": Said(s.title),
                "facilitator": user(s.facilitator),
                "left": s.seats_left,
            },
        )
        for s in coming
    )
    return DigestSection(
        "upcoming_trainings",
        Phrase(UPCOMING),
        lines,
        Phrase(UPCOMING_SUMMARY, {"count": len(coming)}),
        Phrase(NO_UPCOMING),
    )


FEATURE = DigestFeature(
    "trainings",
    load,
    (
        SectionSpec("trainings", Audience.MENTOR, trainings_of_week),
        SectionSpec("upcoming_trainings", Audience.ADMIN, upcoming),
    ),
)

"""Trainings in figures for the digests, the export, and the commands."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.cohorts.export import cohort_history
from domain.cohorts.permissions import NotAllowed
from domain.command_parsing import CommandError
from domain.messages import DomainError
from domain.trainings.commands import (
    TrainingCommand,
    TrainingSettings,
    parse_training_command,
    parse_trainings,
    training_settings,
)
from domain.trainings.export import TRAINING_SECTIONS
from domain.trainings.feedback import give_feedback
from domain.trainings.model import SessionStatus
from domain.trainings.signups import sign_up
from domain.trainings.stats import fellow_figures
from tests.domain.trainings.training_fakes import NOW, TrainingStoreFake, a_proposal, actor

LATER = NOW + timedelta(days=30)


@pytest.fixture
def store():
    """UANA gave pandas twice (once in other words) and SQL once; UBEN's session was called off."""
    store = TrainingStoreFake()
    add = store.trainings.add
    pandas = add(
        1, "UANA", a_proposal(timedelta(days=1), title="Pandas pour débuter"), SessionStatus.ANNOUNCED, NOW
    )
    again = add(
        1, "UANA", a_proposal(timedelta(days=8), title="pandas  POUR débuter"), SessionStatus.ANNOUNCED, NOW
    )
    sql = add(1, "UANA", a_proposal(timedelta(days=2), title="SQL"), SessionStatus.ANNOUNCED, NOW)
    off = add(1, "UBEN", a_proposal(timedelta(days=3), title="Git"), SessionStatus.ANNOUNCED, NOW)
    for session, people in (
        (pandas, ("UBEN", "UCHLOE")),
        (again, ("UDAVID",)),
        (sql, ("UBEN",)),
        (off, ("UCHLOE",)),
    ):
        for user in people:
            sign_up(store, actor(user), session.id)
    store.trainings.set_status(off.id, SessionStatus.CANCELLED, NOW)
    # Each answer within the two days feedback stays open after its session.
    give_feedback(store, actor("UBEN", pandas.ends_at + timedelta(hours=1)), pandas.id, 5, "")
    give_feedback(store, actor("UCHLOE", pandas.ends_at + timedelta(hours=1)), pandas.id, 4, "Merci")
    give_feedback(store, actor("UDAVID", again.ends_at + timedelta(hours=1)), again.id, 3, "")
    return store


def _figures(store, since=None, until=None):
    sessions = store.trainings.of_cohort(1)
    signups = store.trainings.signups([s.id for s in sessions])
    return fellow_figures(sessions, signups, LATER, since, until)


def test_each_fellows_figures_for_a_digest(store):
    figures = _figures(store)
    assert (figures["UANA"].attended, figures["UANA"].given) == (0, 3)
    assert (figures["UBEN"].attended, figures["UBEN"].given) == (2, 0)
    assert figures["UCHLOE"].attended == 1  # the session called off does not count


def test_figures_over_a_period(store):
    week = _figures(store, since=NOW, until=NOW + timedelta(days=7))
    assert week["UANA"].given == 2 and "UDAVID" not in week  # his session is the week after


def test_the_export_has_sessions_sign_ups_and_feedback(store):
    sessions, signups, feedback = cohort_history(store, "EIG7", TRAINING_SECTIONS)
    assert [s.name for s in (sessions, signups, feedback)] == [
        "training_sessions",
        "training_signups",
        "training_feedback",
    ]
    assert [r["title"] for r in sessions.records()][:2] == ["Pandas pour débuter", "SQL"]
    assert {r["status"] for r in signups.records()} == {"confirmed"}
    assert sorted(r["rating"] for r in feedback.records()) == [3, 4, 5]
    assert all(set(r) == {"session_id", "rating", "comment"} for r in feedback.records())  # nobody named
    with pytest.raises(DomainError):
        cohort_history(store, "nope", TRAINING_SECTIONS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", TrainingCommand.LIST),
        ("  ", TrainingCommand.LIST),
        ("propose", TrainingCommand.PROPOSE),
        ("PROPOSE", TrainingCommand.PROPOSE),
        ("mine", TrainingCommand.MINE),
        ("list", TrainingCommand.LIST),
    ],
)
def test_training_sub_commands(text, expected):
    assert parse_training_command(text) is expected


@pytest.mark.parametrize("text", ["proposals", "mine now", "<@U1>"])
def test_a_wrong_training_sub_command_gets_the_usage(text):
    with pytest.raises(CommandError) as wrong:
        parse_training_command(text)
    assert wrong.value.usage.startswith("Usage: /training")


def test_the_approval_setting(store):
    assert parse_trainings(["eig7", "approval=ON"]) == TrainingSettings("eig7", True)
    assert parse_trainings(["eig7"]) == TrainingSettings("eig7", None)
    with pytest.raises(DomainError, match="on or off"):
        parse_trainings(["eig7", "approval=maybe"])
    with pytest.raises(DomainError):
        parse_trainings(["eig7", "approve=on"])
    shown = training_settings(store, actor("UCOADMIN"), TrainingSettings("eig7", True))
    assert (shown.approval, shown.changed) == (True, True)
    assert not training_settings(store, actor("UPROG"), TrainingSettings("eig7", True)).changed
    with pytest.raises(NotAllowed):
        training_settings(store, actor("UANA"), TrainingSettings("eig7", False))
    assert store.trainings.approval_required(1)

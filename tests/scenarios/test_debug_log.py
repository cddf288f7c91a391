"""With LOG_LEVEL=DEBUG, the log of whole scenarios holds ids, never what people wrote.

The scenarios of peer help, trainings and a stand-up week are played again with every logger at
DEBUG, set up as `cohortbot` sets it up; then the captured log is searched for the free text
typed in them. With Slack debugging asked for, the same search finds it: the test can fail.
"""

from __future__ import annotations

import logging

import pytest

from bot.logs import QUIETED, quiet_libraries
from tests.handlers.peer_help import peer_help_helpers
from tests.scenarios import test_peer_help, test_standup_week, test_training

desk = peer_help_helpers.desk  # fixtures, found by name
trainings = test_training.trainings
week = test_standup_week.week

WRITTEN = {
    "peer help": (
        "Comment tester un DAG Airflow",
        "export CSV casse les accents",
        "Quel package R pour les cartes",
        "Merci à vous deux",
    ),
    "trainings": ("Pandas pour les débutants", "Lire, filtrer et grouper", "Très clair"),
    "stand-ups": ("Nettoyage des données", "base SIRENE est bloqué", "compte rendu envoyé"),
}


@pytest.fixture
def debug_log(caplog):
    """Every logger at DEBUG, libraries quieted as `cohortbot` does; levels restored after."""
    saved = {name: logging.getLogger(name).level for name in QUIETED}
    caplog.set_level(logging.DEBUG)

    def configure(slack_debug: bool):
        quiet_libraries(logging.DEBUG, slack_debug)

    yield configure
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def leaked(caplog, scenario: str) -> list[str]:
    text = "\n".join(record.getMessage() for record in caplog.records)
    return [written for written in WRITTEN[scenario] if written in text]


def test_the_debug_log_of_peer_help_holds_no_text_people_wrote(desk, engine, debug_log, caplog):
    debug_log(slack_debug=False)
    test_peer_help.test_a_fortnight_of_peer_help(desk, engine)
    assert leaked(caplog, "peer help") == []


def test_the_debug_log_of_a_training_holds_no_text_people_wrote(trainings, debug_log, caplog):
    debug_log(slack_debug=False)
    test_training.test_a_training_from_proposal_to_feedback(trainings)
    assert leaked(caplog, "trainings") == []


def test_the_debug_log_of_a_stand_up_week_holds_no_text_people_wrote(week, debug_log, caplog):
    debug_log(slack_debug=False)
    test_standup_week.test_a_cohorts_stand_up_week(week)
    assert leaked(caplog, "stand-ups") == []


def test_slack_debugging_asked_for_separately_logs_the_bodies(trainings, debug_log, caplog):
    debug_log(slack_debug=True)
    test_training.test_a_training_from_proposal_to_feedback(trainings)
    assert leaked(caplog, "trainings") == list(WRITTEN["trainings"])

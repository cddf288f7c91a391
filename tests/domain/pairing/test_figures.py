"""What the program team reads: answers, cross-challenge couples met, fellows isolated for 4 weeks."""

from __future__ import annotations

from datetime import date, timedelta

from domain.pairing.figures import pairing_figures
from domain.pairing.model import Outcome, Pair

TODAY = date(2026, 4, 10)
CHALLENGES = {"UA1": "a", "UA2": "a", "UB1": "b", "UB2": "b", "UC1": "c"}
FELLOWS = list(CHALLENGES)


def pair(n: int, day: date, *members: str, outcome: Outcome | None = None) -> Pair:
    return Pair(n, 1, day, members, f"G{n}", outcome)


def test_figures_count_answers_and_cross_challenge_couples_met():
    pairs = [
        pair(1, TODAY - timedelta(days=35), "UA1", "UB1", outcome=Outcome.MET),
        pair(2, TODAY - timedelta(days=35), "UA2", "UB2", "UC1", outcome=Outcome.SKIPPED),
        pair(3, TODAY - timedelta(days=7), "UA1", "UA2", "UC1", outcome=Outcome.MET),
        pair(4, TODAY - timedelta(days=7), "UB1", "UB2"),
        pair(5, TODAY + timedelta(days=3), "UA1", "UB2", outcome=Outcome.MET),  # not held yet
    ]
    figures = pairing_figures(pairs, FELLOWS, CHALLENGES, TODAY)
    assert (figures.rounds, figures.pairs, figures.answered, figures.answer_rate) == (2, 4, 3, 75)
    # Cross-challenge couples of these fellows: 10 in all but (UA1, UA2) and (UB1, UB2) = 8;
    # met: UA1–UB1 (round 1), UA1–UC1 and UA2–UC1 (the trio of round 3).
    assert (figures.cross_met, figures.cross_possible, figures.cross_share) == (3, 8, 38)
    assert figures.isolated == ("UB1", "UB2")


def test_no_isolation_figure_before_four_weeks_of_rounds():
    pairs = [pair(1, TODAY - timedelta(days=14), "UA1", "UB1")]
    figures = pairing_figures(pairs, FELLOWS, CHALLENGES, TODAY)
    assert figures.isolated is None and figures.answer_rate == 0 and figures.cross_share == 0

"""The rules a proposal and a feedback answer follow."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.messages import DomainError
from domain.trainings.model import (
    Signup,
    SignupStatus,
    check_capacity,
    check_comment,
    check_description,
    check_duration,
    check_location,
    check_rating,
    check_start,
    check_title,
    is_link,
    waitlist_position,
)
from tests.domain.trainings.training_fakes import NOW


def test_texts_are_trimmed_and_required():
    assert check_title("  Pandas   pour\tdébuter ") == "Pandas pour débuter"
    assert check_location(" https://meet.example.org/x ") == "https://meet.example.org/x"
    assert check_description("  Lignes\n\ndeux  ") == "Lignes\n\ndeux"
    for check in (check_title, check_description, check_location):
        with pytest.raises(DomainError):
            check("   ")
    with pytest.raises(DomainError, match="at most 150"):
        check_title("x" * 151)


@pytest.mark.parametrize("value", ["0", "-1", "501", "2.5", "deux", "", None, "٣"])
def test_capacity_is_a_whole_number_from_1_to_500(value):
    with pytest.raises(DomainError, match="from 1 to 500"):
        check_capacity(value)


def test_capacity():
    assert check_capacity(" 12 ") == 12
    assert check_capacity("500") == 500
    with pytest.raises(DomainError, match="keep at least 3"):
        check_capacity("2", confirmed=3)


@pytest.mark.parametrize(
    ("value", "ok"), [("60", True), ("15", True), ("480", True), ("10", False), ("481", False), ("1h", False)]
)
def test_duration_in_minutes(value, ok):
    if ok:
        assert check_duration(value) == int(value)
    else:
        with pytest.raises(DomainError):
            check_duration(value)


def test_the_start_must_be_to_come():
    assert check_start(NOW + timedelta(minutes=1), NOW) == NOW + timedelta(minutes=1)
    for moment in (NOW, NOW - timedelta(days=1)):
        with pytest.raises(DomainError, match="already passed"):
            check_start(moment, NOW)
    with pytest.raises(DomainError, match="Pick the date"):
        check_start(None, NOW)


def test_ratings_and_comments():
    assert [check_rating(str(n)) for n in range(1, 6)] == [1, 2, 3, 4, 5]
    for bad in ("0", "6", "", None, "x"):
        with pytest.raises(DomainError):
            check_rating(bad)
    assert check_comment(None) == "" and check_comment("  bien ") == "bien"


def test_links_and_waitlist_positions():
    assert is_link("HTTPS://visio.example.org") and not is_link("Salle https")
    rows = [
        Signup(1, "A", SignupStatus.CONFIRMED, 1, NOW),
        Signup(1, "C", SignupStatus.WAITLISTED, 4, NOW),
        Signup(1, "B", SignupStatus.WAITLISTED, 3, NOW),
        Signup(1, "D", SignupStatus.CANCELLED, 2, NOW),
    ]
    assert [waitlist_position(rows, u) for u in "ABCD"] == [None, 1, 2, None]

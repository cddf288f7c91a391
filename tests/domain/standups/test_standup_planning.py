"""What is due when, and to whom: prompts per zone group, reminders, the thread, the summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from domain.cohorts.model import Cohort, MemberProfile
from domain.scheduling import Timing
from domain.standups.model import SHARE_CHANNEL, ZONE_FELLOW, Absence, StandupSettings
from domain.standups.planning import (
    PROMPT,
    REMINDER,
    SUMMARY,
    THREAD,
    RunningStandup,
    candidates,
    fellow_zone,
    fellows_reached,
    group_subject,
    prompt_recipients,
    reminder_recipients,
    subject_cohort,
    zones_of,
)

COHORT = Cohort(7, "eig7", "C100", "Europe/Paris", "fr", "FR", None, None)
SETTINGS = StandupSettings(7, remind_minutes=60, close="12:00")
MONDAY = date(2026, 3, 2)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def due(now: datetime, settings=SETTINGS, zones=("Europe/Paris",)) -> dict[str, list]:
    found: dict[str, list] = {}
    for candidate in candidates([RunningStandup(COHORT, settings, zones)], now, None):
        found.setdefault(candidate.kind, []).append(candidate)
    return found


def test_nothing_is_due_before_the_monday_prompt():
    assert due(utc(2026, 3, 2, 8, 29)) == {}  # and Sunday had no stand-up


def test_the_day_unfolds():
    at_prompt = due(utc(2026, 3, 2, 8, 30))
    assert [c.kind for c in at_prompt[THREAD] + at_prompt[PROMPT]] == [THREAD, PROMPT]
    prompt = at_prompt[PROMPT][0]
    assert (prompt.subject, prompt.day, prompt.due_at, prompt.grace_until) == (
        "standup:7",
        MONDAY,
        utc(2026, 3, 2, 8, 30),
        utc(2026, 3, 2, 11, 0),
    )
    assert REMINDER in due(utc(2026, 3, 2, 9, 30))
    summary = due(utc(2026, 3, 2, 11, 0))[SUMMARY][0]
    assert (summary.due_at, summary.grace_until) == (utc(2026, 3, 2, 11, 0), utc(2026, 3, 2, 13, 0))
    assert prompt.timing(utc(2026, 3, 2, 11, 1)) is Timing.LATE


def test_a_weekend_day_has_nothing():
    saturday = due(utc(2026, 3, 7, 10, 0))
    assert all(c.day == date(2026, 3, 6) for found in saturday.values() for c in found)


def test_yesterdays_late_summary_is_still_seen_after_midnight():
    late = replace(SETTINGS, prompt_time="22:00", close="23:30", remind_minutes=None)
    found = due(utc(2026, 3, 3, 0, 0), late)  # 01:00 in Paris on Tuesday
    assert [(c.day, c.timing(utc(2026, 3, 3, 0, 0))) for c in found[SUMMARY]] == [(MONDAY, Timing.DUE)]


def test_without_a_thread_there_is_no_thread_post():
    assert THREAD not in due(utc(2026, 3, 2, 8, 30), replace(SETTINGS, share=SHARE_CHANNEL))


def test_each_zone_group_is_prompted_at_its_own_time():
    per_fellow = replace(SETTINGS, zone_mode=ZONE_FELLOW)
    zones = ("Africa/Dakar", "Europe/Paris")
    at_paris = due(utc(2026, 3, 2, 8, 30), per_fellow, zones)
    assert [c.subject for c in at_paris[PROMPT] if c.day == MONDAY] == ["standup:7"]
    at_dakar = due(utc(2026, 3, 2, 9, 30), per_fellow, zones)
    assert sorted(c.subject for c in at_dakar[PROMPT] if c.day == MONDAY) == [
        "standup:7",
        "standup:7:tz:Africa/Dakar",
    ]
    # The thread opens with the first prompt; the summary waits for the last close (12:00 in Dakar).
    assert at_paris[THREAD][-1].due_at == utc(2026, 3, 2, 8, 30)
    assert [c.due_at for c in due(utc(2026, 3, 2, 12, 0), per_fellow, zones)[SUMMARY] if c.day == MONDAY] == [
        utc(2026, 3, 2, 12, 0)
    ]


def test_subjects_and_zones():
    assert group_subject(COHORT, "Europe/Paris") == "standup:7"
    assert group_subject(COHORT, "Africa/Abidjan") == "standup:7:tz:Africa/Abidjan"
    assert subject_cohort("standup:7:tz:Africa/Abidjan") == 7 and subject_cohort("demo") is None
    assert zones_of(COHORT, SETTINGS, {"Africa/Dakar"}) == ("Europe/Paris",)
    per_fellow = replace(SETTINGS, zone_mode=ZONE_FELLOW)
    assert zones_of(COHORT, per_fellow, {"Africa/Dakar", None, "Nowhere/Town"}) == (
        "Africa/Dakar",
        "Europe/Paris",
    )
    assert (
        fellow_zone(COHORT, per_fellow, MemberProfile("U1", "a", timezone="Africa/Tunis")) == "Africa/Tunis"
    )
    assert fellow_zone(COHORT, SETTINGS, MemberProfile("U1", "a", timezone="Africa/Tunis")) == "Europe/Paris"


def _prompt(now=None, settings=SETTINGS, zone="Europe/Paris"):
    now = now or utc(2026, 3, 2, 8, 30)
    running = RunningStandup(COHORT, settings, (zone,))
    return next(c for c in candidates([running], now, None) if c.kind == PROMPT and c.day == MONDAY)


def test_prompt_recipients_leave_out_who_should_not_be_asked():
    profiles = {
        "UGONE": MemberProfile("UGONE", "gone", deactivated=True),
        "UBOT": MemberProfile("UBOT", "bot", is_bot=True),
    }
    absences = [
        Absence("UAWAY", MONDAY, MONDAY + timedelta(days=4), "UAWAY"),
        Absence("UPAST", MONDAY - timedelta(days=9), MONDAY - timedelta(days=1), "UPAST"),
    ]
    fellows = ["UANA", "UGONE", "UBOT", "UAWAY", "UPAST", "UDONE", "UASKED", "UANA"]
    chosen = prompt_recipients(_prompt(), fellows, profiles, absences, {"UDONE"}, {"UASKED"})
    assert chosen == ("UANA", "UPAST")


def test_prompt_recipients_by_zone_group():
    per_fellow = replace(SETTINGS, zone_mode=ZONE_FELLOW)
    profiles = {
        "UDAKAR": MemberProfile("UDAKAR", "d", timezone="Africa/Dakar"),
        "UPARIS": MemberProfile("UPARIS", "p", timezone="Europe/Paris"),
    }
    fellows = ["UDAKAR", "UPARIS", "UNOZONE"]
    dakar = _prompt(utc(2026, 3, 2, 9, 30), per_fellow, "Africa/Dakar")
    assert prompt_recipients(dakar, fellows, profiles, [], set(), set()) == ("UDAKAR",)
    assert prompt_recipients(_prompt(settings=per_fellow), fellows, profiles, [], set(), set()) == (
        "UPARIS",
        "UNOZONE",
    )


def test_a_prompt_reaches_reachable_fellows_not_away_in_the_zone_group_or_every_group():
    per_fellow = replace(SETTINGS, zone_mode=ZONE_FELLOW)
    profiles = {
        "UDAKAR": MemberProfile("UDAKAR", "d", timezone="Africa/Dakar"),
        "UGONE": MemberProfile("UGONE", "g", deactivated=True),
        "UBOT": MemberProfile("UBOT", "b", is_bot=True),
    }
    away = [Absence("UAWAY", MONDAY, MONDAY, "UAWAY")]
    fellows = ["UANA", "UDAKAR", "UGONE", "UBOT", "UAWAY", "UANA"]
    assert fellows_reached(COHORT, per_fellow, fellows, profiles, away, MONDAY) == ("UANA", "UDAKAR")
    assert fellows_reached(COHORT, per_fellow, fellows, profiles, away, MONDAY, "Africa/Dakar") == ("UDAKAR",)
    assert fellows_reached(COHORT, SETTINGS, fellows, profiles, away, MONDAY, "Europe/Paris") == (
        "UANA",
        "UDAKAR",
    )
    assert fellows_reached(COHORT, per_fellow, fellows, profiles, away, MONDAY + timedelta(days=1)) == (
        "UANA",
        "UDAKAR",
        "UAWAY",
    )


def test_the_reminder_goes_to_those_prompted_on_time_who_have_not_answered():
    running = RunningStandup(COHORT, SETTINGS, ("Europe/Paris",))
    reminder = next(c for c in candidates([running], utc(2026, 3, 2, 9, 30), None) if c.kind == REMINDER)
    prompted = {
        "UANA": utc(2026, 3, 2, 8, 30),
        "UBEN": utc(2026, 3, 2, 8, 31),
        "UEVA": utc(2026, 3, 2, 8, 30),
        "ULATE": utc(2026, 3, 2, 9, 20),
        "UAWAY": utc(2026, 3, 2, 8, 30),
    }
    absences = [Absence("UAWAY", MONDAY, MONDAY, "UADMIN")]
    assert reminder_recipients(reminder, prompted, absences, {"UEVA"}) == ("UANA", "UBEN")


@pytest.mark.parametrize("hour", [8, 9, 10, 11, 12, 13])
def test_candidates_never_include_early_work(hour):
    now = utc(2026, 3, 2, hour, 0)
    assert all(c.timing(now) is not Timing.EARLY for found in due(now).values() for c in found)

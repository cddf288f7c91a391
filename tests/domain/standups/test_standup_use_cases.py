"""The stand-up use cases on in-memory repositories: settings, answers, skips, absences, history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from domain.cohorts.export import cohort_history
from domain.cohorts.model import Role
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor, CohortHoliday
from domain.messages import DomainError
from domain.ritual_commands import Standup
from domain.standups.absences import come_back, set_away
from domain.standups.admin import check_questions, configure_standup, save_questions
from domain.standups.answers import open_standup, record_post, skip_standup, standup_of, submit_answer
from domain.standups.commands import Away, Back, History
from domain.standups.history import STANDUP_SECTIONS, entries_section, standup_history
from domain.standups.model import SHARE_SUMMARY, EntryStatus, StandupSettings
from domain.standups.planning import PROMPT, THREAD
from tests.domain.standups.standup_fakes import NOW, StandupStore

MONDAY = date(2026, 3, 2)
ADMIN = Actor("UADMIN", NOW, frozenset({"UADMIN"}))


@pytest.fixture
def store():
    store = StandupStore()
    cohort = store.cohort()
    store.people(cohort, "UANA", "UBEN")
    store.people(cohort, "UMENTOR", role=Role.MENTOR, challenge="ia")
    store.people(cohort, "UCOADMIN", role=Role.ADMIN)
    store.standups.save_settings(StandupSettings(cohort.id, remind_minutes=30, close="12:00"))
    return store


def at(hours: float):
    return NOW + timedelta(hours=hours)


def test_configure_turns_on_with_defaults_and_keeps_what_is_not_said():
    store = StandupStore()
    cohort = store.cohort()
    done = configure_standup(store, ADMIN, Standup("eig7", {"time": "10:00"}), None)
    assert (done.settings.prompt_time, done.settings.days, done.settings.active) == (
        "10:00",
        StandupSettings(1).days,
        True,
    )
    assert done.next_prompts[0] == at(2)  # Monday 10:00 in Paris
    again = configure_standup(store, ADMIN, Standup("eig7", {"remind": "45", "share": "channel"}), None)
    assert (again.settings.prompt_time, again.settings.remind_minutes, again.settings.share) == (
        "10:00",
        45,
        "channel",
    )
    off = configure_standup(store, ADMIN, Standup("eig7", off=True), None)
    assert not off.settings.active and off.next_prompts == ()
    assert store.standups.settings(cohort.id).prompt_time == "10:00"


def test_configure_checks_the_times_against_what_is_stored(store):
    with pytest.raises(DomainError, match="closes"):
        configure_standup(store, ADMIN, Standup("eig7", {"time": "12:30"}), None)
    with pytest.raises(DomainError, match="reminder"):
        configure_standup(store, ADMIN, Standup("eig7", {"remind": "180"}), None)
    assert store.standups.settings(1).prompt_time == "09:30"


def test_only_managers_configure(store):
    with pytest.raises(NotAllowed):
        configure_standup(store, Actor("UANA", NOW), Standup("eig7", {"time": "10:00"}), None)
    assert configure_standup(store, Actor("UCOADMIN", NOW), Standup("eig7", {"time": "10:00"}), None)


def test_questions_are_checked_and_the_defaults_stay_defaults(store):
    assert check_questions([], None).keys() == {"questions"}
    assert check_questions(["a"] * 7, None).keys() == {"questions"}
    assert check_questions(["x" * 151], None).keys() == {"questions"}
    assert check_questions(["a", "b"], 3).keys() == {"blockers"}
    defaults = ("Hier ?", "Aujourd’hui ?", "Blocages ?")
    kept = save_questions(store, ADMIN, 1, list(defaults), 3, True, lambda cohort: defaults)
    assert kept.questions == () and kept.mood
    custom = save_questions(store, ADMIN, 1, ["Fait ?", "Bloqué ?"], 2, False, lambda cohort: defaults)
    assert custom.questions == ("Fait ?", "Bloqué ?") and custom.question_count == 2
    with pytest.raises(NotAllowed):
        save_questions(store, Actor("UANA", NOW), 1, ["x"], None, False, lambda cohort: defaults)


def test_answering_on_time_then_editing(store):
    store.standup_runs.sent(THREAD, "standup:1", MONDAY, "C100", at(1.5), channel="C100", ts="100.1")
    first = submit_answer(store, "UANA", 1, MONDAY, ("hier", "demain", "Accès refusé"), None, at(2), None)
    assert not first.edited and not first.entry.late
    assert (first.share.channel, first.share.thread_ts, first.share.update_ts) == ("C100", "100.1", None)
    record_post(store, first.entry, "C100", "100.2")
    edited = submit_answer(store, "UANA", 1, MONDAY, ("hier", "demain", "rien"), None, at(5), None)
    assert edited.edited and not edited.entry.late  # the first answer was on time
    assert (edited.share.channel, edited.share.update_ts) == ("C100", "100.2")


def test_a_late_answer_is_kept_and_marked(store):
    late = submit_answer(store, "UBEN", 1, MONDAY, ("tard",), None, at(6), None)
    assert late.entry.late and late.share.thread_ts is None  # no thread was posted: a post of its own
    with pytest.raises(DomainError, match="over"):
        submit_answer(
            store, "UBEN", 1, MONDAY, ("trop tard",), None, at(24 + 1.5), None
        )  # Tuesday's has started


def test_no_share_in_summary_mode_and_mood_only_when_asked(store):
    store.standups.save_settings(replace(store.standups.settings(1), share=SHARE_SUMMARY))
    done = submit_answer(store, "UANA", 1, MONDAY, ("ok",), 4, at(2), None)
    assert done.share is None and done.entry.mood is None


def test_only_fellows_answer(store):
    with pytest.raises(DomainError, match="fellows"):
        standup_of(store, "UMENTOR", 1, MONDAY, at(2), None)


def test_open_standup_and_skip(store):
    assert open_standup(store, "UANA", at(2), None).day == MONDAY
    skipped = skip_standup(store, "UANA", at(2), None)
    assert store.standups.entry(1, "UANA", MONDAY).status is EntryStatus.SKIPPED and skipped.day == MONDAY
    submit_answer(store, "UBEN", 1, MONDAY, ("ok",), None, at(2), None)
    with pytest.raises(DomainError, match="already answered"):
        skip_standup(store, "UBEN", at(2), None, 1, MONDAY)
    with pytest.raises(DomainError, match="no stand-up"):
        open_standup(store, "UMENTOR", at(2), None)


def test_no_stand_up_on_a_cohort_holiday(store):
    store.cohorts.holiday_rows.append(CohortHoliday(1, MONDAY, MONDAY, "séminaire"))
    # Friday's is still open (late) until Tuesday's starts.
    assert open_standup(store, "UANA", at(2), None).day == MONDAY - timedelta(days=3)


def test_away_and_back_for_oneself(store):
    result = set_away(store, Actor("UANA", NOW), Away(MONDAY + timedelta(days=1), MONDAY + timedelta(days=4)))
    assert not result.for_someone_else
    with pytest.raises(DomainError, match="already over"):
        set_away(store, Actor("UANA", NOW), Away(MONDAY - timedelta(days=5), MONDAY - timedelta(days=3)))
    assert come_back(store, Actor("UANA", NOW), Back()).ended == 1
    assert store.standups.absences_of(["UANA"]) == []


def test_an_ongoing_absence_ends_yesterday(store):
    set_away(store, Actor("UANA", NOW), Away(MONDAY - timedelta(days=3), MONDAY + timedelta(days=3)))
    come_back(store, Actor("UANA", NOW), Back())
    assert store.standups.absences_of(["UANA"])[0].last == MONDAY - timedelta(days=1)


def test_admins_set_someone_away_fellows_do_not(store):
    assert set_away(store, Actor("UCOADMIN", NOW), Away(MONDAY, MONDAY, "UBEN")).for_someone_else
    with pytest.raises(NotAllowed):
        set_away(store, Actor("UANA", NOW), Away(MONDAY, MONDAY, "UBEN"))
    with pytest.raises(DomainError, match="not a member"):
        set_away(store, ADMIN, Away(MONDAY, MONDAY, "UNOBODY"))


def test_history_shows_answers_skips_and_missed_prompts_within_permissions(store):
    store.standup_runs.sent(PROMPT, "standup:1", MONDAY, "UBEN", at(1.5))
    store.standup_runs.sent(PROMPT, "standup:1", MONDAY - timedelta(days=3), "UBEN", at(-70))
    submit_answer(store, "UBEN", 1, MONDAY, ("ok",), None, at(2), None)
    mine = standup_history(store, Actor("UBEN", at(3)), History(), store.checkins)
    assert [(line.day, line.status) for line in mine.lines] == [
        (MONDAY, "answered"),
        (MONDAY - timedelta(days=3), "missed"),
    ]
    assert mine.lines[0].entry.answers == ("ok",) and not mine.lines[0].withheld
    # A fellow of the same cohort sees the day, not the text UBEN keeps to himself.
    theirs = standup_history(store, Actor("UANA", at(3)), History("UBEN"), store.checkins)
    assert (theirs.lines[0].status, theirs.lines[0].entry.answers, theirs.lines[0].withheld) == (
        "answered",
        (),
        True,
    )
    store.checkins.sharers.add("UBEN")
    shared = standup_history(store, Actor("UANA", at(3)), History("UBEN"), store.checkins)
    assert shared.lines[0].entry.answers == ("ok",) and not shared.lines[0].withheld
    with pytest.raises(NotAllowed):  # mentors see their challenge only
        standup_history(store, Actor("UMENTOR", at(3)), History("UBEN"), store.checkins)
    with pytest.raises(NotAllowed):
        standup_history(store, Actor("USTRANGER", at(3)), History("UBEN"), store.checkins)


def test_export_sections(store):
    submit_answer(store, "UANA", 1, MONDAY, ("hier", "demain", "rien"), None, at(2), None)
    section = entries_section(store, store.cohorts.get(1))
    assert section.records()[0]["slack_id"] == "UANA" and section.records()[0]["answers"] is None
    store.checkins.sharers.add("UANA")
    section = entries_section(store, store.cohorts.get(1))
    assert "demain" in section.records()[0]["answers"]
    assert [section.name for section in cohort_history(store, "EIG7", STANDUP_SECTIONS)] == [
        "standup_schedule",
        "standup_entries",
        "standup_absences",
    ]

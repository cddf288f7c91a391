"""Check-in rounds through `schedules.engine.tick`: prompts, one reminder, missed check-ins flagged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.checkins.model import CheckinStatus
from handlers import ids
from tests.support.rituals import Rituals, text_of

# 2026-03-02 is a Monday; Paris is UTC+1 until 29 March.
TUESDAY_10H = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def rituals(workspace, clock):
    workspace.fake.add_user("UENG", name="eng", tz="Europe/London", locale="en-GB")
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    workspace.say("add eig7 <@UENG> as mentor")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    workspace.say("checkin eig7 every=1 day=tue time=10:00")
    return Rituals(workspace, clock)


def statuses(rituals: Rituals) -> dict:
    cohort_id = rituals.cohort_id("eig7")
    with rituals.ctx.uow() as uow:
        return {(c.mentor, c.round.isoformat()): (c.status, c.rating) for c in uow.checkins.all_of(cohort_id)}


def test_each_mentor_is_prompted_once_in_the_cohorts_language_whatever_their_slacks(rituals):
    assert rituals.lines(datetime(2026, 3, 3, 8, 59, tzinfo=UTC))["checkins"] == "checkins: nothing to do"
    assert rituals.lines(TUESDAY_10H)["checkins"] == "checkins: 2 prompts sent"
    assert rituals.lines(TUESDAY_10H)["checkins"] == "checkins: nothing to do"
    [french] = rituals.dms("UMENTOR")
    [english_slack] = rituals.dms("UENG")
    assert french["text"].startswith("C’est l’heure de votre point mentor pour *eig7*")
    assert english_slack["text"] == french["text"]
    button = english_slack["blocks"][0]["accessory"]
    assert (button["action_id"], button["value"]) == (ids.CHECKIN_OPEN, str(rituals.cohort_id("eig7")))
    assert statuses(rituals) == {
        ("UMENTOR", "2026-03-03"): (CheckinStatus.OPEN, None),
        ("UENG", "2026-03-03"): (CheckinStatus.OPEN, None),
    }


def test_one_reminder_to_those_who_have_not_answered(rituals):
    rituals.at(TUESDAY_10H)
    view = rituals.press_open("UMENTOR", rituals.cohort_id("eig7"))
    assert rituals.answer(view, "UMENTOR", "5", going_well="Tout") is None
    assert rituals.lines(datetime(2026, 3, 5, 8, 59, tzinfo=UTC))["checkins"] == "checkins: nothing to do"
    assert rituals.lines(datetime(2026, 3, 5, 9, 0, tzinfo=UTC))["checkins"] == "checkins: 1 reminders sent"
    assert rituals.lines(datetime(2026, 3, 6, 9, 0, tzinfo=UTC))["checkins"] == "checkins: nothing to do"
    assert rituals.texts("UENG")[-1].startswith(
        "Rappel\u00a0: votre point mentor pour *eig7* (tour du 3 mars 2026)"
    )
    assert len(rituals.dms("UMENTOR")) == 2  # the prompt and the thank-you, no reminder
    assert statuses(rituals)[("UMENTOR", "2026-03-03")] == (CheckinStatus.ANSWERED, 5)


def test_unanswered_at_the_next_round_is_missed_and_flagged_to_the_admins(rituals):
    rituals.at(TUESDAY_10H)
    report = rituals.lines(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))["checkins"]
    assert report == "checkins: 2 prompts sent, 1 missed notes sent"
    assert statuses(rituals)[("UENG", "2026-03-03")] == (CheckinStatus.MISSED, None)
    assert statuses(rituals)[("UENG", "2026-03-10")] == (CheckinStatus.OPEN, None)
    note = text_of(rituals.dms("UCOADMIN")[-1])
    assert note.startswith("Points mentors manqués dans *eig7*\u00a0:")
    assert "<@UENG>\u00a0: tour du 3 mars 2026" in note and "<@UMENTOR>" in note
    assert rituals.lines(datetime(2026, 3, 10, 9, 1, tzinfo=UTC))["checkins"] == "checkins: nothing to do"


def test_checkin_answered_late_goes_to_the_open_round(rituals):
    rituals.at(TUESDAY_10H)
    rituals.clock.set(datetime(2026, 3, 6, 15, 0, tzinfo=UTC))
    view, _ = rituals.checkin(user="UENG")
    assert rituals.answer(view, "UENG", "2", needs="Un sponsor") is None
    assert statuses(rituals)[("UENG", "2026-03-03")] == (CheckinStatus.ANSWERED, 2)


def test_a_round_on_a_holiday_moves_to_the_next_working_day(rituals, workspace):
    workspace.say("holiday eig7 2026-03-03")
    assert rituals.lines(TUESDAY_10H)["checkins"] == "checkins: nothing to do"
    assert rituals.lines(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))["checkins"] == "checkins: 2 prompts sent"
    assert set(statuses(rituals)) == {("UMENTOR", "2026-03-03"), ("UENG", "2026-03-03")}


def test_a_round_set_after_its_time_is_not_recorded_as_missed(rituals, workspace, clock):
    clock.set(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    workspace.say("checkin eig7 every=1 day=tue time=10:00")
    assert rituals.lines(clock.now())["checkins"] == "checkins: nothing to do"
    assert statuses(rituals) == {}


def test_a_round_never_sent_within_its_grace_is_missed_without_prompts(rituals):
    assert rituals.lines(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))["checkins"] == "checkins: nothing to do"
    assert rituals.dms("UMENTOR") == []
    assert statuses(rituals) == {}
    with rituals.ctx.uow() as uow:
        known = uow.schedule.known("checkin_prompt", [datetime(2026, 3, 3).date()])
    assert [o.status.value for o in known.values()] == ["missed"]


def test_no_round_once_off_or_archived(rituals, workspace):
    workspace.say("checkin eig7 off")
    assert rituals.lines(TUESDAY_10H)["checkins"] == "checkins: nothing to do"
    workspace.say("checkin eig7 every=1 day=tue time=10:00")
    workspace.say("archive eig7")
    assert rituals.lines(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))["checkins"] == "checkins: nothing to do"

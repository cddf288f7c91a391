"""Training reminders and feedback prompts, sent by `tick` through the scheduling core."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.features import tick_jobs
from domain.peer_help.skills import Skill
from domain.trainings.due import FEEDBACK, FEEDBACK_SUMMARY, REMINDER_1H, REMINDER_24H
from handlers import ids
from schedules.engine import tick
from schedules.trainings import JOBS
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings


@pytest.fixture
def trainings(ctx, fake_slack) -> Trainings:
    return Trainings(Workspace(ctx, fake_slack))


@pytest.fixture
def session(trainings):
    session_id = trainings.propose(user="UANA", capacity="2")  # Tuesday 10 March, 14:00 in Paris
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        trainings.click(ids.TRAINING_SIGNUP, session_id, user)
    return trainings.session(session_id)


def run(trainings, at) -> dict[str, dict[str, int]]:
    return {report.kind: report.counts for report in tick(trainings.ctx, at, JOBS)}


def texts(trainings, user: str, kind_words: str) -> list[str]:
    return [text for text in trainings.dms(user) if kind_words in text]


def test_the_jobs_are_registered():
    assert [job.kind for job in JOBS] == [REMINDER_24H, REMINDER_1H, FEEDBACK, FEEDBACK_SUMMARY]
    assert all(job in tick_jobs() for job in JOBS)


def test_the_day_before_attendees_and_facilitator_are_reminded_once(trainings, session):
    assert run(trainings, session.starts_at - timedelta(hours=24, minutes=1))[REMINDER_24H] == {}
    due = session.starts_at - timedelta(hours=24)
    assert run(trainings, due)[REMINDER_24H] == {"sent": 3}
    assert run(trainings, due)[REMINDER_24H] == {}
    assert run(trainings, due + timedelta(minutes=1))[REMINDER_24H] == {}
    assert len(texts(trainings, "UBEN", "Rappel")) == len(texts(trainings, "UCHLOE", "Rappel")) == 1
    assert texts(trainings, "UDAVID", "Rappel") == [], "the waitlist is not reminded"
    [facilitator] = texts(trainings, "UANA", "Rappel\u00a0: vous animez")
    assert "<!date^" in facilitator


def test_the_hour_before_reminder_and_a_late_tick_within_grace(trainings, session):
    assert run(trainings, session.starts_at - timedelta(minutes=40))[REMINDER_1H] == {"sent": 3}
    assert "commence bientôt" in texts(trainings, "UBEN", "commence bientôt")[0]


def test_a_reminder_past_its_grace_is_recorded_missed_and_never_sent(trainings, session):
    assert run(trainings, session.starts_at - timedelta(minutes=5))[REMINDER_1H] == {"missed": 3}
    assert texts(trainings, "UBEN", "commence bientôt") == []


def test_a_session_called_off_is_not_reminded(trainings, session):
    trainings.click(ids.TRAINING_CANCEL_SESSION, session.id, "UANA")
    assert run(trainings, session.starts_at - timedelta(hours=24))[REMINDER_24H] == {}


def test_after_the_end_attendees_are_asked_for_feedback_and_the_facilitator_told(trainings, session):
    end = session.ends_at
    assert run(trainings, end - timedelta(minutes=1))[FEEDBACK] == {}
    assert run(trainings, end)[FEEDBACK] == {"sent": 3}
    assert run(trainings, end + timedelta(minutes=1))[FEEDBACK] == {}
    [prompt] = [m for m in trainings.fake.messages("UBEN") if "Qu’en avez-vous pensé" in m.get("text", "")]
    [button] = [e for b in prompt["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert (button["action_id"], button["value"]) == (ids.TRAINING_FEEDBACK_OPEN, str(session.id))
    assert texts(trainings, "UANA", "toutes les réponses vous arriveront ensemble, sans les noms")
    assert texts(trainings, "UDAVID", "Qu’en avez-vous pensé") == []


def test_a_session_on_a_known_skill_credits_its_facilitator(trainings):
    with trainings.ctx.uow() as uow:
        uow.skills.ensure([Skill("pandas", "pandas")])
        uow.commit()
    session_id = trainings.propose(user="UANA")
    trainings.click(ids.TRAINING_SIGNUP, session_id, "UBEN")
    end = trainings.session(session_id).ends_at
    assert run(trainings, end)[FEEDBACK] == {"skills credited": 1, "sent": 2}
    assert run(trainings, end + timedelta(minutes=1))[FEEDBACK] == {}
    with trainings.ctx.uow() as uow:
        assert ("pandas", "training") in uow.skills.evidence_of("UANA")

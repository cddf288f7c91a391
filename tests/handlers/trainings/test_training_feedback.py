"""The feedback form after a session, and the summary the facilitator reads."""

from __future__ import annotations

import json

import pytest

from bot.standin.payloads import select
from handlers import ids
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings


@pytest.fixture
def trainings(ctx, fake_slack) -> Trainings:
    return Trainings(Workspace(ctx, fake_slack))


@pytest.fixture
def held(trainings):
    session_id = trainings.propose(user="UANA", capacity="2")
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        trainings.click(ids.TRAINING_SIGNUP, session_id, user)
    trainings.ctx.clock.set(trainings.session(session_id).ends_at)
    return session_id


def give(trainings, session_id, user, rating, comment=None):
    values = {
        "rating": select(str(rating)) if rating else {"type": "static_select", "selected_option": None},
        "comment": comment,
    }
    return trainings.submit(
        values, user=user, metadata={"session": session_id}, callback=ids.TRAINING_FEEDBACK
    )


def summary(trainings) -> str:
    [message] = [m for m in trainings.fake.messages("UANA") if m.get("text", "").startswith("Avis sur")]
    return json.dumps(message["blocks"], ensure_ascii=False)


def test_the_feedback_form_has_the_interface_ids(trainings, held):
    trainings.click(ids.TRAINING_FEEDBACK_OPEN, held, "UBEN", channel="DBEN")
    view = trainings.opened_view()
    assert view["callback_id"] == ids.TRAINING_FEEDBACK and json.loads(view["private_metadata"]) == {
        "session": held
    }
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert set(inputs) == set(ids.TRAINING_FEEDBACK_INPUTS) and inputs["comment"]["optional"]
    assert [o["value"] for o in inputs["rating"]["element"]["options"]] == ["1", "2", "3", "4", "5"]


def test_the_facilitator_gets_one_summary_kept_current(trainings, held):
    assert give(trainings, held, "UBEN", 5, "Très clair, merci") is None
    assert "1 réponse sur 2 participants" in summary(trainings) and "Moyenne\u00a0: 5,0 / 5" in summary(
        trainings
    )
    assert give(trainings, held, "UCHLOE", 3) is None
    shown = summary(trainings)
    assert "2 réponses sur 2 participants" in shown and "Moyenne\u00a0: 4,0 / 5" in shown
    assert "> Très clair, merci" in shown and "UBEN" not in shown, (
        "feedback reaches the facilitator without names"
    )
    assert trainings.fake.count("chat.update") >= 1
    with trainings.ctx.uow() as uow:
        assert [(f.user_id, f.rating) for f in uow.trainings.feedback([held])] == [("UBEN", 5), ("UCHLOE", 3)]


def test_only_attendees_after_the_end_and_a_rating_is_needed(trainings, held):
    assert set(give(trainings, held, "UBEN", None)["errors"]) == {"rating"}
    assert "inscrites" in give(trainings, held, "UDAVID", 4)["errors"]["rating"]
    trainings.ctx.clock.advance(hours=-1)
    assert "pas encore terminée" in give(trainings, held, "UBEN", 4)["errors"]["rating"]
    answer = trainings.click(ids.TRAINING_FEEDBACK_OPEN, held, "UBEN", channel="DBEN")
    assert "pas encore terminée" in answer["text"]
    with trainings.ctx.uow() as uow:
        assert uow.trainings.feedback([held]) == []

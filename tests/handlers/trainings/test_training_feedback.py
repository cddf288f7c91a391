"""The feedback form after a session, and the summary the facilitator reads once feedback closes."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.features import tick_jobs
from bot.standin.payloads import select
from domain.trainings.due import FEEDBACK_OPEN
from handlers import ids
from schedules.engine import tick
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


def summaries(trainings) -> list[str]:
    found = [m for m in trainings.fake.messages("UANA") if m.get("text", "").startswith("Avis sur")]
    return [json.dumps(message["blocks"], ensure_ascii=False) for message in found]


def tick_at(trainings, when) -> None:
    trainings.ctx.clock.set(when)
    jobs = [job for job in tick_jobs() if getattr(job, "kind", "").startswith("training_feedback")]
    tick(trainings.ctx, when, jobs)


def test_the_feedback_form_has_the_interface_ids(trainings, held):
    trainings.click(ids.TRAINING_FEEDBACK_OPEN, held, "UBEN", channel="DBEN")
    view = trainings.opened_view()
    assert view["callback_id"] == ids.TRAINING_FEEDBACK and json.loads(view["private_metadata"]) == {
        "session": held
    }
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert set(inputs) == set(ids.TRAINING_FEEDBACK_INPUTS) and inputs["comment"]["optional"]
    assert [o["value"] for o in inputs["rating"]["element"]["options"]] == ["1", "2", "3", "4", "5"]


def test_the_facilitator_reads_every_answer_at_once_when_feedback_closes(trainings, held):
    ends = trainings.session(held).ends_at
    assert give(trainings, held, "UBEN", 2, "Trop rapide") is None
    assert give(trainings, held, "UBEN", 5, "Très clair, merci") is None  # changed: the last one counts
    thanks = trainings.dms("UBEN")[-1]
    assert thanks.startswith("Merci\u00a0: votre avis sur *Pandas pour les débutants* est enregistré.")
    assert "sans les noms" in thanks and "<!date^" in thanks
    tick_at(trainings, ends + timedelta(hours=1))
    assert give(trainings, held, "UCHLOE", 3) is None
    tick_at(trainings, ends + FEEDBACK_OPEN - timedelta(minutes=1))
    # Nothing reaches the facilitator while answers come in: no answer can be told by its moment.
    assert summaries(trainings) == []
    assert {call.params["channel"] for call in trainings.fake.calls("chat.update")} <= {"C100"}
    tick_at(trainings, ends + FEEDBACK_OPEN)
    tick_at(trainings, ends + FEEDBACK_OPEN + timedelta(minutes=5))
    [shown] = summaries(trainings)
    assert "2 réponses sur 2 participants" in shown and "Moyenne\u00a0: 4,0 / 5" in shown
    assert "> Très clair, merci" in shown and "Trop rapide" not in shown
    assert "UBEN" not in shown and "UCHLOE" not in shown, "feedback reaches the facilitator without names"
    assert all("Avis sur" not in text for user in ("UBEN", "UCHLOE") for text in trainings.dms(user))


def test_feedback_closes_two_days_after_the_end(trainings, held):
    assert give(trainings, held, "UBEN", 4) is None
    trainings.ctx.clock.set(trainings.session(held).ends_at + FEEDBACK_OPEN)
    refused = give(trainings, held, "UCHLOE", 5)["errors"]["rating"]
    assert refused.startswith("Les avis sur cette session sont clos")
    assert give(trainings, held, "UBEN", 1)["errors"]["rating"] == refused
    answer = trainings.click(ids.TRAINING_FEEDBACK_OPEN, held, "UCHLOE", channel="DCHLOE")
    assert answer["text"] == refused
    with trainings.ctx.uow() as uow:
        assert [(f.user_id, f.rating) for f in uow.trainings.feedback([held])] == [("UBEN", 4)]


def test_nobody_answered_is_said_to_the_facilitator(trainings, held):
    tick_at(trainings, trainings.session(held).ends_at + FEEDBACK_OPEN)
    [shown] = summaries(trainings)
    assert "0 réponse sur 2 participants" in shown and "Personne n’a donné son avis." in shown


def test_only_attendees_after_the_end_and_a_rating_is_needed(trainings, held):
    assert set(give(trainings, held, "UBEN", None)["errors"]) == {"rating"}
    assert "inscrites" in give(trainings, held, "UDAVID", 4)["errors"]["rating"]
    trainings.ctx.clock.advance(hours=-1)
    assert "pas encore terminée" in give(trainings, held, "UBEN", 4)["errors"]["rating"]
    answer = trainings.click(ids.TRAINING_FEEDBACK_OPEN, held, "UBEN", channel="DBEN")
    assert "pas encore terminée" in answer["text"]
    with trainings.ctx.uow() as uow:
        assert uow.trainings.feedback([held]) == []


def test_an_erased_attendee_leaves_the_facilitators_summary_with_the_others_words_whole(trainings, held):
    assert give(trainings, held, "UBEN", 5, "Très clair, merci") is None
    assert give(trainings, held, "UCHLOE", 2, "Trop rapide") is None
    tick_at(trainings, trainings.session(held).ends_at + FEEDBACK_OPEN)
    [sent] = [m for m in trainings.fake.messages("UANA") if m.get("text", "").startswith("Avis sur")]
    updates = trainings.fake.count("chat.update")
    reply = trainings.ws.say("forget <@UBEN>", user="UADMIN")
    assert "<@UBEN>" in reply
    [redrawn] = [c for c in trainings.fake.calls("chat.update")[updates:] if c.params["ts"] == sent["ts"]]
    shown = json.dumps(redrawn.params["blocks"], ensure_ascii=False)
    assert "Très clair" not in shown and "> Trop rapide" in shown, "only the erased person's words go"
    assert (
        "2 réponses sur 2 participants" in shown and "Moyenne\u00a0: 3,5 / 5" in shown
    )  # figures still add up
    [now] = [m for m in trainings.fake.messages("UANA") if m.get("ts") == sent["ts"]]
    assert "Très clair" not in json.dumps(now, ensure_ascii=False)

"""The sign-up buttons: seats, the waitlist, the invitation file, and the announcement kept current."""

from __future__ import annotations

import json

import pytest

from handlers import ids
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings, proposal


@pytest.fixture
def trainings(ctx, fake_slack) -> Trainings:
    return Trainings(Workspace(ctx, fake_slack))


@pytest.fixture
def session_id(trainings):
    return trainings.propose(capacity="2")


def seats_line(trainings, session_id) -> str:
    blocks = trainings.announcement(session_id)["blocks"]
    return next(b for b in blocks if b["type"] == "context")["elements"][0]["text"]


def test_a_seat_is_confirmed_with_a_calendar_invitation_in_a_dm(trainings, session_id):
    answer = trainings.click(ids.TRAINING_SIGNUP, session_id, "UBEN")
    assert answer["response_type"] == "ephemeral" and "Vous avez une place" in answer["text"]
    assert seats_line(trainings, session_id) == "*1 place restante*"
    [invite] = trainings.files("UBEN")
    content = invite["content"].decode()
    assert invite["name"] == f"training-{session_id}.ics"
    assert "DTSTART;TZID=Europe/Paris:20260310T140000" in content and "TZID:Europe/Paris" in content
    assert f"UID:training-{session_id}@cohortbot" in content and "METHOD:PUBLISH" in content
    assert "Votre place à *Pandas pour les débutants* est confirmée" in trainings.dms("UBEN")[-1]


def test_a_known_dm_gets_the_file_with_its_message_in_three_calls(trainings, session_id):
    trainings.click(ids.TRAINING_SIGNUP, session_id, "UBEN")
    other = trainings.propose(user="UANA", title="SQL")
    before = trainings.fake.count("chat.postMessage")
    trainings.click(ids.TRAINING_SIGNUP, other, "UBEN")
    assert trainings.fake.count("chat.postMessage") == before  # the DM channel was kept
    assert trainings.files("UBEN")[-1]["initial_comment"].startswith("Votre place à *SQL*")


def test_beyond_the_capacity_people_wait_and_are_told_their_place(trainings, session_id):
    for user in ("UBEN", "UCHLOE"):
        trainings.click(ids.TRAINING_SIGNUP, session_id, user)
    answer = trainings.click(ids.TRAINING_SIGNUP, session_id, "UDAVID")
    assert "liste d’attente" in answer["text"] and "position 1" in answer["text"]
    assert trainings.files("UDAVID") == []
    assert seats_line(trainings, session_id) == "*Complet · 1 personne en liste d’attente*"


def test_three_clicks_count_once(trainings, session_id):
    answers = [trainings.click(ids.TRAINING_SIGNUP, session_id, "UBEN")["text"] for _ in range(3)]
    assert answers[1] == answers[2] == "Vous avez déjà une place à *Pandas pour les débutants*."
    assert trainings.signups(session_id) == {"UBEN": "confirmed"}
    assert trainings.session(session_id).seats_taken == 1
    assert len(trainings.files("UBEN")) == 1


def test_a_cancellation_promotes_the_first_in_line_who_gets_a_dm(trainings, session_id):
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        trainings.click(ids.TRAINING_SIGNUP, session_id, user)
    answer = trainings.click(ids.TRAINING_CANCEL, session_id, "UBEN")
    assert answer["text"] == "Votre inscription à *Pandas pour les débutants* est annulée."
    assert trainings.signups(session_id) == {
        "UBEN": "cancelled",
        "UCHLOE": "confirmed",
        "UDAVID": "confirmed",
    }
    assert "Une place s’est libérée" in trainings.dms("UDAVID")[-1]
    assert len(trainings.files("UDAVID")) == 1
    assert seats_line(trainings, session_id) == "*Complet*"


def test_the_facilitator_cannot_sign_up(trainings, session_id):
    answer = trainings.click(ids.TRAINING_SIGNUP, session_id, "UANA")
    assert answer["text"] == "Vous animez cette session\u00a0: vous ne pouvez pas vous y inscrire."
    assert trainings.signups(session_id) == {}


def test_sign_ups_close_at_the_start(trainings, session_id):
    trainings.ctx.clock.set(trainings.session(session_id).starts_at)
    answer = trainings.click(ids.TRAINING_SIGNUP, session_id, "UBEN")
    assert "closes" in answer["text"]
    assert trainings.signups(session_id) == {}


def test_someone_outside_the_cohort_is_refused(trainings, session_id):
    answer = trainings.click(ids.TRAINING_SIGNUP, session_id, "USTRANGER")
    assert answer["text"].startswith("Réservé aux membres de cette cohorte")


def test_an_english_cohort_reads_english(trainings):
    for user in ("UEMMA", "UFRED"):
        trainings.fake.add_user(user, tz="Africa/Dakar", locale="en-GB")
    trainings.ws.say("create promo-en <#C200> lang=en tz=Africa/Dakar")
    trainings.ws.say("add promo-en <@UEMMA> <@UFRED>")
    trainings.command("propose", user="UEMMA", channel="C200")
    view = trainings.opened_view()
    assert view["submit"]["text"] == "Propose the session"
    assert trainings.submit(proposal(), user="UEMMA", metadata=json.loads(view["private_metadata"])) is None
    with trainings.ctx.uow() as uow:
        [session] = uow.trainings.involving("UEMMA", trainings.ctx.clock.now())
    assert session.starts_at.isoformat() == "2026-03-10T14:00:00+00:00"  # 14:00 in Dakar
    answer = trainings.click(ids.TRAINING_SIGNUP, session.id, "UFRED", channel="C200")
    assert answer["text"].startswith("You have a seat at")
    assert "TZID=Africa/Dakar:20260310T140000" in trainings.files("UFRED")[-1]["content"].decode()
    assert "1 seat left" in json.dumps(trainings.announcement(session.id)["blocks"])

"""Approval, lists, changes and calling off, through the real Bolt app."""

from __future__ import annotations

import json

import pytest

from handlers import ids
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings, proposal


@pytest.fixture
def trainings(ctx, fake_slack) -> Trainings:
    return Trainings(Workspace(ctx, fake_slack))


def buttons(message: dict) -> list[tuple[str, str]]:
    return [
        (e["action_id"], e.get("value"))
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def test_the_approval_setting_is_a_cohort_sub_command(trainings):
    assert "après accord" not in trainings.ws.say("trainings eig7")
    assert "une fois approuvées" in trainings.ws.say("trainings eig7 approval=on", user="UCOADMIN")
    assert trainings.ws.say("trainings eig7 approval=off", user="UANA").startswith("Réservé")
    assert "approval=on|off" in trainings.ws.say("trainings eig7 approval=peut-être")
    assert "/cohort trainings eig7 approval=on" in trainings.ws.say("help")


def test_with_approval_on_the_admins_decide_before_the_announcement(trainings):
    trainings.ws.say("trainings eig7 approval=on")
    session_id = trainings.propose(user="UANA")
    assert trainings.session(session_id).announce_ts is None
    assert "attend l’accord des admins" in trainings.dms("UANA")[-1]
    [request] = [m for m in trainings.fake.messages("UCOADMIN") if buttons(m)]
    assert buttons(request) == [
        (ids.TRAINING_APPROVE, str(session_id)),
        (ids.TRAINING_REJECT, str(session_id)),
    ]
    assert trainings.click(ids.TRAINING_APPROVE, session_id, "UBEN")["text"].startswith("Réservé")
    answer = trainings.click(ids.TRAINING_APPROVE, session_id, "UCOADMIN", channel="DCOADMIN")
    assert answer["replace_original"] is True and "approuvée par <@UCOADMIN>" in answer["text"]
    assert trainings.announcement(session_id)["text"].startswith("Nouvelle formation entre pairs")
    assert "a été approuvée" in trainings.dms("UANA")[-1]
    again = trainings.click(ids.TRAINING_REJECT, session_id, "UADMIN", channel="DADMIN")
    assert again["text"] == "Cette session a déjà été approuvée et annoncée."


def test_a_session_turned_down_is_never_announced(trainings):
    trainings.ws.say("trainings eig7 approval=on")
    session_id = trainings.propose(user="UANA")
    trainings.click(ids.TRAINING_REJECT, session_id, "UCOADMIN", channel="DCOADMIN")
    assert (
        trainings.session(session_id).status.value == "rejected"
        and trainings.session(session_id).announce_ts is None
    )
    assert "a été refusée" in trainings.dms("UANA")[-1]


def test_the_list_shows_seats_left_and_sign_up_buttons(trainings):
    first = trainings.propose(user="UANA", capacity="1", day="2026-03-12")
    second = trainings.propose(user="UBEN", title="SQL", day="2026-03-11")
    trainings.click(ids.TRAINING_SIGNUP, first, "UCHLOE")
    answer = trainings.command("", user="UDAVID")
    assert answer["response_type"] == "ephemeral"
    shown = json.dumps(answer["blocks"], ensure_ascii=False)
    assert shown.index("SQL") < shown.index("Pandas") and "Complet" in shown and "2 places restantes" in shown
    # Each reader gets the one button that fits: sign up, or join the waitlist of a full session.
    assert buttons(answer) == [(ids.TRAINING_SIGNUP, str(second)), (ids.TRAINING_SIGNUP, str(first))]
    assert "Rejoindre la liste d’attente" in shown and "Annuler" not in shown
    seated = json.dumps(trainings.command("", user="UCHLOE")["blocks"], ensure_ascii=False)
    assert "Annuler mon inscription" in seated and "Rejoindre" not in seated
    admin_view = trainings.command("", user="UCOADMIN")
    assert (ids.TRAINING_EDIT, str(first)) in buttons(admin_view)


def test_mine_shows_my_seats_my_place_in_line_and_my_sessions(trainings):
    mine = trainings.propose(user="UANA")
    theirs = trainings.propose(user="UBEN", title="SQL", capacity="1")
    trainings.click(ids.TRAINING_SIGNUP, theirs, "UCHLOE")
    trainings.click(ids.TRAINING_SIGNUP, theirs, "UANA")
    shown = json.dumps(trainings.command("mine", user="UANA")["blocks"], ensure_ascii=False)
    assert "vous animez cette session" in shown and "vous êtes en position 1 sur la liste d’attente" in shown
    assert "Quitter la liste d’attente" in shown and "M’inscrire" not in shown
    assert (ids.TRAINING_EDIT, str(mine)) in buttons(trainings.command("mine", user="UANA"))
    assert "aucune formation entre pairs à venir" in trainings.command("mine", user="UDAVID")["text"]
    assert "Utilisation" in trainings.command("demain")["text"]


@pytest.fixture
def full_session(trainings):
    session_id = trainings.propose(user="UANA", capacity="2")
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        trainings.click(ids.TRAINING_SIGNUP, session_id, user)
    return session_id


def test_the_facilitator_changes_the_time_and_attendees_get_an_update(trainings, full_session):
    trainings.click(ids.TRAINING_EDIT, full_session, "UANA")
    view = trainings.opened_view()
    inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert (
        inputs["starts_at"]["initial_date"] == "2026-03-10"
        and inputs[ids.TRAINING_STARTS_AT_TIME]["initial_time"] == "14:00"
    )
    metadata = json.loads(view["private_metadata"])
    assert trainings.submit(proposal(time="16:30"), user="UANA", metadata=metadata) is None
    assert trainings.session(full_session).sequence == 1
    for user in ("UBEN", "UCHLOE"):
        content = trainings.files(user)[-1]["content"].decode()
        assert "SEQUENCE:1" in content and "DTSTART;TZID=Europe/Paris:20260310T163000" in content
        assert "a changé" in trainings.files(user)[-1]["initial_comment"]
    assert "a changé" in trainings.dms("UDAVID")[-1] and trainings.files("UDAVID") == []
    assert "sont enregistrées" in trainings.dms("UANA")[-1]
    announced = json.dumps(trainings.announcement(full_session)["blocks"], ensure_ascii=False)
    assert "10 mars 2026, 16\u00a0h\u00a030 heure de Paris>" in announced


def test_more_seats_let_the_waitlist_in_fewer_than_taken_are_refused(trainings, full_session):
    trainings.click(ids.TRAINING_EDIT, full_session, "UCOADMIN")
    metadata = json.loads(trainings.opened_view()["private_metadata"])
    refused = trainings.submit(proposal(capacity="1"), user="UCOADMIN", metadata=metadata)
    assert refused["errors"] == {
        "capacity": "2 personnes ont déjà une place\u00a0: gardez au moins 2 places."
    }
    assert trainings.submit(proposal(capacity="3"), user="UCOADMIN", metadata=metadata) is None
    assert trainings.signups(full_session)["UDAVID"] == "confirmed"
    assert "Une place s’est libérée" in trainings.dms("UDAVID")[-1] and len(trainings.files("UDAVID")) == 1
    assert len(trainings.files("UBEN")) == 1, "only the seats changed: no new invitation"


def test_only_the_facilitator_or_an_admin_may_change_it(trainings, full_session):
    assert trainings.click(ids.TRAINING_EDIT, full_session, "UBEN")["text"].startswith("Seuls l’animateur")
    metadata = {"session": full_session}
    assert set(trainings.submit(proposal(), user="UBEN", metadata=metadata)["errors"]) == {"title"}


def test_calling_off_tells_everyone_and_cancels_the_calendar_event(trainings, full_session):
    answer = trainings.click(ids.TRAINING_CANCEL_SESSION, full_session, "UANA")
    assert "toutes les personnes inscrites ont été prévenues" in answer["text"]
    for user in ("UBEN", "UCHLOE"):
        content = trainings.files(user)[-1]["content"].decode()
        assert "METHOD:CANCEL" in content and "STATUS:CANCELLED" in content and "SEQUENCE:1" in content
    assert "est annulée" in trainings.dms("UDAVID")[-1]
    message = trainings.announcement(full_session)
    assert buttons(message) == [] and "~Pandas pour les débutants~" in json.dumps(
        message["blocks"], ensure_ascii=False
    )
    assert trainings.click(ids.TRAINING_SIGNUP, full_session, "UCOADMIN")["text"].startswith("Cette session")


def test_someone_who_cannot_be_reached_is_named_and_the_others_still_told(trainings, full_session):
    trainings.fake.fail_next("files.completeUploadExternal", error="channel_not_found")  # UBEN's, the first
    answer = trainings.click(ids.TRAINING_CANCEL_SESSION, full_session, "UCOADMIN")
    assert "Je n’ai pas pu joindre <@UBEN>" in answer["text"]
    assert "METHOD:CANCEL" in trainings.files("UCHLOE")[-1]["content"].decode()
    assert "est annulée" in trainings.dms("UANA")[-1], "the facilitator hears it from the admin's action"

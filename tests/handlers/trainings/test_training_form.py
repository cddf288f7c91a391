"""`/training propose`: the form, its field errors, and what an accepted proposal does."""

from __future__ import annotations

import json

import pytest

from handlers import ids
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings, proposal


@pytest.fixture
def trainings(ctx, fake_slack) -> Trainings:
    return Trainings(Workspace(ctx, fake_slack))


def test_the_form_has_the_interface_ids_and_the_cohort_zone(trainings):
    assert trainings.command("propose") is None
    view = trainings.opened_view()
    assert view["callback_id"] == ids.TRAINING_PROPOSE
    inputs = {block["block_id"]: block["element"] for block in view["blocks"] if block["type"] == "input"}
    assert set(ids.TRAINING_INPUTS) <= set(inputs)
    assert {element["action_id"] for element in inputs.values()} == {ids.VALUE}
    assert inputs[ids.TRAINING_STARTS_AT_TIME]["timezone"] == "Europe/Paris"
    assert inputs["capacity"]["type"] == "number_input" and inputs["capacity"]["min_value"] == "1"
    assert json.loads(view["private_metadata"]) == {"cohorts": [trainings.cohort().id]}


@pytest.mark.parametrize(
    ("fields", "blocks"),
    [
        ({"day": "2026-03-01"}, {"starts_at"}),  # the day before the clock's
        ({"day": "2026-03-02", "time": "07:59"}, {"starts_at"}),  # 06:59 UTC, a minute ago
        ({"capacity": "0"}, {"capacity"}),
        ({"capacity": "501"}, {"capacity"}),
        ({"title": " ", "location": "", "description": ""}, {"title", "location", "description"}),
        ({"time": None}, {ids.TRAINING_STARTS_AT_TIME}),
        ({"day": None, "duration": "5"}, {"starts_at", "duration"}),
    ],
)
def test_mistakes_are_answered_beside_their_fields_with_nothing_saved(trainings, fields, blocks):
    before = trainings.fake.count()
    answer = trainings.submit(proposal(**fields))
    assert answer["response_action"] == "errors" and set(answer["errors"]) == blocks
    assert trainings.fake.count() == before, "no Web API call for a refused form"
    with trainings.ctx.uow() as uow:
        assert uow.trainings.of_cohort(trainings.cohort().id) == []


def test_errors_are_in_french_for_a_french_cohort(trainings):
    answer = trainings.submit(proposal(capacity="0"))
    assert answer["errors"]["capacity"] == "Le nombre de places est un nombre entier entre 1 et 500."


def test_an_accepted_proposal_is_announced_in_the_cohort_channel(trainings):
    session_id = trainings.propose(capacity="2", time="14:00", location="https://visio.example.org/pandas")
    session = trainings.session(session_id)
    assert session.starts_at.isoformat() == "2026-03-10T13:00:00+00:00"  # 14:00 in Paris
    message = trainings.announcement(session_id)
    assert message["ts"] == session.announce_ts and session.announce_channel == "C100"
    shown = json.dumps(message["blocks"], ensure_ascii=False)
    assert (
        f"<!date^{int(session.starts_at.timestamp())}^" in shown
        and "10 mars 2026, 14\u00a0h heure de Paris" in shown
    )
    assert (
        "<@UANA>" in shown and "<https://visio.example.org/pandas>" in shown and "2 places restantes" in shown
    )
    buttons = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"]) for b in buttons] == [
        (ids.TRAINING_SIGNUP, str(session_id)),
        (ids.TRAINING_CANCEL, str(session_id)),
    ]
    assert "est annoncée dans <#C100>" in trainings.dms("UANA")[-1]


def test_a_datetimepicker_start_is_accepted_too(trainings):
    values = proposal()
    values["starts_at"] = {"type": "datetimepicker", "selected_date_time": 1773147600}
    del values[ids.TRAINING_STARTS_AT_TIME]
    assert trainings.submit(values) is None
    with trainings.ctx.uow() as uow:
        [session] = uow.trainings.of_cohort(trainings.cohort().id)
    assert session.starts_at.isoformat() == "2026-03-10T13:00:00+00:00"


def test_someone_in_two_cohorts_picks_one_outside_their_channels(trainings):
    trainings.ws.say("create eig8 <#C200>")
    trainings.ws.say("add eig8 <@UANA>")
    trainings.command("propose", channel="D999")
    view = trainings.opened_view()
    assert view["blocks"][0]["block_id"] == ids.TRAINING_COHORT
    metadata = json.loads(view["private_metadata"])
    assert set(trainings.submit(proposal(), metadata=metadata)["errors"]) == {ids.TRAINING_COHORT}
    trainings.command("propose", channel="C200")
    assert trainings.opened_view()["blocks"][0]["block_id"] == "title"


def test_a_channel_that_refuses_the_bot_is_named_to_the_proposer(trainings):
    trainings.fake.add_channel("C100", name="eig7", is_private=True, is_member=False)
    session_id = trainings.propose()
    assert trainings.session(session_id).announce_ts is None
    assert "invitez-moi" in trainings.dms("UANA")[-1]


def test_a_stranger_cannot_propose(trainings):
    answer = trainings.command("propose", user="USTRANGER")
    assert "membre d’aucune cohorte" in answer["text"]
    assert trainings.fake.count("views.open") == 0


@pytest.mark.parametrize(
    ("typed", "start"),
    [
        ("2026-03-10 14:00", "2026-03-10T13:00:00+00:00"),
        ("2026-03-10T14:00:00+00:00", "2026-03-10T14:00:00+00:00"),
    ],
)
def test_a_start_typed_as_text_is_read_in_the_cohort_zone(trainings, typed, start):
    values = proposal()
    values["starts_at"] = typed
    del values[ids.TRAINING_STARTS_AT_TIME]
    assert trainings.submit(values) is None
    with trainings.ctx.uow() as uow:
        [session] = uow.trainings.of_cohort(trainings.cohort().id)
    assert session.starts_at.isoformat() == start
    assert set(trainings.submit({**values, "starts_at": "mardi"})["errors"]) == {"starts_at"}


def test_a_video_link_stays_one_link_and_anything_around_it_is_text(trainings):
    tricky = trainings.propose(location="https://visio.example.org/?room=1&pin=<2>|x")
    shown = json.dumps(trainings.announcement(tricky)["blocks"], ensure_ascii=False)
    assert "<https://visio.example.org/?room=1&amp;pin=%3C2%3E%7Cx>" in shown
    spaced = trainings.propose(location="https://visio.example.org/a <!channel> & co")
    shown = json.dumps(trainings.announcement(spaced)["blocks"], ensure_ascii=False)
    assert "https://visio.example.org/a &lt;!channel&gt; &amp; co" in shown and "<!channel>" not in shown


@pytest.mark.parametrize(
    ("starts_at", "told"),
    [
        (
            {"type": "datepicker", "selected_date": "9999-12-31"},
            "Choisissez un moment dans l’année qui vient.",
        ),
        (
            {"type": "datepicker", "selected_date": "2027-03-03"},
            "Choisissez un moment dans l’année qui vient.",
        ),
        ({"type": "datetimepicker", "selected_date_time": 253402300799}, "dans l’année qui vient"),
        ({"type": "datetimepicker", "selected_date_time": 10**20}, "Choisissez la date et l’heure"),
        ({"type": "datetimepicker", "selected_date_time": "1e20"}, "Choisissez la date et l’heure"),
        ({"type": "datetimepicker", "selected_date_time": -5}, "Choisissez la date et l’heure"),
        ({"type": "plain_text_input", "value": "9999-12-31T23:59:59-12:00"}, "Choisissez la date et l’heure"),
    ],
)
def test_a_start_that_cannot_be_shown_is_refused_at_the_form(trainings, starts_at, told):
    values = {**proposal(), "starts_at": starts_at}
    if starts_at["type"] != "datepicker":
        del values[ids.TRAINING_STARTS_AT_TIME]
    answer = trainings.submit(values)
    assert answer["response_action"] == "errors" and told in answer["errors"]["starts_at"]
    with trainings.ctx.uow() as uow:
        assert uow.trainings.of_cohort(trainings.cohort().id) == []


def test_a_session_starts_before_the_cohorts_end(trainings):
    trainings.ws.say("create eig9 <#C200> end=2026-06-30")
    trainings.ws.say("add eig9 <@UANA>")
    with trainings.ctx.uow() as uow:
        eig9 = {"cohorts": [uow.cohorts.by_name("eig9").id]}
    answer = trainings.submit(proposal(day="2026-07-01"), metadata=eig9)
    assert answer["errors"] == {
        "starts_at": "La cohorte se termine le 2026-06-30\u00a0: choisissez un moment avant sa fin."
    }
    assert trainings.submit(proposal(day="2026-06-30"), metadata=eig9) is None


def test_a_start_a_year_ahead_is_accepted_and_the_next_day_is_not(trainings):
    assert trainings.submit(proposal(day="2027-03-01", time="08:00")) is None  # 07:00 UTC: within a year
    assert "starts_at" in trainings.submit(proposal(day="2027-03-02"))["errors"]

"""Every button and form that names something of a cohort (a request, a session, a stand-up, a cohort)
is checked against the person who sent it.

eig7 (French) holds a help request, training sessions, an open stand-up and a mentor. People who do
not belong to it (a fellow, a mentor and an admin of eig8, someone in no cohort, a fellow removed from
eig7) send each of its ids in signed requests through the real HTTP server. Each is told one sentence
in their own language (English here), nothing is stored, nobody else hears of it, and the answer
names nothing of eig7.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, block_action, dispatch, view_submission
from bot.standin.payloads import select as picked
from bot.standin.signing import interaction_body, post, sign
from domain.checkins.answers import NOT_A_MENTOR, NOT_MENTOR_HERE
from domain.cohorts.permissions import NOT_MANAGER
from domain.peer_help.lifecycle import NOT_A_HELPER, NOT_IN_COHORT, NOT_YOUR_COHORT, NOT_YOURS
from domain.standups.answers import NOT_A_FELLOW
from domain.trainings.access import NOT_FACILITATOR
from domain.trainings.access import NOT_IN_COHORT as NOT_IN_TRAINING_COHORT
from domain.trainings.feedback import NOT_AN_ATTENDEE
from handlers import ids
from handlers.blocks.checkins.messages import checkin_metadata
from handlers.blocks.peer_help.request import ORIGIN_STANDUP, blocker_value, help_metadata
from handlers.blocks.standups.form import answer_metadata, standup_value
from handlers.i18n import gettext
from storage.db import database_answers
from storage.models import Base
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import proposal

SECRET = "forged-ids-secret"
DAY = date(2026, 3, 2)
TITLE = "Revue de code Airflow"
# Another cohort's fellow, mentor and admin; someone in no cohort; a fellow removed from eig7.
INTRUDERS = ("UOTHER", "UOTHERMENTOR", "UOTHERADMIN", "UOUT", "UGONE")
# What a refusal must never repeat: who asked, where, what, and the cohort's name.
SECRETS = ("UANA", "UCHLOE", "C100", "eig7", TITLE, "Pandas", "Airflow")
# Kept whatever happens: the replay keys of signed requests, and the cached DM channel of whoever is told.
NOT_STATE = {"processed_event", "direct_channel"}


@dataclass
class World:
    ws: Workspace
    cohort: int
    request: int
    ended: int  # a session UCHLOE attended, over
    pending: int  # a session waiting for approval
    announced: int  # a session open for sign-up, UCHLOE seated


def _click(ws: Workspace, action_id: str, value: str, user: str) -> None:
    dispatch(
        ws.app,
        block_action(
            action_id,
            value,
            user_id=user,
            channel_id="C100",
            response_url=ws.fake.new_response_url(),
            trigger_id=ws.fake.new_trigger_id(),
        ),
    )


def _propose(ws: Workspace, day: str, time: str, title: str) -> int:
    with ws.ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7").id
    payload = view_submission(
        ids.TRAINING_PROPOSE,
        proposal(title=title, day=day, time=time),
        user_id="UBEN",
        private_metadata=json.dumps({"cohorts": [cohort]}),
    )
    assert dispatch(ws.app, payload).body == ""
    with ws.ctx.uow() as uow:
        return max(s.id for s in uow.trainings.of_cohort(cohort))


@pytest.fixture
def world(ctx, fake_slack) -> World:
    ws = Workspace(ctx, fake_slack)
    for user_id in INTRUDERS:
        fake_slack.add_user(user_id, name=user_id[1:].lower(), tz="America/New_York", locale="en-US")
    ws.say("create eig7 <#C100>")
    ws.say("create eig8 <#C200> lang=en")
    ws.say("add eig7 <@UANA> <@UBEN> <@UCHLOE> <@UGONE> challenge=donnees")
    ws.say("add eig7 <@UMENTOR> as mentor")
    ws.say("add eig7 <@UCOADMIN> as admin")
    ws.say("add eig8 <@UOTHER>")
    ws.say("add eig8 <@UOTHERMENTOR> as mentor")
    ws.say("add eig8 <@UOTHERADMIN> as admin")
    ws.say("standup eig7 time=09:00")
    ws.say("standup eig8 time=09:00")
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7").id
    # UANA asks for help.
    ask = view_submission(
        ids.HELP_REQUEST,
        {ids.HELP_TITLE: TITLE, ids.HELP_DETAILS: "Le DAG ne démarre pas", ids.HELP_SKILLS: "python"},
        user_id="UANA",
        private_metadata=help_metadata(cohort),
    )
    assert dispatch(ws.app, ask).body == ""
    with ctx.uow() as uow:
        [request] = uow.help.of_cohort(cohort)
    # UBEN proposes three sessions; UCHLOE takes a seat in two; the third waits for approval.
    ended = _propose(ws, "2026-03-02", "09:00", "Pandas ce matin")
    announced = _propose(ws, "2026-03-10", "14:00", "Pandas avancé")
    for session in (ended, announced):
        _click(ws, ids.TRAINING_SIGNUP, str(session), "UCHLOE")
    ws.say("trainings eig7 approval=on")
    pending = _propose(ws, "2026-03-11", "14:00", "Pandas en attente")
    ws.say("remove eig7 <@UGONE>")
    ctx.clock.advance(hours=4)  # 12:00 in Paris: the stand-up is open, the morning session is over
    with ctx.uow() as uow:
        assert {s.id: s.status.value for s in uow.trainings.of_cohort(cohort)} == {
            ended: "announced",
            announced: "announced",
            pending: "pending",
        }
        assert [s.user_id for s in uow.trainings.signups([ended, announced])] == ["UCHLOE", "UCHLOE"]
    return World(ws, cohort, request.id, ended, pending, announced)


@pytest.fixture
def events_url(ctx, engine):
    app = create_app(ctx, signing_secret=SECRET, listener_executor=InlineExecutor())
    application = wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET)
    server = make_server(application, "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    server.close()


def stored(engine) -> dict[str, list]:
    """Every row of every table that holds what people did."""
    with engine.connect() as connection:
        return {
            table.name: sorted(map(repr, connection.execute(select(table))))
            for table in Base.metadata.sorted_tables
            if table.name not in NOT_STATE
        }


def _button(action_id: str, value: Callable[[World], str]) -> Callable[[World, str, str], dict]:
    def payload(w: World, user: str, url: str) -> dict:
        return block_action(
            action_id,
            value(w),
            user_id=user,
            channel_id="C100",
            response_url=url,
            trigger_id=w.ws.fake.new_trigger_id(),
        )

    return payload


def _form(callback: str, values: Callable[[World], dict], metadata: Callable[[World], str]):
    def payload(w: World, user: str, url: str) -> dict:
        return view_submission(callback, values(w), user_id=user, private_metadata=metadata(w))

    return payload


def _asking(user: str) -> str:
    """Someone in a running cohort is refused eig7; someone in none has nobody to ask."""
    return NOT_YOUR_COHORT if user.startswith("UOTHER") else NOT_IN_COHORT


def _mentoring(user: str) -> str:
    return NOT_MENTOR_HERE if user == "UOTHERMENTOR" else NOT_A_MENTOR


HELP_FORM = {ids.HELP_TITLE: "Autre question", ids.HELP_DETAILS: "", ids.HELP_SKILLS: "python"}
ANSWER_FORM = {ids.standup_question(i): "rien" for i in (1, 2, 3)}
CHECKIN_FORM = {"rating": picked("4"), "going_well": "", "blockers": "", "needs": ""}
QUESTIONS_FORM = {ids.STANDUP_QUESTION_LINES: "Quoi ?\nBloqué ?", ids.STANDUP_BLOCKERS: picked("2")}
FEEDBACK_FORM = {"rating": picked("1"), "comment": "nul"}

# action or callback id → (the signed payload, the refusal expected for an intruder)
CASES: dict[str, tuple[Callable[[World, str, str], dict], Callable[[str], str]]] = {
    ids.HELP_OFFER: (_button(ids.HELP_OFFER, lambda w: str(w.request)), lambda u: NOT_A_HELPER),
    ids.HELP_RESOLVE: (_button(ids.HELP_RESOLVE, lambda w: str(w.request)), lambda u: NOT_YOURS),
    ids.HELP_CLOSE: (_button(ids.HELP_CLOSE, lambda w: str(w.request)), lambda u: NOT_YOURS),
    ids.HELP_REASK: (_button(ids.HELP_REASK, lambda w: str(w.request)), lambda u: NOT_YOURS),
    ids.HELP_RESOLVE_FORM: (
        _form(ids.HELP_RESOLVE_FORM, lambda w: {ids.HELP_THANKS: "merci"}, lambda w: str(w.request)),
        lambda u: NOT_YOURS,
    ),
    ids.HELP_REQUEST: (
        _form(
            ids.HELP_REQUEST,
            lambda w: HELP_FORM,
            lambda w: help_metadata(w.cohort, ORIGIN_STANDUP, replaces=w.request),
        ),
        _asking,
    ),
    ids.STANDUP_BLOCKER_TO_HELP: (
        _button(ids.STANDUP_BLOCKER_TO_HELP, lambda w: blocker_value(w.cohort, "bloqué")),
        _asking,
    ),
    ids.STANDUP_OPEN: (
        _button(ids.STANDUP_OPEN, lambda w: standup_value(w.cohort, DAY)),
        lambda u: NOT_A_FELLOW,
    ),
    ids.STANDUP_SKIP: (
        _button(ids.STANDUP_SKIP, lambda w: standup_value(w.cohort, DAY)),
        lambda u: NOT_A_FELLOW,
    ),
    ids.STANDUP_ANSWER: (
        _form(ids.STANDUP_ANSWER, lambda w: ANSWER_FORM, lambda w: answer_metadata(w.cohort, DAY)),
        lambda u: NOT_A_FELLOW,
    ),
    ids.STANDUP_QUESTIONS: (
        _form(ids.STANDUP_QUESTIONS, lambda w: QUESTIONS_FORM, lambda w: str(w.cohort)),
        lambda u: NOT_MANAGER,
    ),
    ids.TRAINING_SIGNUP: (
        _button(ids.TRAINING_SIGNUP, lambda w: str(w.announced)),
        lambda u: NOT_IN_TRAINING_COHORT,
    ),
    ids.TRAINING_CANCEL: (
        _button(ids.TRAINING_CANCEL, lambda w: str(w.announced)),
        lambda u: NOT_IN_TRAINING_COHORT,
    ),
    ids.TRAINING_APPROVE: (_button(ids.TRAINING_APPROVE, lambda w: str(w.pending)), lambda u: NOT_MANAGER),
    ids.TRAINING_REJECT: (_button(ids.TRAINING_REJECT, lambda w: str(w.pending)), lambda u: NOT_MANAGER),
    ids.TRAINING_EDIT: (_button(ids.TRAINING_EDIT, lambda w: str(w.announced)), lambda u: NOT_FACILITATOR),
    ids.TRAINING_CANCEL_SESSION: (
        _button(ids.TRAINING_CANCEL_SESSION, lambda w: str(w.announced)),
        lambda u: NOT_FACILITATOR,
    ),
    ids.TRAINING_FEEDBACK_OPEN: (
        _button(ids.TRAINING_FEEDBACK_OPEN, lambda w: str(w.ended)),
        lambda u: NOT_AN_ATTENDEE,
    ),
    ids.TRAINING_FEEDBACK: (
        _form(ids.TRAINING_FEEDBACK, lambda w: FEEDBACK_FORM, lambda w: json.dumps({"session": w.ended})),
        lambda u: NOT_AN_ATTENDEE,
    ),
    ids.TRAINING_PROPOSE: (
        _form(ids.TRAINING_PROPOSE, lambda w: proposal(), lambda w: json.dumps({"cohorts": [w.cohort]})),
        lambda u: NOT_IN_TRAINING_COHORT,
    ),
    f"{ids.TRAINING_PROPOSE} (a change)": (
        _form(ids.TRAINING_PROPOSE, lambda w: proposal(), lambda w: json.dumps({"session": w.announced})),
        lambda u: NOT_FACILITATOR,
    ),
    ids.CHECKIN_OPEN: (_button(ids.CHECKIN_OPEN, lambda w: str(w.cohort)), _mentoring),
    ids.CHECKIN_ANSWER: (
        _form(ids.CHECKIN_ANSWER, lambda w: CHECKIN_FORM, lambda w: checkin_metadata(w.cohort, "fr")),
        lambda u: NOT_MENTOR_HERE,
    ),
    ids.COHORT_FORM: (
        _form(
            ids.COHORT_FORM,
            lambda w: {
                ids.COHORT_PICK: picked("eig7"),
                ids.COHORT_PEOPLE: {"type": "multi_users_select", "selected_users": ["UOUT"]},
                ids.COHORT_ROLE: picked("admin"),
            },
            lambda w: ids.MODE_ADD,
        ),
        lambda u: NOT_MANAGER,
    ),
}


def language_of(user: str) -> str:
    """Their own: English; someone the bot has never met is addressed in the program's default (French)."""
    return "fr" if user == "UOUT" else "en"


def told(fake, before: int, url: str, ack: str, user: str) -> list[str]:
    """Everything the bot said about the request: the ack's field errors, answers at the
    response_url, and messages it posted anywhere (each as (where, text))."""
    said = []
    if ack:
        said += [f"errors:{text}" for text in json.loads(ack).get("errors", {}).values()]
    said += [f"response:{r.body.get('text')}" for r in fake.responses() if r.url == url]
    for call in fake.calls()[before:]:
        if call.method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            where = call.params.get("channel")
            mine = where in (user, fake.dm_channel(user))
            said.append(f"{'dm' if mine else where}:{call.params.get('text')}")
        elif call.method in ("views.open", "views.publish", "views.update", "views.push"):
            said.append(f"{call.method}:{json.dumps(call.params.get('view'))}")
    return said


@pytest.mark.parametrize("case", list(CASES))
def test_an_id_of_another_cohort_is_refused_to_whoever_does_not_belong_to_it(case, world, events_url, engine):
    fake = world.ws.fake
    payload_of, refusal = CASES[case]
    for user in INTRUDERS:
        before_state, before_calls = stored(engine), fake.count()
        url = fake.new_response_url()
        body = interaction_body(payload_of(world, user, url))
        status, _headers, ack = post(events_url, body, sign(SECRET, body))
        assert status == 200, (case, user)
        said = told(fake, before_calls, url, ack, user)
        expected = gettext(refusal(user), language_of(user))
        assert len(said) == 1, (case, user, said)
        kind, _, text = said[0].partition(":")
        assert kind in ("errors", "response", "dm") and text == expected, (case, user, said)
        assert not any(secret in text for secret in SECRETS), (case, user, text)
        assert stored(engine) == before_state, (case, user)
        assert not fake.internal_errors


def test_the_members_themselves_still_get_through(world, events_url, engine):
    """The same kind of requests from the cohort's own people are taken: the check is on the person."""
    fake = world.ws.fake
    for user, action_id, value in (
        ("UBEN", ids.HELP_OFFER, str(world.request)),
        ("UMENTOR", ids.CHECKIN_OPEN, str(world.cohort)),
        ("UCHLOE", ids.TRAINING_FEEDBACK_OPEN, str(world.ended)),
    ):
        body = interaction_body(
            _button(action_id, lambda w, v=value: v)(world, user, fake.new_response_url())
        )
        assert post(events_url, body, sign(SECRET, body))[0] == 200
    with world.ws.ctx.uow() as uow:
        assert [offer.helper for offer in uow.help.offers(world.request)] == ["UBEN"]
    assert [call.params["view"]["callback_id"] for call in fake.calls("views.open")[-2:]] == [
        ids.CHECKIN_ANSWER,
        ids.TRAINING_FEEDBACK,
    ]


def test_an_alumnus_the_request_was_sent_to_may_offer_and_one_it_was_not_may_not(world, events_url):
    ws, fake = world.ws, world.ws.fake
    fake.add_user("UALUM", name="alum", tz="Europe/Paris", locale="fr-FR")
    fake.add_user("UALUM2", name="alum2", tz="Europe/Paris", locale="fr-FR")
    ws.say("create eig6 <#C200> end=2026-01-31")
    ws.say("add eig6 <@UALUM> <@UALUM2>")
    with ws.ctx.uow() as uow:
        uow.skills.set_alumni("UALUM", True, ws.ctx.clock.now())
        uow.skills.set_alumni("UALUM2", True, ws.ctx.clock.now())
        uow.help.route(world.request, ["UALUM"], 2, ws.ctx.clock.now())
        uow.commit()
    for user in ("UALUM", "UALUM2"):
        body = interaction_body(
            _button(ids.HELP_OFFER, lambda w: str(w.request))(world, user, fake.new_response_url())
        )
        assert post(events_url, body, sign(SECRET, body))[0] == 200
    with ws.ctx.uow() as uow:
        assert [offer.helper for offer in uow.help.offers(world.request)] == ["UALUM"]
    assert gettext(NOT_A_HELPER, "fr") in [r.body.get("text") for r in fake.responses()]

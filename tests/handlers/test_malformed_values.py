"""Malformed values in buttons, forms and events, signed as Slack would sign them, through the real
HTTP server: each gets a one-sentence answer in the person's language, like any mistake, never
"something went wrong", and the log holds no traceback of it.
"""

from __future__ import annotations

import json
import logging
import threading

import pytest

from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, block_action, select, view_submission
from bot.standin.signing import event_body, interaction_body, post, sign
from handlers import ids
from handlers.i18n import SOMETHING_WENT_WRONG, gettext
from storage.db import database_answers
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.standups.standup_helpers import Standups
from tests.handlers.trainings.training_helpers import Trainings, proposal

SECRET = "malformed-secret"
UNKNOWN = 987654


@pytest.fixture
def events_url(ctx, engine):
    app = create_app(ctx, signing_secret=SECRET, listener_executor=InlineExecutor())
    application = wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET)
    server = make_server(application, "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    server.close()


@pytest.fixture
def world(ctx, fake_slack, clock):
    workspace = Workspace(ctx, fake_slack)
    trainings = Trainings(workspace)
    standups = Standups(workspace, clock)
    workspace.say("add eig7 <@UMENTOR> as mentor")
    workspace.say("standup eig7")
    workspace.say("checkin eig7 every=1 day=mon time=10:00")
    return trainings, standups


class Sent:
    """One signed request and what the person was told because of it."""

    def __init__(self, fake, url: str, caplog):
        self.fake, self.url, self.caplog = fake, url, caplog

    def __call__(self, body: str) -> tuple[int, str]:
        self.caplog.clear()
        before_calls, before_responses = self.fake.count(), len(self.fake.responses())
        status, _headers, text = post(self.url, body, sign(SECRET, body))
        self.told = [
            call.params.get("text") for call in self.fake.calls()[before_calls:] if call.params.get("text")
        ]
        self.told += [r.body.get("text") for r in self.fake.responses()[before_responses:]]
        self.opened = [c for c in self.fake.calls()[before_calls:] if c.method == "views.open" and c.ok]
        return status, text

    def clean(self) -> bool:
        """Nothing went wrong, by what was said and by the log."""
        wrong = {gettext(SOMETHING_WENT_WRONG, lang) for lang in ("fr", "en")}
        logged = [r for r in self.caplog.records if r.levelno >= logging.ERROR or r.exc_info]
        return not wrong & set(self.told) and logged == [] and not self.fake.internal_errors


@pytest.fixture
def send(fake_slack, events_url, caplog):
    caplog.set_level(logging.INFO)
    return Sent(fake_slack, events_url, caplog)


def one_sentence(text: str) -> bool:
    return (
        bool(text) and text.count(".") + text.count("?") + text.count("!") <= 2 and "\n" not in text.strip()
    )


def click(action_id: str, value: str, user: str = "UBEN") -> str:
    return interaction_body(
        block_action(
            action_id,
            value,
            user_id=user,
            channel_id="C100",
            response_url=_url.new_response_url(),
            trigger_id=_url.new_trigger_id(),
        )
    )


_url = None  # the fake's response URLs, set by the autouse fixture below


@pytest.fixture(autouse=True)
def _response_urls(fake_slack):
    global _url
    _url = fake_slack


@pytest.mark.parametrize("value", ["abc", "", "1e20", "²", "-3", str(UNKNOWN)])
def test_a_training_button_with_a_malformed_or_unknown_id(world, send, value):
    status, _ = send(click(ids.TRAINING_SIGNUP, value))
    assert status == 200 and send.clean()
    [answer] = send.told
    assert answer == "Cette session de formation n’existe plus."


@pytest.mark.parametrize("value", ["abc", "²", str(UNKNOWN)])
def test_help_and_check_in_buttons_with_malformed_ids(world, send, value):
    for action_id in (ids.HELP_OFFER, ids.HELP_RESOLVE):
        status, _ = send(click(action_id, value, "UBEN"))
        assert status == 200 and send.clean(), action_id
        assert send.told == ["Cette demande d’aide n’existe plus."], (action_id, send.told)
    # A check-in button without a readable cohort opens the mentor's form, their cohort picked.
    status, _ = send(click(ids.CHECKIN_OPEN, value, "UMENTOR"))
    assert status == 200 and send.clean() and len(send.opened) == 1 and send.told == []


def test_a_mood_of_a_superscript_two(world, send, clock):
    trainings, standups = world
    from datetime import UTC, datetime

    standups.world.tick(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    view, _ = standups.click(standups.prompt("UBEN"), ids.STANDUP_OPEN, user="UBEN")
    answers = {"q1": "Revue", "q2": "Tests", "q3": "rien", ids.STANDUP_MOOD: select("²")}
    body = interaction_body(
        view_submission(
            view["callback_id"], answers, user_id="UBEN", private_metadata=view["private_metadata"]
        )
    )
    status, text = send(body)
    assert status == 200 and send.clean()
    errors = json.loads(text)["errors"]
    assert list(errors) == [ids.STANDUP_MOOD] and one_sentence(errors[ids.STANDUP_MOOD])


@pytest.mark.parametrize("value", ["1e20", 10**20, "abc", -1])
def test_a_datetime_of_1e20(world, send, value):
    trainings, _ = world
    values = {**proposal(), "starts_at": {"type": "datetimepicker", "selected_date_time": value}}
    del values[ids.TRAINING_STARTS_AT_TIME]
    metadata = json.dumps({"cohorts": [trainings.cohort().id]})
    status, text = send(
        interaction_body(
            view_submission(ids.TRAINING_PROPOSE, values, user_id="UANA", private_metadata=metadata)
        )
    )
    assert status == 200 and send.clean()
    assert json.loads(text)["errors"] == {"starts_at": "Choisissez la date et l’heure de la session."}


@pytest.mark.parametrize(
    ("callback", "values", "metadata"),
    [
        (ids.TRAINING_PROPOSE, proposal(), json.dumps({"cohorts": [UNKNOWN]})),
        (ids.TRAINING_PROPOSE, proposal(), "not json"),
        (ids.TRAINING_FEEDBACK, {"rating": select("5"), "comment": "bien"}, json.dumps({"session": UNKNOWN})),
        (
            ids.STANDUP_QUESTIONS,
            {ids.STANDUP_QUESTION_LINES: "Hier ?", ids.STANDUP_BLOCKERS: select("1")},
            str(UNKNOWN),
        ),
        (
            ids.STANDUP_QUESTIONS,
            {ids.STANDUP_QUESTION_LINES: "Hier ?", ids.STANDUP_BLOCKERS: select("1")},
            "abc",
        ),
        (ids.CHECKIN_ANSWER, {"rating": select("4")}, json.dumps({"cohort": UNKNOWN, "lang": "fr"})),
        (ids.HELP_RESOLVE_FORM, {ids.HELP_THANKS: "merci"}, str(UNKNOWN)),
        (
            ids.HELP_REQUEST,
            {ids.HELP_TITLE: "Aide", ids.HELP_DETAILS: "", ids.HELP_SKILLS: ""},
            json.dumps({"cohort": UNKNOWN}),
        ),
    ],
)
def test_unknown_ids_in_a_forms_private_metadata(world, send, callback, values, metadata):
    body = interaction_body(view_submission(callback, values, user_id="UADMIN", private_metadata=metadata))
    status, text = send(body)
    assert status == 200 and send.clean(), (send.told, send.caplog.text)
    said = list(json.loads(text)["errors"].values()) if text else send.told
    assert said and all(one_sentence(sentence) for sentence in said), said


def test_a_questions_form_with_a_blockers_question_out_of_range(world, send):
    with world[0].ctx.uow() as uow:
        eig7 = uow.cohorts.by_name("eig7").id
    for picked in ("-5", "7", "abc"):
        values = {ids.STANDUP_QUESTION_LINES: "Hier ?\nAujourd’hui ?", ids.STANDUP_BLOCKERS: select(picked)}
        status, text = send(
            interaction_body(
                view_submission(ids.STANDUP_QUESTIONS, values, user_id="UADMIN", private_metadata=str(eig7))
            )
        )
        assert status == 200 and send.clean()
        assert list(json.loads(text)["errors"]) == [ids.STANDUP_BLOCKERS], picked
    with world[0].ctx.uow() as uow:
        assert uow.standups.settings(eig7).blocker_question == 3  # the default, unchanged


@pytest.mark.parametrize(
    "event",
    [
        {"type": "message", "channel_type": "im", "text": "bonjour", "ts": "1.1"},  # no user, no channel
        {
            "type": "message",
            "channel_type": "im",
            "user": "UBEN",
            "text": "bonjour",
            "ts": "1.2",
        },  # no channel
        {"type": "message", "channel_type": "im", "channel": "D1", "text": "bonjour", "ts": "1.3"},  # no user
        {"type": "app_home_opened", "tab": "home"},
        {"type": "user_change"},
        {"type": "user_change", "user": {"name": "sans id"}},
    ],
)
def test_an_event_without_user_or_channel(world, send, event):
    status, _ = send(event_body(event))
    assert status == 200 and send.clean(), send.caplog.text

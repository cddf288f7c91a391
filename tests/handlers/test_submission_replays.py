"""A captured signed form submission sent again within the signature window is applied once."""

from __future__ import annotations

import json
import threading

import pytest

from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, view_submission
from bot.standin.signing import interaction_body, post, sign
from handlers import ids
from handlers.i18n import SOMETHING_WENT_WRONG, gettext
from storage.db import database_answers
from tests.handlers.peer_help.peer_help_helpers import HelpDesk
from tests.handlers.trainings.training_helpers import Trainings, proposal

SECRET = "replay-secret"


@pytest.fixture
def events_url(ctx, engine):
    app = create_app(ctx, signing_secret=SECRET, listener_executor=InlineExecutor())
    application = wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET)
    server = make_server(application, "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    server.close()


def send_three_times(url: str, payload: dict) -> list[tuple[int, str]]:
    """The same signed request, captured once and sent three times."""
    body = interaction_body(payload)
    headers = sign(SECRET, body)
    return [(status, text) for status, _headers, text in (post(url, body, headers) for _ in range(3))]


def no_error_told(fake, user: str) -> bool:
    wrong = {gettext(SOMETHING_WENT_WRONG, lang) for lang in ("fr", "en")}
    said = [m.get("text") for m in fake.messages(user)] + [r.body.get("text") for r in fake.responses()]
    return not wrong & set(said)


def test_a_replayed_help_request_creates_one_request(ctx, fake_slack, events_url):
    desk = HelpDesk(ctx, fake_slack)
    desk.set_up()
    view = desk.ask("Revue de SQL", "UANA")
    payload = view_submission(
        ids.HELP_REQUEST,
        {ids.HELP_TITLE: "Revue de SQL", ids.HELP_DETAILS: "une requête lente", ids.HELP_SKILLS: "sql"},
        user_id="UANA",
        private_metadata=view["private_metadata"],
        trigger_id=fake_slack.new_trigger_id(),
    )
    assert send_three_times(events_url, payload) == [(200, "")] * 3
    with ctx.uow() as uow:
        requests = uow.help.of_cohort(uow.cohorts.by_name("eig7").id)
    assert [request.title for request in requests] == ["Revue de SQL"]
    assert no_error_told(fake_slack, "UANA") and not fake_slack.internal_errors


def test_a_replayed_training_proposal_creates_one_session(ctx, fake_slack, workspace, events_url):
    trainings = Trainings(workspace)
    payload = view_submission(
        ids.TRAINING_PROPOSE,
        proposal(),
        user_id="UANA",
        private_metadata=json.dumps({"cohorts": [trainings.cohort().id]}),
        trigger_id=fake_slack.new_trigger_id(),
    )
    assert send_three_times(events_url, payload) == [(200, "")] * 3
    with ctx.uow() as uow:
        sessions = [s for s in uow.trainings.involving("UANA", ctx.clock.now()) if s.facilitator == "UANA"]
    assert [session.title for session in sessions] == ["Pandas pour les débutants"]
    assert no_error_told(fake_slack, "UANA") and not fake_slack.internal_errors


def test_two_submissions_of_the_same_answers_are_two_requests(ctx, fake_slack, events_url):
    desk = HelpDesk(ctx, fake_slack)
    desk.set_up()
    view = desk.ask("Revue de SQL", "UANA")
    for _ in range(2):
        payload = view_submission(
            ids.HELP_REQUEST,
            {ids.HELP_TITLE: "Revue de SQL", ids.HELP_DETAILS: None, ids.HELP_SKILLS: None},
            user_id="UANA",
            private_metadata=view["private_metadata"],
            trigger_id=fake_slack.new_trigger_id(),
        )
        body = interaction_body(payload)
        assert post(events_url, body, sign(SECRET, body))[0] == 200
    with ctx.uow() as uow:
        assert len(uow.help.of_cohort(uow.cohorts.by_name("eig7").id)) == 2

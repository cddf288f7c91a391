"""`/cohort` over signed HTTP, with Bolt's own listener threads: the ack comes before slow Slack calls."""

from __future__ import annotations

import threading
import time

import pytest

from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.signing import post, sign, slash_command_body
from storage.db import database_answers

SECRET = "cohort-secret"


@pytest.fixture
def base_url(ctx, engine):
    server = make_server(
        wsgi_application(
            create_app(ctx, signing_secret=SECRET),
            lambda: database_answers(engine),
            signing_secret=SECRET,
        ),
        "127.0.0.1",
        0,
    )
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    server.close()


def wait_for_answer(fake, url, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answers = [r for r in fake.responses() if r.url == url]
        if answers:
            return answers[0].body
        time.sleep(0.02)
    raise AssertionError("no answer on the response_url")


def test_create_over_http_is_acknowledged_before_slack_answers(base_url, fake_slack, ctx):
    fake_slack.add_channel("C100", name="eig7", is_member=False)
    fake_slack.delay("conversations.info", 1.5)
    url = fake_slack.new_response_url()
    body = slash_command_body("/cohort", "create eig7 <#C100|eig7>", user_id="UADMIN", response_url=url)
    started = time.monotonic()
    status, _headers, text = post(base_url, body, sign(SECRET, body))
    acked_in = time.monotonic() - started
    assert status == 200 and text == ""
    assert acked_in < 1.0, f"ack took {acked_in:.2f}s"
    answer = wait_for_answer(fake_slack, url)
    assert answer["response_type"] == "ephemeral" and answer["text"].startswith("Cohorte eig7 créée")
    with ctx.uow() as uow:
        assert uow.cohorts.by_name("eig7") is not None


def test_a_badly_signed_cohort_command_changes_nothing(base_url, fake_slack, ctx):
    url = fake_slack.new_response_url()
    body = slash_command_body("/cohort", "create eig7 <#C100>", user_id="UADMIN", response_url=url)
    status, _headers, _text = post(base_url, body, sign("wrong-secret", body))
    assert status == 401
    time.sleep(0.1)
    assert fake_slack.responses() == []
    assert {call.method for call in fake_slack.calls()} <= {"auth.test"}
    with ctx.uow() as uow:
        assert uow.cohorts.all() == []

"""Acks do not wait for Slack: with every views.open taking 2 s, a burst of /standup from a
whole cohort is acknowledged within Slack's 3 s, and every form opens on a valid trigger."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.signing import post, sign, slash_command_body
from storage.db import database_answers
from tests.support.standup_world import StandupWorld

SECRET = "test-secret"
FELLOWS = [f"U{n:04d}" for n in range(48)]
SLACK_LATENCY = 2.0


@pytest.fixture
def served(ctx, engine):
    app = create_app(ctx, signing_secret=SECRET)  # the pools the bot runs with
    server = make_server(
        wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET), "127.0.0.1", 0
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


def test_96_standups_from_48_people_are_acked_in_time_and_every_form_opens(served, ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort()
    world.people(cohort, *FELLOWS)
    world.standup(cohort)
    world.tick(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))  # the day's prompts
    clock.set(datetime(2026, 3, 2, 8, 35, tzinfo=UTC))
    fake_slack.delay("views.open", SLACK_LATENCY)

    acks: list[float] = []
    statuses: list[int] = []

    def standup(user: str) -> None:
        body = slash_command_body("/standup", "", user_id=user, trigger_id=fake_slack.new_trigger_id())
        started = time.monotonic()
        status, _headers, _text = post(served + "/slack/events", body, sign(SECRET, body))
        acks.append(time.monotonic() - started)
        statuses.append(status)

    senders = [threading.Thread(target=standup, args=(user,)) for user in FELLOWS * 2]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    assert statuses == [200] * 96
    assert max(acks) < 3.0, f"{sum(1 for a in acks if a >= 3)} acks took 3 s or more"

    deadline = time.monotonic() + 10
    while len([c for c in fake_slack.calls("views.open") if c.response]) < 96:
        assert time.monotonic() < deadline, "some forms were never opened"
        time.sleep(0.1)
    opened = fake_slack.calls("views.open")
    refused = [c.response.get("error") for c in opened if c.response and not c.response.get("ok")]
    assert len(opened) == 96 and refused == []

"""Socket Mode dispatch with inline listeners, and the payload builders."""

from __future__ import annotations

import pytest
from slack_bolt import App
from slack_sdk import WebClient

from bot.standin.payloads import (
    InlineExecutor,
    block_action,
    dispatch,
    event_callback,
    select,
    slash_command,
    view_submission,
)


@pytest.fixture
def app(fake) -> App:
    client = WebClient(token="xoxb-test", base_url=fake.url, retry_handlers=[])
    return App(client=client, signing_secret="unused", listener_executor=InlineExecutor())


def test_inline_executor_returns_completed_futures():
    executor = InlineExecutor()
    assert executor.submit(lambda x: x + 1, 1).result(timeout=0) == 2
    failed = executor.submit(lambda: 1 / 0)
    assert isinstance(failed.exception(timeout=0), ZeroDivisionError)


def test_listener_effects_are_visible_when_dispatch_returns(app, fake):
    @app.command("/standup")
    def standup(ack, command, client):
        ack()
        client.chat_postMessage(channel=command["user_id"], text=f"got {command['text']}")

    answer = dispatch(app, slash_command("/standup", "skip", user_id="U7"))
    assert answer.status == 200
    assert [m["text"] for m in fake.messages("U7")] == ["got skip"]


def test_a_block_action_can_open_a_modal_with_a_fresh_trigger(app, fake):
    @app.action("help")
    def open_help(ack, body, client):
        ack()
        view = {
            "type": "modal",
            "callback_id": "help",
            "title": {"type": "plain_text", "text": "Help"},
            "blocks": [],
        }
        client.views_open(trigger_id=body["trigger_id"], view=view)

    assert dispatch(app, block_action("help", "1", "U7", fake.new_trigger_id())).status == 200
    assert fake.last_call("views.open").ok


def test_view_submission_values_and_errors(app):
    seen = {}

    @app.view("help")
    def submit(ack, view):
        values = view["state"]["values"]
        seen.update(
            topic=values["topic"]["value"]["value"], urgency=values["urgency"]["value"]["selected_option"]
        )
        ack(response_action="errors", errors={"topic": "Too short"})

    payload = view_submission("help", {"topic": "sql", "urgency": select("high")}, "U7", private_metadata="7")
    answer = dispatch(app, payload)
    assert seen == {
        "topic": "sql",
        "urgency": {"text": {"type": "plain_text", "text": "high"}, "value": "high"},
    }
    assert answer.status == 200 and '"response_action": "errors"' in answer.body


def test_events_dispatch(app, fake):
    @app.event("app_home_opened")
    def home(event, client):
        client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    assert (
        dispatch(app, event_callback({"type": "app_home_opened", "user": "U7", "tab": "home"})).status == 200
    )
    assert "U7" in fake.state.home_views

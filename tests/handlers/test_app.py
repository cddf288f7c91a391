"""The Bolt app through the Socket Mode path: one error handler, event de-duplication."""

from __future__ import annotations

import logging

import pytest

from bot.logs import QUIETED, quiet_libraries
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, dispatch, event_callback, slash_command


@pytest.fixture
def socket_app(ctx):
    return create_app(ctx, signing_secret=None, socket_mode=True, listener_executor=InlineExecutor())


def test_an_unexpected_error_is_told_to_the_user_in_french(socket_app, fake_slack):
    def broken(ack):
        ack()
        raise RuntimeError("boom")

    socket_app.command("/broken")(broken)
    response_url = fake_slack.new_response_url()
    # Inline, the listener fails before dispatch reads the ack; with threads Slack got it already.
    dispatch(socket_app, slash_command("/broken", "", user_id="U1", response_url=response_url))
    [answer] = fake_slack.responses()
    assert answer.body["response_type"] == "ephemeral"
    assert "rien n'a été enregistré" in answer.body["text"] or "enregistré" in answer.body["text"]


def test_an_error_in_an_event_listener_is_told_by_dm(socket_app, fake_slack):
    def broken(event):
        raise RuntimeError("boom")

    socket_app.event("app_mention")(broken)
    dispatch(
        socket_app,
        event_callback({"type": "app_mention", "user": "U7", "text": "x", "channel": "C1", "ts": "1.1"}),
    )
    [call] = fake_slack.calls("chat.postMessage")
    assert call.params["channel"] == "U7"


def test_the_same_event_id_runs_once(socket_app):
    seen = []
    socket_app.event("app_mention")(lambda event: seen.append(event["ts"]))
    body = event_callback(
        {"type": "app_mention", "user": "U7", "text": "x", "channel": "C1", "ts": "1.1"}, event_id="EvSame"
    )
    for _ in range(4):
        assert dispatch(socket_app, body).status == 200
    assert seen == ["1.1"]
    other = event_callback(
        {"type": "app_mention", "user": "U7", "text": "y", "channel": "C1", "ts": "1.2"}, event_id="EvOther"
    )
    dispatch(socket_app, other)
    assert seen == ["1.1", "1.2"]


def test_the_client_honours_retry_after(ctx, fake_slack):
    fake_slack.rate_limit_next("users.info", retry_after=1)
    fake_slack.add_user("U9", name="ada")
    assert ctx.slack.users_info(user="U9")["user"]["id"] == "U9"
    assert fake_slack.count("users.info") == 2


def test_the_client_retries_a_dropped_read_but_never_a_dropped_post(ctx, fake_slack):
    from slack_sdk.errors import SlackApiError  # noqa: F401 - documents the absence of a raise below

    fake_slack.add_user("U9", name="ada")
    fake_slack.drop_next("users.info")
    assert ctx.slack.users_info(user="U9")["ok"]
    fake_slack.drop_next("chat.postMessage")
    with pytest.raises(OSError):
        ctx.slack.chat_postMessage(channel="U9", text="hello")
    assert fake_slack.count("chat.postMessage") == 1


@pytest.mark.parametrize(
    "event",
    [
        {"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "home"},
        {"type": "app_home_opened", "user": "U7", "channel": "D7", "tab": "messages"},
        {"type": "message", "channel_type": "im", "user": "U7", "channel": "D7", "text": "hi", "ts": "1.1"},
        {"type": "user_change", "user": {"id": "U7", "name": "ada", "deleted": False, "profile": {}}},
    ],
    ids=["home", "messages-tab", "message.im", "user_change"],
)
def test_every_subscribed_event_is_handled(socket_app, fake_slack, event):
    """Slack counts a non-2xx answer against the subscription: each event in the manifest has a listener."""
    from bot.manifest import BOT_EVENTS

    assert {"app_home_opened", "message.im", "user_change"} == set(BOT_EVENTS)
    fake_slack.add_user("U7", name="ada")
    assert dispatch(socket_app, event_callback(event)).status == 200


def test_the_error_log_names_the_failure_and_ids_never_the_values_it_quotes(socket_app, fake_slack, caplog):
    # A database error repeats the row's values in its message: they must not reach the log.
    quoted = "duplicate key value violates unique constraint DETAIL: Key (title)=(Atelier secret) exists"

    class IntegrityError(Exception):
        pass

    def broken(ack):
        ack()
        raise IntegrityError(quoted)

    socket_app.command("/broken")(broken)
    caplog.set_level(logging.DEBUG)
    saved = {name: logging.getLogger(name).level for name in QUIETED}
    quiet_libraries(logging.DEBUG, slack_debug=False)  # as `cohortbot` sets LOG_LEVEL=DEBUG up
    dispatch(
        socket_app,
        slash_command("/broken", "Atelier secret", user_id="U1", response_url=fake_slack.new_response_url()),
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "IntegrityError" in logged and "user=U1" in logged and "command=/broken" in logged
    assert "Atelier secret" not in logged and "Key (title)" not in logged
    assert all(record.exc_info is None for record in caplog.records)
    assert "in broken" in logged  # the frames, at DEBUG
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)

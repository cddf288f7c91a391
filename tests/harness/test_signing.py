"""Signed requests are the ones Slack would send: slack_sdk and Bolt accept them."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs

import pytest
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.standin.signing import event_body, interaction_body, post, sign, slash_command_body

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def test_the_sdk_verifier_accepts_what_sign_produces():
    body = slash_command_body("/standup", "skip")
    headers = sign(SECRET, body)
    assert SignatureVerifier(SECRET).is_valid_request(body, headers)
    assert not SignatureVerifier("another-secret").is_valid_request(body, headers)
    assert not SignatureVerifier(SECRET).is_valid_request(body + "x", headers)


@pytest.mark.parametrize(("age", "valid"), [(299, True), (301, False), (-299, True), (-301, False)])
def test_the_replay_window_is_five_minutes(age, valid):
    body = event_body({"type": "app_mention", "text": "hi"})
    headers = sign(SECRET, body, int(time.time()) - age)
    assert SignatureVerifier(SECRET).is_valid_request(body, headers) is valid


def test_bodies_have_slacks_shapes():
    command = parse_qs(slash_command_body("/standup", "skip today", user_id="U7", channel_id="C7"))
    assert command["command"] == ["/standup"] and command["text"] == ["skip today"]
    assert (command["user_id"], command["channel_id"], command["team_id"]) == (["U7"], ["C7"], ["T0001"])
    payload = {"type": "block_actions", "actions": [{"action_id": "a", "value": "x & y"}]}
    assert json.loads(parse_qs(interaction_body(payload))["payload"][0]) == payload
    event = json.loads(event_body({"type": "message", "text": "hi"}, event_id="Ev1"))
    assert (event["type"], event["event_id"], event["team_id"], event["api_app_id"]) == (
        "event_callback",
        "Ev1",
        "T0001",
        "A0001",
    )
    assert event["authorizations"][0]["user_id"] == "U0BOT" and isinstance(event["event_time"], int)
    assert (
        json.loads(event_body({"type": "message"}))["event_id"]
        != json.loads(event_body({"type": "message"}))["event_id"]
    )


def test_bolt_answers_signed_requests_and_refuses_others(fake):
    app = App(client=WebClient(token="xoxb-test", base_url=fake.url), signing_secret=SECRET)
    app.command("/standup")(lambda ack, command: ack(f"noted: {command['text']}"))
    body = slash_command_body("/standup", "skip")
    answer = app.dispatch(BoltRequest(body=body, headers=sign(SECRET, body)))
    assert (answer.status, answer.body) == (200, "noted: skip")
    old = app.dispatch(BoltRequest(body=body, headers=sign(SECRET, body, int(time.time()) - 301)))
    assert old.status == 401
    challenge = json.dumps({"token": "t", "challenge": "abc", "type": "url_verification"})
    verified = app.dispatch(BoltRequest(body=challenge, headers=sign(SECRET, challenge)))
    assert json.loads(verified.body) == {"challenge": "abc"}


def test_post_goes_direct_and_returns_error_answers(fake):
    status, headers, text = post(
        fake.new_response_url(), json.dumps({"text": "hi"}), sign(SECRET, '{"text": "hi"}')
    )
    assert (status, text) == (200, "ok") and headers["content-type"].startswith("text/plain")
    assert fake.responses()[0].body == {"text": "hi"}
    assert post(fake.root_url + "nowhere", "", {})[0] == 404

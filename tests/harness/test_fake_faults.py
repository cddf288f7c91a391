"""Trigger ids, views, injected failures and Slack's rate limits in the fake."""

from __future__ import annotations

import time
from http.client import RemoteDisconnected

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from bot.standin.slack import SlackStandIn

MODAL = {"type": "modal", "title": {"type": "plain_text", "text": "Help"}, "blocks": []}


def error_of(call, *args, **kwargs) -> dict:
    with pytest.raises(SlackApiError) as raised:
        call(*args, **kwargs)
    return raised.value.response.data


def test_a_trigger_id_opens_one_view(client, fake):
    trigger_id = fake.new_trigger_id()
    assert client.views_open(trigger_id=trigger_id, view=MODAL)["view"]["id"].startswith("V")
    assert error_of(client.views_open, trigger_id=trigger_id, view=MODAL)["error"] == "exchanged_trigger_id"
    assert error_of(client.views_push, trigger_id="123456.7890123.abcdef", view=MODAL)["error"] == (
        "invalid_trigger_id"
    )


def test_a_trigger_id_expires_after_3_seconds(client, fake, manual_time):
    fresh, stale = fake.new_trigger_id(), fake.new_trigger_id()
    manual_time.advance(2.9)
    client.views_open(trigger_id=fresh, view=MODAL)
    manual_time.advance(0.2)
    assert error_of(client.views_open, trigger_id=stale, view=MODAL)["error"] == "expired_trigger_id"


def test_views_update_and_publish(client, fake):
    opened = client.views_open(trigger_id=fake.new_trigger_id(), view=MODAL)["view"]
    updated = client.views_update(
        view_id=opened["id"], hash=opened["hash"], view={**MODAL, "callback_id": "help"}
    )
    assert updated["view"]["callback_id"] == "help"
    stale_hash = {"view_id": opened["id"], "hash": opened["hash"], "view": MODAL}
    assert error_of(client.views_update, **stale_hash)["error"] == "hash_conflict"
    assert error_of(client.views_update, view_id="V404", view=MODAL)["error"] == "not_found"
    client.views_publish(user_id="U1", view={"type": "home", "blocks": []})
    assert fake.state.home_views["U1"]["type"] == "home"


def test_fail_next_answers_ok_false_then_recovers(client, fake):
    fake.fail_next("chat.postMessage", error="is_archived", times=2)
    assert error_of(client.chat_postMessage, channel="C1", text="a")["error"] == "is_archived"
    assert error_of(client.chat_postMessage, channel="C1", text="a")["error"] == "is_archived"
    assert client.chat_postMessage(channel="C1", text="a")["ok"]
    assert fake.messages("C1")[0]["text"] == "a" and len(fake.messages("C1")) == 1


def test_a_server_error_is_an_html_500(client, fake):
    fake.fail_next("users.info", status=500)
    with pytest.raises(SlackApiError) as raised:
        client.users_info(user="U1")
    assert raised.value.response.status_code == 500


def test_a_429_carries_an_integer_retry_after(client, fake):
    fake.rate_limit_next("chat.postMessage", retry_after=1.2)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="x")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "2"
    assert raised.value.response["error"] == "ratelimited"
    assert fake.stats()["ratelimited_by_method"] == {"chat.postMessage": 1}


def test_slack_sdk_retries_a_429_once_after_retry_after(fake):
    client = WebClient(
        token="xoxb-test", base_url=fake.url, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)]
    )
    fake.rate_limit_next("chat.postMessage", retry_after=1)
    started = time.monotonic()
    assert client.chat_postMessage(channel="C1", text="x")["ok"]
    assert time.monotonic() - started >= 1
    assert [c.status for c in fake.calls("chat.postMessage")] == [429, 200]


def test_a_dropped_connection_may_have_taken_effect(client, fake):
    fake.drop_next("chat.postMessage")
    with pytest.raises(RemoteDisconnected):
        client.chat_postMessage(channel="C1", text="stored, answer lost")
    call = fake.last_call("chat.postMessage")
    assert (call.status, call.dropped, call.response["ts"]) == (None, True, fake.messages("C1")[0]["ts"])
    fake.drop_next("chat.postMessage", processed=False)
    with pytest.raises(RemoteDisconnected):
        client.chat_postMessage(channel="C1", text="never stored")
    assert [m["text"] for m in fake.messages("C1")] == ["stored, answer lost"]


def test_slack_sdk_retries_a_dropped_connection(fake):
    fast_retry = ConnectionErrorRetryHandler(interval_calculator=FixedValueRetryIntervalCalculator(0.01))
    retrying = WebClient(token="xoxb-test", base_url=fake.url, retry_handlers=[fast_retry])
    fake.drop_next("auth.test")
    assert retrying.auth_test()["ok"]
    assert [c.status for c in fake.calls("auth.test")] == [None, 200]


def test_delay_slows_every_call_until_removed(fake):
    impatient = WebClient(token="xoxb-test", base_url=fake.url, timeout=0.1, retry_handlers=[])
    fake.delay("auth.test", 0.3)
    with pytest.raises(TimeoutError):
        impatient.auth_test()
    fake.delay("auth.test", 0)
    assert impatient.auth_test()["ok"]


def test_limits_mode_allows_one_message_per_second_per_channel(manual_time):
    with SlackStandIn(enforce_limits=True, clock=manual_time) as fake:
        client = WebClient(token="xoxb-test", base_url=fake.url, retry_handlers=[])
        client.chat_postMessage(channel="C1", text="1")
        manual_time.advance(0.4)
        with pytest.raises(SlackApiError) as raised:
            client.chat_postMessage(channel="C1", text="2")
        assert (
            raised.value.response.status_code == 429 and raised.value.response.headers["Retry-After"] == "1"
        )
        client.chat_postMessage(channel="C2", text="elsewhere")
        manual_time.advance(0.6)
        client.chat_postMessage(channel="C1", text="2")
        assert [m["text"] for m in fake.messages("C1")] == ["1", "2"]
        assert fake.stats()["ratelimited"] == 1


def test_limits_mode_has_a_workspace_budget_per_minute(manual_time):
    with SlackStandIn(enforce_limits=True, workspace_per_minute=3, clock=manual_time) as fake:
        client = WebClient(token="xoxb-test", base_url=fake.url, retry_handlers=[])
        for channel in ("C1", "C2", "C3"):
            client.chat_postMessage(channel=channel, text="x")
        manual_time.advance(10.5)
        with pytest.raises(SlackApiError) as raised:
            client.chat_postMessage(channel="C4", text="x")
        assert raised.value.response.headers["Retry-After"] == "50"
        manual_time.advance(49.5)
        assert client.chat_postMessage(channel="C4", text="x")["ok"]


def test_limits_mode_with_a_real_clock_and_slack_sdk_retrying():
    with SlackStandIn(enforce_limits=True) as fake:
        client = WebClient(
            token="xoxb-test", base_url=fake.url, retry_handlers=[RateLimitErrorRetryHandler()]
        )
        for text in ("1", "2"):
            client.chat_postMessage(channel="U1", text=text)
        assert [c.status for c in fake.calls("chat.postMessage")] == [200, 429, 200]


def test_tier_limits_are_optional(manual_time):
    with SlackStandIn(enforce_tiers=True, clock=manual_time) as fake:
        client = WebClient(token="xoxb-test", base_url=fake.url, retry_handlers=[])
        for _ in range(20):
            client.users_list()
        with pytest.raises(SlackApiError) as raised:
            client.users_list()
        assert raised.value.response.status_code == 429

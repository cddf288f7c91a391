"""The fake Slack Web API behaves like Slack where our bot depends on it."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.standin.signing import post
from bot.standin.slack import SlackStandIn

REPO_ROOT = Path(__file__).resolve().parents[2]


def error_of(call, *args, **kwargs) -> dict:
    with pytest.raises(SlackApiError) as raised:
        call(*args, **kwargs)
    return raised.value.response.data


def test_auth_test_answers_the_bot_identity(client):
    identity = client.auth_test()
    assert (identity["team_id"], identity["user_id"], identity["bot_id"]) == ("T0001", "U0BOT", "B0001")
    assert identity["team"] == "T0001" and identity["user"] == "U0BOT"


@pytest.mark.parametrize(
    ("token", "error"),
    [(None, "not_authed"), ("xoxb-invalid", "invalid_auth"), ("xoxb-unknown", "invalid_auth")],
)
def test_calls_without_a_valid_token_are_refused(fake, token, error):
    refused = WebClient(token=token, base_url=fake.url, retry_handlers=[])
    assert error_of(refused.auth_test)["error"] == error
    assert fake.calls("auth.test")[0].status == 200


def test_token_may_come_as_a_form_parameter_or_a_query(fake):
    status, _, text = post(
        fake.url + "auth.test", "token=xoxb-test", {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200 and json.loads(text)["ok"] is True
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(fake.url + "users.info?token=xoxb-test&user=U404", timeout=5) as answer:
        assert json.loads(answer.read()) == {"ok": False, "error": "user_not_found"}
    assert fake.last_call().params == {"user": "U404"}


def test_a_user_id_as_channel_opens_one_stable_dm_per_user(client, fake):
    first = client.chat_postMessage(channel="U1", text="one")
    second = client.chat_postMessage(channel="U1", text="two")
    other = client.chat_postMessage(channel="U2", text="three")
    assert first["channel"] == second["channel"] == fake.dm_channel("U1")
    assert first["channel"].startswith("D") and other["channel"] != first["channel"]
    assert client.conversations_open(users="U1")["channel"]["id"] == first["channel"]
    assert [m["text"] for m in fake.messages("U1")] == ["one", "two"]


def test_several_users_open_one_group_dm_with_the_bot_in_it(client, fake):
    group = client.conversations_open(users="U2,U1")["channel"]["id"]
    assert group.startswith("G") and client.conversations_open(users="U1,U2")["channel"]["id"] == group
    assert client.conversations_open(users="U1,U3")["channel"]["id"] != group
    assert set(client.conversations_members(channel=group)["members"]) == {"U1", "U2", "U0BOT"}
    posted = client.chat_postMessage(channel=group, text="hello both")
    assert posted["channel"] == group and [m["text"] for m in fake.messages(group)] == ["hello both"]


def test_message_ts_are_unique_and_increasing(client):
    stamps = [client.chat_postMessage(channel="C1", text=str(i))["ts"] for i in range(3)]
    assert stamps == sorted(stamps, key=float) and len(set(stamps)) == 3
    assert re.fullmatch(r"\d{10}\.\d{6}", stamps[0])


def test_chat_update_needs_the_dm_id_not_the_user_id(client, fake):
    posted = client.chat_postMessage(channel="U1", text="draft")
    assert (
        error_of(client.chat_update, channel="U1", ts=posted["ts"], text="x")["error"] == "channel_not_found"
    )
    assert error_of(client.chat_update, channel=posted["channel"], ts="1.000001", text="x")["error"] == (
        "message_not_found"
    )
    client.chat_update(channel=posted["channel"], ts=posted["ts"], text="final")
    assert fake.messages("U1")[0]["text"] == "final"


def test_text_limits(client):
    assert error_of(client.chat_postMessage, channel="C1", text="x" * 40_001)["error"] == "msg_too_long"
    posted = client.chat_postMessage(channel="C1", text="x" * 40_000)
    assert (
        error_of(client.chat_update, channel="C1", ts=posted["ts"], text="x" * 4001)["error"]
        == "msg_too_long"
    )
    assert error_of(client.api_call, "chat.postMessage", json={"channel": "C1"})["error"] == "no_text"
    assert error_of(client.api_call, "chat.postMessage", json={"text": "t"})["error"] == "channel_not_found"


def test_metadata_comes_back_only_when_asked_for(client):
    metadata = {"event_type": "standup_prompt", "event_payload": {"occurrence_id": 7}}
    posted = client.chat_postMessage(channel="U1", text="stand-up", metadata=metadata)
    client.chat_postMessage(channel="U1", text="later")
    with_metadata = client.conversations_history(channel=posted["channel"], include_all_metadata=True)
    assert [m["text"] for m in with_metadata["messages"]] == ["later", "stand-up"]
    assert with_metadata["messages"][1]["metadata"] == metadata
    plain = client.conversations_history(channel=posted["channel"])
    assert all("metadata" not in m for m in plain["messages"])
    newest = client.conversations_history(channel=posted["channel"], limit=1)
    assert [m["text"] for m in newest["messages"]] == ["later"] and newest["has_more"]
    after = client.conversations_history(channel=posted["channel"], oldest=posted["ts"])
    assert [m["text"] for m in after["messages"]] == ["later"]


def test_threads(client):
    parent = client.chat_postMessage(channel="C1", text="parent")
    client.chat_postMessage(channel="C1", text="reply", thread_ts=parent["ts"])
    assert [m["text"] for m in client.conversations_history(channel="C1")["messages"]] == ["parent"]
    replies = client.conversations_replies(channel="C1", ts=parent["ts"])
    assert [m["text"] for m in replies["messages"]] == ["parent", "reply"]
    assert error_of(client.conversations_replies, channel="C1", ts="1.000002")["error"] == "thread_not_found"


def test_block_params_are_recorded_decoded_from_form_bodies(client, fake):
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}]
    client.api_call("chat.postMessage", data={"channel": "C1", "blocks": json.dumps(blocks)})
    call = fake.last_call("chat.postMessage")
    assert call.params["blocks"] == blocks and call.ok and call.token == "xoxb-test"


def test_users(client, fake):
    fake.add_user("U1", name="ada", email="Ada@example.org", tz="Europe/Paris", locale="fr-FR")
    user = client.users_info(user="U1")["user"]
    assert user["tz"] == "Europe/Paris" and "locale" not in user
    assert client.users_info(user="U1", include_locale=True)["user"]["locale"] == "fr-FR"
    assert client.users_lookupByEmail(email="ada@example.org")["user"]["id"] == "U1"
    assert error_of(client.users_info, user="U404")["error"] == "user_not_found"
    assert error_of(client.users_lookupByEmail, email="x@example.org")["error"] == "users_not_found"


def test_channels(client, fake):
    fake.add_channel("C9", name="cohort-1", members=["U1", "U2"], is_member=False)
    assert error_of(client.chat_postMessage, channel="C9", text="hi")["error"] == "not_in_channel"
    assert client.conversations_join(channel="C9")["channel"]["is_member"] is True
    assert client.chat_postMessage(channel="#cohort-1", text="hi")["channel"] == "C9"
    assert client.conversations_members(channel="C9")["members"] == ["U1", "U2", "U0BOT"]
    assert client.conversations_info(channel="C9")["channel"]["name"] == "cohort-1"


def test_unknown_methods_answer_ok_and_are_recorded(client, fake):
    assert client.api_call("reactions.add", json={"channel": "C1", "name": "tada", "timestamp": "1.1"})["ok"]
    assert fake.count("reactions.add") == 1


def test_file_upload_takes_three_steps(client, fake):
    uploaded = client.files_upload_v2(
        channel="C1",
        content=b"week,fellows\n1,12\n",
        filename="digest.csv",
        title="Digest",
        initial_comment="Weekly digest",
    )
    assert uploaded["file"]["title"] == "Digest"
    assert [c.method for c in fake.calls()] == ["files.getUploadURLExternal", "files.completeUploadExternal"]
    (stored,) = fake.state.files
    assert stored["content"] == b"week,fellows\n1,12\n" and stored["channel_id"] == "C1"
    assert stored["initial_comment"] == "Weekly digest" and stored["name"] == "digest.csv"


def test_response_url_posts_are_recorded_five_times_within_30_minutes(fake, manual_time):
    url = fake.new_response_url()
    webhook = WebhookClient(url)
    statuses = [webhook.send(text=f"reply {i}").status_code for i in range(6)]
    assert statuses == [200] * 5 + [404]
    assert [r.body["text"] for r in fake.responses()][:2] == ["reply 0", "reply 1"]
    late = WebhookClient(fake.new_response_url())
    manual_time.advance(30 * 60 + 1)
    assert (late.send(text="late").status_code, fake.responses()[-1].status) == (404, 404)


def test_reset_forgets_calls_and_messages_but_keeps_users(client, fake):
    fake.add_user("U1")
    client.chat_postMessage(channel="C1", text="x")
    fake.reset()
    assert fake.count() == 0 and fake.messages("C1") == [] and "U1" in fake.users


def test_runs_standalone():
    command = [sys.executable, "-m", "bot.standin.slack", "--port", "0"]
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://\S+/api/", process.stdout.readline()).group(0)
        assert WebClient(token="xoxb-test", base_url=url).auth_test()["ok"]
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=5) == 0
        process.stdout.close()


def test_context_manager_and_stop():
    with SlackStandIn() as fake:
        url = fake.url
    with pytest.raises(RuntimeError):
        _ = fake.url
    assert url.startswith("http://127.0.0.1:") and url.endswith("/api/")

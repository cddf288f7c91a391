"""Slack's refusals, read one way: the error code, and direct messages that skip whoever cannot be
reached without stopping anyone else."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError

from handlers.blocks.slack_errors import CHANNEL_REFUSED, UNREACHABLE, error_code
from handlers.slack_out import send_dm


def _refused(ctx, fake_slack, **fault) -> SlackApiError:
    fake_slack.fail_next("chat.postMessage", **fault)
    with pytest.raises(SlackApiError) as refused:
        ctx.slack.chat_postMessage(channel="C100", text="hello")
    return refused.value


def test_the_error_code_is_what_slack_said(ctx, fake_slack):
    fake_slack.add_channel("C100", name="eig7")
    assert error_code(_refused(ctx, fake_slack, error="not_in_channel")) == "not_in_channel"


def test_an_answer_without_a_code_is_named_by_its_http_status(ctx, fake_slack):
    fake_slack.add_channel("C100", name="eig7")
    assert error_code(_refused(ctx, fake_slack, error="", status=503)) == "http_503"


def test_a_direct_message_is_sent_and_its_conversation_kept(ctx, fake_slack):
    fake_slack.add_user("UANA", name="ana", tz="Europe/Paris", locale="fr-FR")
    channel = send_dm(ctx, "UANA", {"text": "Bonjour"})
    assert channel == fake_slack.dm_channel("UANA")
    assert [m["text"] for m in fake_slack.messages("UANA")] == ["Bonjour"]
    with ctx.uow() as uow:
        assert uow.schedule.direct_channel("UANA") == channel


@pytest.mark.parametrize("code", sorted(UNREACHABLE))
def test_someone_slack_will_not_let_the_bot_write_to_is_skipped(ctx, fake_slack, code):
    fake_slack.add_user("UANA", name="ana", tz="Europe/Paris", locale="fr-FR")
    fake_slack.fail_next("chat.postMessage", code)
    assert send_dm(ctx, "UANA", {"text": "Bonjour"}) is None
    assert send_dm(ctx, "UANA", {"text": "Encore"}) == fake_slack.dm_channel("UANA")


def test_any_other_refusal_reaches_the_error_handler(ctx, fake_slack):
    fake_slack.add_user("UANA", name="ana", tz="Europe/Paris", locale="fr-FR")
    fake_slack.fail_next("chat.postMessage", "invalid_blocks")
    with pytest.raises(SlackApiError):
        send_dm(ctx, "UANA", {"text": "Bonjour"})


def test_a_channel_refusal_is_one_an_admin_can_fix():
    assert {"not_in_channel", "is_archived", "channel_not_found", "restricted_action"} == CHANNEL_REFUSED

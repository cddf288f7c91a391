"""The fake refuses the Block Kit payloads Slack refuses, and accepts them up to the limit."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def plain(text: str) -> dict:
    return {"type": "plain_text", "text": text}


def section(text: str = "x", **extra) -> dict:
    return {"type": "section", "text": mrkdwn(text), **extra}


def button(text: str = "Go", value: str = "v", action_id: str = "go") -> dict:
    return {"type": "button", "text": plain(text), "value": value, "action_id": action_id}


def actions(*elements: dict) -> dict:
    return {"type": "actions", "elements": list(elements)}


def option(text: str = "a", value: str = "a") -> dict:
    return {"text": plain(text), "value": value}


def select(*options: dict) -> dict:
    return {
        "type": "static_select",
        "action_id": "pick",
        "placeholder": plain("Pick"),
        "options": list(options),
    }


def text_input(**extra) -> dict:
    return {
        "type": "input",
        "block_id": "answer",
        "label": plain("Answer"),
        "element": {"type": "plain_text_input", "action_id": "value", **extra},
    }


MESSAGE_LIMITS = [
    ("blocks", lambda n: [section() for _ in range(n)], 50, "/blocks"),
    ("section text", lambda n: [section("x" * n)], 3000, "/blocks/0/text/text"),
    ("section fields", lambda n: [{"type": "section", "fields": [mrkdwn("f")] * n}], 10, "/blocks/0/fields"),
    (
        "section field text",
        lambda n: [{"type": "section", "fields": [mrkdwn("f" * n)]}],
        2000,
        "/blocks/0/fields/0/text",
    ),
    ("header text", lambda n: [{"type": "header", "text": plain("h" * n)}], 150, "/blocks/0/text/text"),
    ("button text", lambda n: [actions(button(text="b" * n))], 75, "/blocks/0/elements/0/text/text"),
    ("button value", lambda n: [actions(button(value="v" * n))], 2000, "/blocks/0/elements/0/value"),
    ("action_id", lambda n: [actions(button(action_id="a" * n))], 255, "/blocks/0/elements/0/action_id"),
    ("block_id", lambda n: [section(block_id="b" * n)], 255, "/blocks/0/block_id"),
    (
        "select options",
        lambda n: [actions(select(*[option(str(i), str(i)) for i in range(n)]))],
        100,
        "/blocks/0/elements/0/options",
    ),
    (
        "option text",
        lambda n: [actions(select(option(text="o" * n)))],
        75,
        "/blocks/0/elements/0/options/0/text/text",
    ),
    (
        "option value",
        lambda n: [actions(select(option(value="o" * n)))],
        75,
        "/blocks/0/elements/0/options/0/value",
    ),
    (
        "context elements",
        lambda n: [{"type": "context", "elements": [mrkdwn("c")] * n}],
        10,
        "/blocks/0/elements",
    ),
    (
        "actions elements",
        lambda n: [actions(*[button(action_id=f"a{i}") for i in range(n)])],
        25,
        "/blocks/0/elements",
    ),
    (
        "plain_text_input max_length",
        lambda n: [text_input(max_length=n)],
        3000,
        "/blocks/0/element/max_length",
    ),
]


@pytest.mark.parametrize(
    ("build", "limit", "pointer"), [c[1:] for c in MESSAGE_LIMITS], ids=[c[0] for c in MESSAGE_LIMITS]
)
def test_message_limits(client, build, limit, pointer):
    client.chat_postMessage(channel="C1", text="t", blocks=build(limit))
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="t", blocks=build(limit + 1))
    assert raised.value.response["error"] == "invalid_blocks"
    messages = raised.value.response["response_metadata"]["messages"]
    assert any(m.startswith("[ERROR] ") and m.endswith(f"[json-pointer:{pointer}]") for m in messages), (
        messages
    )


def test_the_error_reads_like_slacks(client):
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="t", blocks=[section("x" * 3001)])
    assert raised.value.response.data == {
        "ok": False,
        "error": "invalid_blocks",
        "response_metadata": {
            "messages": ["[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"]
        },
    }


def test_duplicate_block_ids_are_refused(client):
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="t", blocks=[section(block_id="a"), section(block_id="a")])
    assert raised.value.response["error"] == "invalid_blocks"


@pytest.mark.parametrize("method", ["chat_update", "chat_postEphemeral"])
def test_updates_and_ephemerals_are_checked_too(client, method):
    posted = client.chat_postMessage(channel="C1", text="t")
    arguments = {"ts": posted["ts"]} if method == "chat_update" else {"user": "U1"}
    with pytest.raises(SlackApiError) as raised:
        getattr(client, method)(channel="C1", text="t", blocks=[section("x" * 3001)], **arguments)
    assert raised.value.response["error"] == "invalid_blocks"


def modal(blocks: list | None = None, **fields) -> dict:
    return {
        "type": "modal",
        "title": plain("Stand-up"),
        "submit": plain("Send"),
        "blocks": blocks or [],
        **fields,
    }


VIEW_LIMITS = [
    ("title", lambda n: modal(title=plain("t" * n)), 24, "/view/title/text"),
    ("submit", lambda n: modal(submit=plain("s" * n)), 24, "/view/submit/text"),
    ("close", lambda n: modal(close=plain("c" * n)), 24, "/view/close/text"),
    ("private_metadata", lambda n: modal(private_metadata="p" * n), 3000, "/view/private_metadata"),
    ("callback_id", lambda n: modal(callback_id="c" * n), 255, "/view/callback_id"),
    ("blocks", lambda n: modal([section() for _ in range(n)]), 100, "/view/blocks"),
    ("section text", lambda n: modal([section("x" * n)]), 3000, "/view/blocks/0/text/text"),
]


@pytest.mark.parametrize(
    ("build", "limit", "pointer"), [c[1:] for c in VIEW_LIMITS], ids=[c[0] for c in VIEW_LIMITS]
)
def test_modal_limits(client, fake, build, limit, pointer):
    client.views_open(trigger_id=fake.new_trigger_id(), view=build(limit))
    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id=fake.new_trigger_id(), view=build(limit + 1))
    assert raised.value.response["error"] == "invalid_arguments"
    assert any(
        m.endswith(f"[json-pointer:{pointer}]")
        for m in raised.value.response["response_metadata"]["messages"]
    )


def test_a_modal_with_an_input_needs_a_submit_button(client, fake):
    view = {"type": "modal", "title": plain("Help"), "blocks": [text_input()]}
    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id=fake.new_trigger_id(), view=view)
    assert raised.value.response["error"] == "invalid_arguments"


def test_home_tab_limits(client):
    home = {"type": "home", "blocks": [section() for _ in range(100)]}
    client.views_publish(user_id="U1", view=home)
    with pytest.raises(SlackApiError) as raised:
        client.views_publish(user_id="U1", view={**home, "blocks": home["blocks"] + [section()]})
    assert raised.value.response["error"] == "invalid_arguments"


def test_views_over_250_kb_are_too_large(client, fake):
    view = modal([section("x" * 3000) for _ in range(90)])
    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id=fake.new_trigger_id(), view=view)
    assert raised.value.response["error"] == "view_too_large"

"""The payloads Slack sends (commands, button clicks, form submissions, events), and Socket Mode
style dispatch.

Socket Mode skips signature checks, and an InlineExecutor runs listeners on the calling thread,
so a caller (a test, the demo) sees every effect of a listener as soon as dispatch() returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from typing import Any

from slack_bolt import App, BoltResponse
from slack_bolt.request import BoltRequest

from bot.clock import SystemClock
from bot.standin.signing import UNISSUED_TRIGGER_ID, UNUSED_RESPONSE_URL, event_body, slash_command_fields
from bot.standin.workspace import APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID


class InlineExecutor(Executor):
    """Runs each submitted function at once and hands back its completed Future."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # the Future carries it, as a pool's would
            future.set_exception(error)
        return future


def dispatch(app: App, body: dict | str, headers: dict[str, str] | None = None) -> BoltResponse:
    given: dict[str, str | Sequence[str]] | None = dict(headers) if headers is not None else None
    return app.dispatch(BoltRequest(body=body, headers=given, mode="socket_mode"))


def _user(user_id: str, team_id: str) -> dict:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def _common(kind: str, user_id: str, trigger_id: str, team_id: str) -> dict:
    return {
        "type": kind,
        "team": {"id": team_id, "domain": "cohort"},
        "user": _user(user_id, team_id),
        "api_app_id": APP_ID,
        "token": "verification-token",
        "trigger_id": trigger_id,
        "is_enterprise_install": False,
    }


def select(value: str, text: str | None = None, kind: str = "static_select") -> dict:
    """The state of a select menu with one option chosen, for view_submission values."""
    return {
        "type": kind,
        "selected_option": {"text": {"type": "plain_text", "text": text or value}, "value": value},
    }


def multi_select(values: list[str], kind: str = "multi_static_select") -> dict:
    options = [{"text": {"type": "plain_text", "text": v}, "value": v} for v in values]
    return {"type": kind, "selected_options": options}


def block_action(
    action_id: str,
    value: str | None = None,
    user_id: str = "U1",
    trigger_id: str = UNISSUED_TRIGGER_ID,
    *,
    block_id: str = "actions",
    action_type: str = "button",
    channel_id: str = "C1",
    message: dict | None = None,
    view: dict | None = None,
    response_url: str = UNUSED_RESPONSE_URL,
    team_id: str = TEAM_ID,
) -> dict:
    """A block_actions payload: from a message by default, from a modal or Home tab when `view` is given.

    Select menus carry `selected_option` instead of `value`.
    """
    action: dict[str, Any] = {
        "type": action_type,
        "action_id": action_id,
        "block_id": block_id,
        "action_ts": f"{SystemClock().now().timestamp():.6f}",
    }
    if action_type.endswith("select") and value is not None:
        action.update(select(value, kind=action_type))
    else:
        action["value"] = value
    payload = _common("block_actions", user_id, trigger_id, team_id)
    payload["actions"] = [action]
    if view is not None:
        payload.update(container={"type": "view", "view_id": view.get("id", "V0001")}, view=view)
        return payload
    message = message or {
        "type": "message",
        "ts": "1700000000.000100",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "text": "",
        "blocks": [],
    }
    payload.update(
        container={
            "type": "message",
            "message_ts": message["ts"],
            "channel_id": channel_id,
            "is_ephemeral": False,
        },
        channel={"id": channel_id, "name": "general"},
        message=message,
        response_url=response_url,
        state={"values": {}},
    )
    return payload


def view_submission(
    callback_id: str,
    values: dict[str, Any],
    user_id: str = "U1",
    private_metadata: str = "",
    *,
    action_ids: dict[str, str] | None = None,
    view_id: str = "V0001",
    trigger_id: str = UNISSUED_TRIGGER_ID,
    team_id: str = TEAM_ID,
) -> dict:
    """A view_submission payload.

    values maps block_id to what the user entered: a string (or None) for a plain_text_input,
    or an element state such as select(...) / multi_select(...) / {"type": "datepicker", ...}.
    The action_id of every element is "value" unless action_ids says otherwise.
    """
    state: dict[str, dict] = {}
    for block_id, entered in values.items():
        element = entered if isinstance(entered, dict) else {"type": "plain_text_input", "value": entered}
        state[block_id] = {(action_ids or {}).get(block_id, "value"): element}
    payload = _common("view_submission", user_id, trigger_id, team_id)
    payload["view"] = {
        "id": view_id,
        "team_id": team_id,
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": private_metadata,
        "title": {"type": "plain_text", "text": "Modal"},
        "blocks": [],
        "state": {"values": state},
        "hash": "1700000000.abcdef",
        "external_id": "",
        "root_view_id": view_id,
        "previous_view_id": None,
        "app_id": APP_ID,
        "bot_id": BOT_ID,
    }
    payload["response_urls"] = []
    return payload


def slash_command(
    command: str,
    text: str = "",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str = UNUSED_RESPONSE_URL,
    trigger_id: str = UNISSUED_TRIGGER_ID,
    **fields: str,
) -> dict[str, str]:
    """A slash command as Socket Mode delivers it: the same fields as the HTTP form, as a dict."""
    return slash_command_fields(command, text, user_id, channel_id, response_url, trigger_id, **fields)


def event_callback(event: dict, event_id: str | None = None, **fields: Any) -> dict:
    """An Events API event_callback wrapper as a dict."""
    return json.loads(event_body(event, event_id, **fields))

"""Handlers for auth.test, chat.*, users.* and team.info.

Each handler takes the workspace state and the call's parameters and returns the `ok: true`
body, or raises ApiError.
"""

from __future__ import annotations

import copy

from bot.standin.block_kit import (
    ATTACHMENTS_MAX,
    MESSAGE_MAX_BLOCKS,
    MESSAGE_TEXT_MAX,
    UPDATE_TEXT_MAX,
    check_blocks,
)
from bot.standin.workspace import APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID, ApiError, SlackState, paginate, truthy


def auth_test(state: SlackState, params: dict) -> dict:
    return {
        "url": "https://cohort.slack.com/",
        "team": TEAM_ID,
        "user": BOT_USER_ID,
        "team_id": TEAM_ID,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "is_enterprise_install": False,
    }


# -- chat ---------------------------------------------------------------------------------------


def _check_content(params: dict, text_max: int, *, require_text: bool) -> None:
    blocks, text = params.get("blocks"), params.get("text")
    if isinstance(blocks, str) or (blocks is not None and not isinstance(blocks, list)):
        raise ApiError("invalid_blocks_format")
    if params.get("markdown_text") and (blocks or text):
        raise ApiError("markdown_text_conflict")
    if require_text and not (text or blocks or params.get("attachments") or params.get("markdown_text")):
        raise ApiError("no_text")
    if isinstance(text, str) and len(text) > text_max:
        raise ApiError("msg_too_long")
    attachments = params.get("attachments")
    if isinstance(attachments, list) and len(attachments) > ATTACHMENTS_MAX:
        raise ApiError("too_many_attachments")
    problems = check_blocks(blocks, MESSAGE_MAX_BLOCKS)
    if problems:
        raise ApiError("invalid_blocks", problems)
    metadata = params.get("metadata")
    if metadata is not None and not (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    ):
        raise ApiError("invalid_metadata_format")


def _message_fields(params: dict) -> dict:
    fields = {key: params[key] for key in ("text", "blocks", "attachments", "metadata") if key in params}
    fields.setdefault("text", params.get("markdown_text") or "")
    return fields


def chat_post_message(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"))
    state.check_can_post(channel)
    _check_content(params, MESSAGE_TEXT_MAX, require_text=True)
    message = {
        "type": "message",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "team": TEAM_ID,
        "ts": state.next_ts(),
        **_message_fields(params),
    }
    thread_ts = params.get("thread_ts")
    if thread_ts:
        message["thread_ts"] = str(thread_ts)
        message["reply_broadcast"] = truthy(params.get("reply_broadcast"))
        parent = state.find_message(channel, str(thread_ts))
        if parent is not None:
            parent.setdefault("thread_ts", parent["ts"])
            parent["reply_count"] = parent.get("reply_count", 0) + 1
    state.messages.setdefault(channel, []).append(message)
    return {"channel": channel, "ts": message["ts"], "message": copy.deepcopy(message)}


def chat_update(state: SlackState, params: dict) -> dict:
    # DMs must be addressed by their D… id here, unlike chat.postMessage.
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    message = state.find_message(channel, params.get("ts"))
    if message is None:
        raise ApiError("message_not_found")
    _check_content(params, UPDATE_TEXT_MAX, require_text=False)
    message.update(
        {key: params[key] for key in ("text", "blocks", "attachments", "metadata") if key in params}
    )
    message["edited"] = {"user": BOT_USER_ID, "ts": state.next_ts()}
    return {
        "channel": channel,
        "ts": message["ts"],
        "text": message.get("text", ""),
        "message": copy.deepcopy(message),
    }


def chat_post_ephemeral(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"))
    _check_content(params, MESSAGE_TEXT_MAX, require_text=True)
    ephemeral = {
        "channel": channel,
        "user": params.get("user"),
        "message_ts": state.next_ts(),
        **_message_fields(params),
    }
    if params.get("thread_ts"):
        ephemeral["thread_ts"] = str(params["thread_ts"])
    state.ephemerals.append(ephemeral)
    return {"message_ts": ephemeral["message_ts"]}


def chat_delete(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    message = state.find_message(channel, params.get("ts"))
    if message is None:
        raise ApiError("message_not_found")
    state.messages[channel].remove(message)
    return {"channel": channel, "ts": message["ts"]}


def chat_get_permalink(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    if state.find_message(channel, params.get("message_ts")) is None:
        raise ApiError("message_not_found")
    digits = str(params["message_ts"]).replace(".", "")
    return {"channel": channel, "permalink": f"https://cohort.slack.com/archives/{channel}/p{digits}"}


# -- users and team -----------------------------------------------------------------------------


def _user_view(user: dict, params: dict) -> dict:
    shown = copy.deepcopy(user)
    if not truthy(params.get("include_locale")):
        shown.pop("locale", None)
    return shown


def users_info(state: SlackState, params: dict) -> dict:
    user = state.users.get(str(params.get("user")))
    if user is None:
        raise ApiError("user_not_found")
    return {"user": _user_view(user, params)}


def users_lookup_by_email(state: SlackState, params: dict) -> dict:
    wanted = str(params.get("email")).lower()
    for user in state.users.values():
        if str(user.get("profile", {}).get("email") or "").lower() == wanted:
            return {"user": _user_view(user, {"include_locale": True})}
    raise ApiError("users_not_found")


def users_list(state: SlackState, params: dict) -> dict:
    page, paging = paginate(list(state.users.values()), params, default_limit=200)
    return {
        "members": [_user_view(u, params) for u in page],
        "response_metadata": paging["response_metadata"],
    }


def team_info(state: SlackState, params: dict) -> dict:
    return {"team": {"id": TEAM_ID, "name": "Cohort", "domain": "cohort"}}


HANDLERS = {
    "auth.test": auth_test,
    "chat.postMessage": chat_post_message,
    "chat.update": chat_update,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.delete": chat_delete,
    "chat.getPermalink": chat_get_permalink,
    "users.info": users_info,
    "users.lookupByEmail": users_lookup_by_email,
    "users.list": users_list,
    "team.info": team_info,
}

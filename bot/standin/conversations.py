"""Handlers for conversations.*: history, threads, DMs and channel membership."""

from __future__ import annotations

import copy
from typing import Any

from bot.standin.workspace import BOT_USER_ID, ApiError, SlackState, paginate, truthy


def _visible(message: dict, params: dict) -> dict:
    shown = copy.deepcopy(message)
    if not truthy(params.get("include_all_metadata")):
        shown.pop("metadata", None)
    return shown


def _bound(params: dict, name: str) -> float | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        raise ApiError(f"invalid_ts_{name}") from None


def _in_range(ts: str, params: dict) -> bool:
    inclusive = truthy(params.get("inclusive"))
    oldest, latest, when = _bound(params, "oldest"), _bound(params, "latest"), float(ts)
    if oldest is not None and (when < oldest or (when == oldest and not inclusive)):
        return False
    return not (latest is not None and (when > latest or (when == latest and not inclusive)))


def conversations_history(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    top_level = [
        m
        for m in state.messages.get(channel, [])
        if (m.get("thread_ts", m["ts"]) == m["ts"] or m.get("reply_broadcast")) and _in_range(m["ts"], params)
    ]
    page, paging = paginate(list(reversed(top_level)), params)
    return {"messages": [_visible(m, params) for m in page], **paging}


def conversations_replies(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    parent = state.find_message(channel, params.get("ts"))
    if parent is None:
        raise ApiError("thread_not_found")
    thread = [parent] + [
        m for m in state.messages.get(channel, []) if m.get("thread_ts") == parent["ts"] and m is not parent
    ]
    thread = [thread[0]] + [m for m in thread[1:] if _in_range(m["ts"], params)]
    page, paging = paginate(thread, params, default_limit=1000)
    return {"messages": [_visible(m, params) for m in page], **paging}


def conversations_open(state: SlackState, params: dict) -> dict:
    if params.get("channel"):
        return {"channel": {"id": state.resolve_channel(params["channel"], allow_user=False)}}
    users = [u.strip() for u in str(params.get("users") or "").split(",") if u.strip()]
    if not users:
        raise ApiError("users_list_not_supplied")
    for user_id in users:
        if state.users.get(user_id, {}).get("deleted"):
            raise ApiError("user_disabled")
    if len(users) == 1:
        channel = state.dm_for(users[0])
        already_open = channel in state.messages
        body: dict[str, Any] = {
            "channel": {"id": channel},
            "no_op": already_open,
            "already_open": already_open,
        }
        if truthy(params.get("return_im")):
            body["channel"].update(is_im=True, user=users[0])
        return body
    return {"channel": {"id": state.mpim_for(users)}}


def _channel_info(state: SlackState, channel: str) -> dict:
    if channel in state.channels:
        return state.channels[channel]
    if channel in state.dm_users:
        return {"id": channel, "is_im": True, "user": state.dm_users[channel], "is_open": True}
    if channel.startswith("G") and channel in state.members:  # a group DM opened by conversations.open
        return {"id": channel, "is_mpim": True, "is_private": True, "is_member": True, "is_open": True}
    raise ApiError("channel_not_found")


def conversations_info(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    return {"channel": copy.deepcopy(_channel_info(state, channel))}


def conversations_join(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    info = _channel_info(state, channel)
    if info.get("is_archived"):
        raise ApiError("is_archived")
    info["is_member"] = True
    members = state.members.setdefault(channel, [])
    if BOT_USER_ID not in members:
        members.append(BOT_USER_ID)
    return {"channel": copy.deepcopy(info)}


def conversations_members(state: SlackState, params: dict) -> dict:
    channel = state.resolve_channel(params.get("channel"), allow_user=False)
    info = _channel_info(state, channel)
    members = [info["user"], BOT_USER_ID] if info.get("is_im") else state.members.get(channel, [])
    page, paging = paginate(list(members), params)
    return {"members": page, "response_metadata": paging["response_metadata"]}


HANDLERS = {
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "conversations.open": conversations_open,
    "conversations.info": conversations_info,
    "conversations.join": conversations_join,
    "conversations.members": conversations_members,
}

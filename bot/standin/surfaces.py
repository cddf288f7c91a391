"""Handlers for views.* (modals, Home tab) and the external file upload methods."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from bot.standin.block_kit import MESSAGE_MAX_BLOCKS, check_blocks, check_view, view_too_large
from bot.standin.workspace import APP_ID, BOT_ID, TEAM_ID, ApiError, SlackState, Ticket

# -- views --------------------------------------------------------------------------------------


def _view_argument(state: SlackState, params: dict, kind: str) -> dict:
    view = params.get("view")
    problems = check_view(view)
    if not isinstance(view, dict):
        raise ApiError("invalid_arguments", problems)
    if not problems and view.get("type") != kind:
        problems = ["[ERROR] must be a valid enum value [json-pointer:/view/type]"]
    if problems:
        raise ApiError("invalid_arguments", problems)
    if view_too_large(view):
        raise ApiError("view_too_large")
    external_id = view.get("external_id")
    if external_id and any(
        v.get("external_id") == external_id and v["id"] != params.get("view_id") for v in state.views.values()
    ):
        raise ApiError("duplicate_external_id")
    return view


def _trigger(state: SlackState, params: dict) -> Ticket | None:
    if params.get("trigger_id"):
        return state.check_trigger(params["trigger_id"])
    if params.get("interactivity_pointer"):
        return None
    raise ApiError(
        "invalid_arguments", ["[ERROR] missing required field: trigger_id [json-pointer:/trigger_id]"]
    )


def _stored(state: SlackState, view: dict, view_id: str, **links: Any) -> dict:
    record = {
        "private_metadata": "",
        "callback_id": "",
        "external_id": "",
        **copy.deepcopy(view),
        "id": view_id,
        "team_id": TEAM_ID,
        "app_id": APP_ID,
        "bot_id": BOT_ID,
        "state": {"values": {}},
        "hash": f"{state.next_ts()}.{secrets.token_hex(4)}",
        **links,
    }
    state.views[view_id] = record
    return record


def _open_modal(state: SlackState, params: dict) -> dict:
    ticket = _trigger(state, params)
    view = _view_argument(state, params, "modal")
    if ticket is not None:
        ticket.uses += 1
    view_id = state.next_id("V")
    return {"view": copy.deepcopy(_stored(state, view, view_id, root_view_id=view_id, previous_view_id=None))}


def views_open(state: SlackState, params: dict) -> dict:
    return _open_modal(state, params)


def views_push(state: SlackState, params: dict) -> dict:
    return _open_modal(state, params)


def views_update(state: SlackState, params: dict) -> dict:
    view_id = params.get("view_id")
    if not view_id and params.get("external_id"):
        view_id = next(
            (v["id"] for v in state.views.values() if v["external_id"] == params["external_id"]), None
        )
    current = state.views.get(str(view_id))
    if current is None:
        raise ApiError("not_found")
    if params.get("hash") and params["hash"] != current["hash"]:
        raise ApiError("hash_conflict")
    view = _view_argument(state, {**params, "view_id": current["id"]}, current["type"])
    links = {"root_view_id": current.get("root_view_id"), "previous_view_id": current.get("previous_view_id")}
    return {"view": copy.deepcopy(_stored(state, view, current["id"], **links))}


def views_publish(state: SlackState, params: dict) -> dict:
    user_id = str(params.get("user_id"))
    current = state.home_views.get(user_id)
    if params.get("hash") and (current is None or params["hash"] != current["hash"]):
        raise ApiError("hash_conflict")
    view = _view_argument(state, params, "home")
    view_id = current["id"] if current else state.next_id("V")
    record = _stored(state, view, view_id, root_view_id=None, previous_view_id=None)
    state.home_views[user_id] = record
    return {"view": copy.deepcopy(record)}


# -- files --------------------------------------------------------------------------------------


def _public(file: dict) -> dict:
    return {key: value for key, value in file.items() if key != "content"} | {"size": len(file["content"])}


def files_get_upload_url_external(state: SlackState, params: dict) -> dict:
    try:
        length = int(params["length"])
    except (TypeError, ValueError):
        raise ApiError("invalid_arguments", ["[ERROR] must be an integer [json-pointer:/length]"]) from None
    if length <= 0:
        raise ApiError("missing_argument")
    file_id = state.next_id("F")
    state.uploads[file_id] = {
        "id": file_id,
        "name": params["filename"],
        "length": length,
        "alt_txt": params.get("alt_txt"),
        "snippet_type": params.get("snippet_type"),
        "content": None,
    }
    return {"upload_url": f"{state.base_url}upload/{file_id}", "file_id": file_id}


def files_complete_upload_external(state: SlackState, params: dict) -> dict:
    files = params.get("files")
    if not isinstance(files, list) or not files:
        raise ApiError("invalid_arguments", ["[ERROR] must be a non-empty array [json-pointer:/files]"])
    channel_id = params.get("channel_id")
    if channel_id:
        channel_id = state.resolve_channel(channel_id, allow_user=False)
    channels = [
        state.resolve_channel(c, allow_user=False) for c in str(params.get("channels") or "").split(",") if c
    ]
    problems = check_blocks(params.get("blocks"), MESSAGE_MAX_BLOCKS)
    if problems:
        raise ApiError("invalid_blocks", problems)
    uploads = []
    for entry in files:
        upload = state.uploads.get(str(entry.get("id") if isinstance(entry, dict) else ""))
        if upload is None or upload["content"] is None:
            raise ApiError("file_not_found")
        uploads.append((upload, entry))
    completed = []
    for upload, entry in uploads:
        del state.uploads[upload["id"]]
        file = {
            **upload,
            "title": entry.get("title") or upload["name"],
            "channel_id": channel_id,
            "channels": channels,
            "initial_comment": params.get("initial_comment"),
            "thread_ts": params.get("thread_ts"),
        }
        state.files.append(file)
        completed.append(_public(file))
    return {"files": completed}


def files_info(state: SlackState, params: dict) -> dict:
    file = next((f for f in state.files if f["id"] == params.get("file")), None)
    if file is None:
        raise ApiError("file_not_found")
    return {"file": _public(file)}


def files_upload(state: SlackState, params: dict) -> dict:
    # The v1 upload method has been retired; clients must use files_upload_v2.
    raise ApiError("method_deprecated")


HANDLERS = {
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
    "files.getUploadURLExternal": files_get_upload_url_external,
    "files.completeUploadExternal": files_complete_upload_external,
    "files.info": files_info,
    "files.upload": files_upload,
}

"""Filling a form the bot opened, as a person would: what they type or pick goes in by input name,
and every other field keeps what the bot put there. The result is the `state.values` Slack sends."""

from __future__ import annotations

from typing import Any


def _option(element: dict, value: str | None) -> dict | None:
    if value is None:
        return element.get("initial_option")
    for option in element.get("options") or []:
        if option.get("value") == value:
            return option
    return {"text": {"type": "plain_text", "text": value}, "value": value}


def _state(element: dict, given: Any) -> dict:
    """The state Slack reports for an element, from what the person entered (None: left as is)."""
    kind = element.get("type", "")
    state: dict[str, Any] = {"type": kind}
    if kind in ("static_select", "radio_buttons"):
        state["selected_option"] = _option(element, given)
    elif kind in ("checkboxes", "multi_static_select"):
        chosen = given if given is not None else [o["value"] for o in element.get("initial_options") or []]
        state["selected_options"] = [_option(element, value) for value in chosen]
    elif kind == "datepicker":
        state["selected_date"] = given or element.get("initial_date")
    elif kind == "timepicker":
        state["selected_time"] = given or element.get("initial_time")
    elif kind == "users_select":
        state["selected_user"] = given or element.get("initial_user")
    elif kind == "multi_users_select":
        state["selected_users"] = given if given is not None else element.get("initial_users", [])
    else:  # plain_text_input, number_input and the like
        state["value"] = given if given is not None else element.get("initial_value")
    return state


def filled(view: dict, answers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The submitted values by block id, and each element's action id."""
    values: dict[str, Any] = {}
    action_ids: dict[str, str] = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        values[block_id] = _state(element, answers.get(block_id))
        action_ids[block_id] = element.get("action_id", "value")
    return values, action_ids


def as_filled(view: dict, answers: dict[str, Any]) -> dict:
    """The form as the person left it before pressing submit: what they typed or picked shown in it."""
    blocks = []
    for block in view.get("blocks") or []:
        given = answers.get(block.get("block_id", "")) if block.get("type") == "input" else None
        if isinstance(given, str):
            element = dict(block["element"])
            kind = element.get("type", "")
            key = {"datepicker": "initial_date", "timepicker": "initial_time"}.get(kind, "initial_value")
            if kind in ("static_select", "radio_buttons"):
                key, given = "initial_option", _option(element, given)
            element[key] = given
            block = {**block, "element": element}
        blocks.append(block)
    return {**view, "blocks": blocks}

"""Block Kit and surface limits, checked the way Slack checks raw JSON.

slack_sdk only validates payloads built with its model classes; dicts go to Slack unchecked,
so the stand-in has to reject what Slack would reject. Messages mimic Slack's own
("[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]").
"""

from __future__ import annotations

import json
from typing import Any

MESSAGE_MAX_BLOCKS = 50
VIEW_MAX_BLOCKS = 100
MESSAGE_TEXT_MAX = 40_000
UPDATE_TEXT_MAX = 4_000
ATTACHMENTS_MAX = 100
VIEW_MAX_BYTES = 250_000

# Option value: slack_sdk allows 150, @slack/types says 75; the stricter one is the safe one.
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 75
OPTIONS_MAX = {
    "static_select": 100,
    "multi_static_select": 100,
    "overflow": 5,
    "radio_buttons": 10,
    "checkboxes": 10,
}
PLACEHOLDER_MAX = 150


class _Errors:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, text: str, pointer: str) -> None:
        self.messages.append(f"[ERROR] {text} [json-pointer:{pointer}]")

    def string(self, value: Any, limit: int, pointer: str, *, required: bool = False) -> None:
        if value is None:
            if required:
                self.add("missing required field", pointer)
            return
        if not isinstance(value, str):
            self.add("must be a string", pointer)
        elif len(value) > limit:
            self.add(f"must be less than {limit + 1} characters", pointer)
        elif required and not value:
            self.add("must be more than 0 characters", pointer)

    def text(self, obj: Any, limit: int, pointer: str, *, required: bool = True, plain: bool = False) -> None:
        """A text object: {"type": "plain_text"|"mrkdwn", "text": ...}."""
        if obj is None:
            if required:
                self.add("missing required field", pointer)
            return
        if not isinstance(obj, dict):
            self.add("must be an object", pointer)
            return
        allowed = ("plain_text",) if plain else ("plain_text", "mrkdwn")
        if obj.get("type") not in allowed:
            self.add("must be a valid enum value", f"{pointer}/type")
        self.string(obj.get("text"), limit, f"{pointer}/text", required=True)

    def items(self, value: Any, limit: int, pointer: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.add("must be an array", pointer)
            return []
        if len(value) > limit:
            self.add(f"no more than {limit} items allowed", pointer)
        return value

    def number(self, value: Any, limit: int, pointer: str) -> None:
        if value is not None and (not isinstance(value, int) or value > limit):
            self.add(f"must be at most {limit}", pointer)


def _check_options(options: list, pointer: str, errors: _Errors) -> None:
    for index, option in enumerate(options):
        here = f"{pointer}/{index}"
        if not isinstance(option, dict):
            errors.add("must be an object", here)
            continue
        errors.text(option.get("text"), OPTION_TEXT_MAX, f"{here}/text")
        errors.string(option.get("value"), OPTION_VALUE_MAX, f"{here}/value", required=True)
        errors.text(option.get("description"), OPTION_TEXT_MAX, f"{here}/description", required=False)


def _check_element(element: Any, pointer: str, errors: _Errors) -> None:
    if not isinstance(element, dict):
        errors.add("must be an object", pointer)
        return
    kind = element.get("type")
    errors.string(element.get("action_id"), 255, f"{pointer}/action_id")
    errors.text(element.get("placeholder"), PLACEHOLDER_MAX, f"{pointer}/placeholder", required=False)
    if kind == "button":
        errors.text(element.get("text"), 75, f"{pointer}/text", plain=True)
        errors.string(element.get("value"), 2000, f"{pointer}/value")
        errors.string(element.get("url"), 3000, f"{pointer}/url")
    elif kind in OPTIONS_MAX:
        options = errors.items(element.get("options"), OPTIONS_MAX[kind], f"{pointer}/options")
        _check_options(options, f"{pointer}/options", errors)
        groups = errors.items(element.get("option_groups"), 100, f"{pointer}/option_groups")
        for index, group in enumerate(groups):
            here = f"{pointer}/option_groups/{index}"
            if not isinstance(group, dict):
                errors.add("must be an object", here)
                continue
            errors.text(group.get("label"), OPTION_TEXT_MAX, f"{here}/label", plain=True)
            group_options = errors.items(group.get("options"), 100, f"{here}/options")
            _check_options(group_options, f"{here}/options", errors)
    elif kind == "plain_text_input":
        errors.number(element.get("max_length"), 3000, f"{pointer}/max_length")
        errors.number(element.get("min_length"), 3000, f"{pointer}/min_length")


def _check_block(block: dict, pointer: str, errors: _Errors) -> None:
    kind = block.get("type")
    if kind == "section":
        if block.get("text") is None and not block.get("fields"):
            errors.add("must provide either text or fields", pointer)
        errors.text(block.get("text"), 3000, f"{pointer}/text", required=False)
        fields = errors.items(block.get("fields"), 10, f"{pointer}/fields")
        for index, field in enumerate(fields):
            errors.text(field, 2000, f"{pointer}/fields/{index}")
        if block.get("accessory") is not None:
            _check_element(block["accessory"], f"{pointer}/accessory", errors)
    elif kind == "header":
        errors.text(block.get("text"), 150, f"{pointer}/text", plain=True)
    elif kind == "actions":
        for index, element in enumerate(errors.items(block.get("elements"), 25, f"{pointer}/elements")):
            _check_element(element, f"{pointer}/elements/{index}", errors)
    elif kind == "context":
        errors.items(block.get("elements"), 10, f"{pointer}/elements")
    elif kind == "input":
        errors.text(block.get("label"), 2000, f"{pointer}/label", plain=True)
        errors.text(block.get("hint"), 2000, f"{pointer}/hint", required=False, plain=True)
        _check_element(block.get("element"), f"{pointer}/element", errors)
    elif kind == "markdown":
        errors.string(block.get("text"), 12_000, f"{pointer}/text", required=True)
    elif kind == "image":
        errors.string(block.get("alt_text"), 2000, f"{pointer}/alt_text", required=True)


def check_blocks(blocks: Any, max_blocks: int, pointer: str = "/blocks") -> list[str]:
    """Slack-style error messages for a list of blocks; empty when Slack would accept it."""
    errors = _Errors()
    seen_block_ids: set[str] = set()
    for index, block in enumerate(errors.items(blocks, max_blocks, pointer)):
        here = f"{pointer}/{index}"
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            errors.add("missing required field: type", here)
            continue
        block_id = block.get("block_id")
        errors.string(block_id, 255, f"{here}/block_id")
        if isinstance(block_id, str):
            if block_id in seen_block_ids:
                errors.add(f"duplicate block_id: {block_id}", f"{here}/block_id")
            seen_block_ids.add(block_id)
        _check_block(block, here, errors)
    return errors.messages


def check_view(view: Any) -> list[str]:
    """Slack-style error messages for a modal or Home tab view."""
    errors = _Errors()
    if not isinstance(view, dict):
        errors.add("must be an object", "/view")
        return errors.messages
    kind = view.get("type")
    if kind not in ("modal", "home"):
        errors.add("must be a valid enum value", "/view/type")
    if kind == "modal":
        errors.text(view.get("title"), 24, "/view/title", plain=True)
        errors.text(view.get("submit"), 24, "/view/submit", required=False, plain=True)
        errors.text(view.get("close"), 24, "/view/close", required=False, plain=True)
        given = view.get("blocks")
        blocks = given if isinstance(given, list) else []
        has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
        if has_input and view.get("submit") is None:
            errors.add("submit is required when the view has an input block", "/view/submit")
    errors.string(view.get("private_metadata"), 3000, "/view/private_metadata")
    errors.string(view.get("callback_id"), 255, "/view/callback_id")
    errors.string(view.get("external_id"), 255, "/view/external_id")
    if view.get("blocks") is None:
        errors.add("missing required field: blocks", "/view/blocks")
    errors.messages += check_blocks(view.get("blocks"), VIEW_MAX_BLOCKS, "/view/blocks")
    return errors.messages


def view_too_large(view: Any) -> bool:
    return len(json.dumps(view).encode()) > VIEW_MAX_BYTES

"""Slack's mrkdwn and Block Kit as a person reads them, in plain text: `<@U1>` is `@Ana`, a
`<!date^…>` token is the time in the reader's zone, `*bold*` loses its stars, buttons read
`[Répondre]`, and a form lists its fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from handlers.i18n import format_clock, format_date

NameOf = Callable[[str], str]

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>")
_DATE = re.compile(r"<!date\^(\d+)\^([^|>^]*)(?:\^[^|>]*)?\|([^>]*)>")
_SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
_LINK = re.compile(r"<([^<>|]+)\|([^<>]+)>")
_BARE_LINK = re.compile(r"<((?:https?|mailto):[^<>|]+)>")
_EMPHASIS = re.compile(r"(?<![\w*_~])([*_~])(?=\S)(.+?)(?<=\S)\1(?![\w*_~])")


def _date_token(stamp: str, pattern: str, lang: str, zone: str) -> str:
    moment = datetime.fromtimestamp(int(stamp), UTC)
    day = moment.astimezone(ZoneInfo(zone))
    words = {
        "date_num": format_date(day.date(), lang, "short"),
        "date": format_date(day.date(), lang, "long"),
        "date_short": format_date(day.date(), lang, "medium"),
        "date_long": format_date(day.date(), lang, "full"),
        "date_pretty": format_date(day.date(), lang, "long"),
        "date_short_pretty": format_date(day.date(), lang, "medium"),
        "date_long_pretty": format_date(day.date(), lang, "full"),
        "time": format_clock(moment, lang, zone),
        "time_secs": format_clock(moment, lang, zone),
    }
    return re.sub(r"\{(\w+)\}", lambda m: words.get(m.group(1), m.group(0)), pattern)


def plain(text: str, name_of: NameOf, lang: str, zone: str) -> str:
    """mrkdwn as the reader sees it once Slack has drawn it."""
    text = _DATE.sub(lambda m: _date_token(m.group(1), m.group(2), lang, zone), text)
    text = _USER.sub(lambda m: "@" + name_of(m.group(1)), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or name_of(m.group(1))), text)
    text = _SPECIAL.sub(lambda m: "@" + m.group(1), text)
    text = _LINK.sub(lambda m: m.group(2), text)
    text = _BARE_LINK.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text_of(node: object) -> str:
    return str(node.get("text", "")) if isinstance(node, dict) else ""


def block_lines(block: dict, read: Callable[[str], str]) -> tuple[list[str], list[str]]:
    """The lines of text and the button labels of one block."""
    kind = block.get("type")
    lines: list[str] = []
    buttons: list[str] = []
    if kind in ("section", "header"):
        lines.append(read(_text_of(block.get("text"))))
        lines += [read(_text_of(field)) for field in block.get("fields") or []]
        accessory = block.get("accessory") or {}
        if accessory.get("type") == "button":
            buttons.append(_text_of(accessory.get("text")))
    elif kind == "context":
        lines.append("  ".join(read(_text_of(e)) for e in block.get("elements") or [] if "text" in e))
    elif kind == "markdown":
        lines.append(read(str(block.get("text", ""))))
    elif kind == "divider":
        lines.append("───")
    elif kind == "actions":
        buttons += [_text_of(e.get("text")) for e in block.get("elements") or [] if e.get("type") == "button"]
    elif kind == "input":
        lines.append(_field(block, read))
    elif kind == "rich_text":
        lines.append(read(_rich_text(block)))
    return [line for line in lines if line], buttons


def _field(block: dict, read: Callable[[str], str]) -> str:
    """A form field: its label, then what it holds or offers."""
    element = block.get("element") or {}
    label = _text_of(block.get("label"))
    held = (
        element.get("initial_value"),
        _text_of((element.get("initial_option") or {}).get("text")),
        element.get("initial_date"),
        element.get("initial_time"),
        ", ".join(_text_of(o.get("text")) for o in element.get("initial_options") or []),
    )
    shown = next((str(value) for value in held if value), "")
    if not shown and element.get("options"):
        shown = " | ".join(_text_of(o.get("text")) for o in element["options"][:6])
    return f"▸ {label}  ⟦{read(shown) if shown else ' '}⟧"


def _rich_text(block: dict) -> str:
    parts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "text":
                parts.append(str(node.get("text", "")))
            elif node.get("type") == "user":
                parts.append(f"<@{node.get('user_id')}>")
            for child in node.get("elements") or []:
                walk(child)

    walk(block)
    return "".join(parts)

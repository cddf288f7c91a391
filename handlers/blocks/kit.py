"""Small Block Kit helpers: each cuts its text to Slack's limits rather than let Slack refuse it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from domain.digests.model import LineAction
from domain.messages import DomainError
from handlers.i18n import gettext

SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
HEADER_TEXT_MAX = 150
CONTEXT_ELEMENTS_MAX = 10
MESSAGE_TEXT_MAX = 3900
MESSAGE_BLOCKS_MAX = 50
MODAL_TITLE_MAX = 24
BUTTON_TEXT_MAX = 75
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 75
OPTIONS_MAX = 100
LABEL_MAX = 2000
PLACEHOLDER_MAX = 150
PRIVATE_METADATA_MAX = 3000

Block = dict[str, Any]


def escape(text: str) -> str:
    """Whatever someone wrote, wherever Slack parses markup: mrkdwn blocks and a message's `text`
    (its notification) alike. Slack reads &, < and > as markup: `<!channel>`, links, mentions."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str) -> str:
    """A web address someone typed, as a link and nothing else: one word, http(s), and none of the
    characters that would end the link early or start markup; anything else is shown as text."""
    if not _WEB_ADDRESS.fullmatch(url):
        return escape(url)
    return "<" + url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C") + ">"


_WEB_ADDRESS = re.compile(r"https?://[^\s]+", re.IGNORECASE)


# A person or a channel (`<@U…>`, `<#C…|name>`) stays a link; anything else typed is escaped, and so
# is `<!channel>` or `<!here>`, which would notify everyone.
_SLACK_REF = re.compile(r"<[@#][^<>&]+>")


def _typed(value: object) -> object:
    if not isinstance(value, str) or _SLACK_REF.fullmatch(value):
        return value
    return escape(value)


def mistake(err: DomainError, lang: str, usage: str | None = None) -> dict:
    """An expected failure told to the person: one sentence naming it (what they typed escaped),
    then the usage line of what they meant, if any."""
    problem = gettext(err.message, lang, **{key: _typed(value) for key, value in err.params.items()})
    if not usage:
        return message(problem, [section(problem)])
    usage_text = gettext(usage, lang)
    return message(f"{problem}\n{usage_text}", [section(problem), context(usage_text)])


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = SECTION_TEXT_MAX) -> dict:
    return {"type": "plain_text", "text": cut(text, limit), "emoji": True}


def mrkdwn(text: str, limit: int = SECTION_TEXT_MAX) -> dict:
    return {"type": "mrkdwn", "text": cut(text, limit)}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_TEXT_MAX)}


def section(text: str | None, fields: list[str] | None = None) -> Block:
    """A section needs text, fields or both; empty text would be refused."""
    block: Block = {"type": "section"}
    if text or not fields:
        block["text"] = mrkdwn(text or "-")
    if fields:
        block["fields"] = [mrkdwn(field, FIELD_TEXT_MAX) for field in fields[:10]]
    return block


def context(*texts: str) -> Block:
    return {
        "type": "context",
        "elements": [mrkdwn(text, SECTION_TEXT_MAX) for text in texts[:CONTEXT_ELEMENTS_MAX]],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str | None = None, style: str | None = None) -> dict:
    element: dict[str, Any] = {"type": "button", "text": plain(text, BUTTON_TEXT_MAX), "action_id": action_id}
    if value is not None:
        element["value"] = cut(value, 2000)
    if style:
        element["style"] = style
    return element


def action_button(action: LineAction, lang: str) -> dict:
    """A button given as data (label, action id, value), in `lang`."""
    style = "primary" if action.primary else None
    return button(gettext(action.label, lang), action.action_id, action.value, style)


def option(text: str, value: str) -> dict:
    return {"text": plain(text, OPTION_TEXT_MAX), "value": value[:OPTION_VALUE_MAX]}


def static_select(
    options: list[dict], initial: str | None = None, placeholder: str | None = None, action_id: str = "value"
) -> dict:
    options = options[:OPTIONS_MAX]
    element: dict[str, Any] = {"type": "static_select", "action_id": action_id, "options": options}
    chosen = next((o for o in options if o["value"] == initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER_MAX)
    return element


def text_input(
    initial: str | None = None, placeholder: str | None = None, max_length: int | None = None
) -> dict:
    element: dict[str, Any] = {"type": "plain_text_input", "action_id": "value"}
    if initial:
        element["initial_value"] = initial
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER_MAX)
    if max_length:
        element["max_length"] = max_length
    return element


def input_block(
    block_id: str, label: str, element: dict, *, optional: bool = False, hint: str | None = None
) -> Block:
    """An input whose `block_id` is its name and whose element's `action_id` is `value`."""
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, LABEL_MAX),
        "element": {**element, "action_id": element.get("action_id", "value")},
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint, LABEL_MAX)
    return block


def form_input(
    block_id: str,
    element: dict,
    lang: str,
    labels: Mapping[str, str],
    hints: Mapping[str, str],
    *,
    optional: bool = False,
) -> Block:
    """An input labelled, and hinted if its form has a hint for it, from the form's messages."""
    hint = hints.get(block_id)
    label = gettext(labels[block_id], lang)
    return input_block(
        block_id, label, element, optional=optional, hint=gettext(hint, lang) if hint else None
    )


def message(text: str, blocks: list[Block] | None = None) -> dict:
    """A message: `text` is the notification and fallback, the blocks what people read."""
    body: dict[str, Any] = {"text": cut(text, MESSAGE_TEXT_MAX)}
    if blocks:
        body["blocks"] = blocks[:MESSAGE_BLOCKS_MAX]
    return body


def modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    *,
    submit: str | None = None,
    close: str | None = None,
    private_metadata: str = "",
) -> dict:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, MODAL_TITLE_MAX),
        "blocks": blocks[:100],
        "private_metadata": private_metadata[:PRIVATE_METADATA_MAX],
    }
    if submit:
        view["submit"] = plain(submit, MODAL_TITLE_MAX)
    if close:
        view["close"] = plain(close, MODAL_TITLE_MAX)
    return view

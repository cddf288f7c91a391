"""What a signed body must look like before Bolt reads it: UTF-8 text holding one JSON object.

Bolt assumes the shapes Slack sends (an object, `event` and `view` objects, lists of objects) and
fails with a 500 on anything else. The checks below are the ones Bolt and our middleware rely on;
the body is parsed with Bolt's own function so both read it the same way.
"""

from __future__ import annotations

from slack_bolt.request.internals import parse_body

# Slack nests blocks a dozen levels deep at most; far deeper structures are not Slack's.
MAX_DEPTH = 64
# Events and interactions carry `type`, slash commands `command`, Slack's SSL probe `ssl_check`.
KINDS = ("type", "command", "ssl_check")
OBJECTS = ("event", "view", "container", "message", "state")
OBJECTS_OR_TEXT = ("user", "team", "channel", "enterprise")
LISTS_OF_OBJECTS = ("authorizations", "actions")


class MalformedEnvelope(Exception):
    """The body is not a Slack request; the message says why, without quoting it."""


def parse_envelope(body: bytes, content_type: str | None) -> str:
    """The body as text, once it is known to parse into a Slack envelope."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedEnvelope("not UTF-8 text") from None
    try:
        envelope = parse_body(text, content_type)
    except (ValueError, RecursionError):
        raise MalformedEnvelope("not JSON, or nested too deeply") from None
    if not isinstance(envelope, dict):
        raise MalformedEnvelope("not a JSON object")
    if not any(isinstance(envelope.get(name), str) for name in KINDS):
        raise MalformedEnvelope("neither an event, an interaction nor a command")
    _check_depth(envelope)
    _check_fields(envelope)
    return text


def _check_fields(envelope: dict) -> None:
    for name in OBJECTS:
        if name in envelope and not isinstance(envelope[name], dict):
            raise MalformedEnvelope(f"{name} is not an object")
    for name in OBJECTS_OR_TEXT:
        if name in envelope and not isinstance(envelope[name], dict | str | None):
            raise MalformedEnvelope(f"{name} is neither an object nor text")
    for name in LISTS_OF_OBJECTS:
        value = envelope.get(name)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(item, dict) for item in value)
        ):
            raise MalformedEnvelope(f"{name} is not a list of objects")


def _check_depth(envelope: dict) -> None:
    level: list[dict | list] = [envelope]
    for _depth in range(MAX_DEPTH):
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, dict | list)
        ]
        if not level:
            return
    raise MalformedEnvelope("nested too deeply")

"""Signed Slack HTTP requests, built byte for byte as Slack sends them.

Slack signs "v0:<timestamp>:<raw body>" with HMAC-SHA256 of the signing secret; Bolt checks the
signature and a 5-minute replay window before anything else, so a caller must sign the exact body
it sends.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

from bot.clock import SystemClock
from bot.standin.workspace import APP_ID, BOT_USER_ID, TEAM_ID

# A loopback port nobody listens on: a listener that forgets to use the stand-in's response_url
# fails fast instead of reaching the internet.
UNUSED_RESPONSE_URL = "http://127.0.0.1:9/response/unset"
# Well formed but never issued by the stand-in, so views.open answers invalid_trigger_id.
UNISSUED_TRIGGER_ID = "100000.1000000.0000000000000000"


def content_type_of(body: str) -> str:
    return "application/json" if body.lstrip().startswith("{") else "application/x-www-form-urlencoded"


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Headers of a request Slack would send with this body."""
    timestamp = int(SystemClock().now().timestamp()) if timestamp is None else int(timestamp)
    basestring = f"v0:{timestamp}:{body}".encode()
    signature = "v0=" + hmac.new(secret.encode(), basestring, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type_of(body),
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature,
    }


def slash_command_fields(
    command: str,
    text: str = "",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str = UNUSED_RESPONSE_URL,
    trigger_id: str = UNISSUED_TRIGGER_ID,
    *,
    team_id: str = TEAM_ID,
    user_name: str = "fellow",
    channel_name: str = "general",
) -> dict[str, str]:
    """The fields of a slash command request, in Slack's order."""
    return {
        "token": "verification-token",
        "team_id": team_id,
        "team_domain": "cohort",
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }


def slash_command_body(
    command: str,
    text: str = "",
    user_id: str = "U1",
    channel_id: str = "C1",
    response_url: str = UNUSED_RESPONSE_URL,
    trigger_id: str = UNISSUED_TRIGGER_ID,
    **fields: str,
) -> str:
    """A form-urlencoded slash command body."""
    return urlencode(
        slash_command_fields(command, text, user_id, channel_id, response_url, trigger_id, **fields)
    )


def interaction_body(payload: dict) -> str:
    return "payload=" + quote(json.dumps(payload))


def event_body(
    event: dict,
    event_id: str | None = None,
    *,
    event_time: int | None = None,
    team_id: str = TEAM_ID,
    api_app_id: str = APP_ID,
) -> str:
    """An Events API `event_callback` wrapper; event_id is unique unless given (retries reuse it)."""
    event_time = int(SystemClock().now().timestamp()) if event_time is None else event_time
    event = {"event_ts": f"{event_time}.000100", **event}
    return json.dumps(
        {
            "token": "verification-token",
            "team_id": team_id,
            "api_app_id": api_app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or "Ev" + secrets.token_hex(5).upper(),
            "event_time": event_time,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": team_id,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
    )


def post(
    url: str, body: str, headers: dict[str, str], timeout: float = 10
) -> tuple[int, dict[str, str], str]:
    """POST without any proxy; HTTP errors are answers too: (status, lower-cased headers, text)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, _lower(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, _lower(error.headers), error.read().decode()


def _lower(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}

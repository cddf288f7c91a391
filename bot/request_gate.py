"""The gate in front of Bolt on `/slack/events`: bounded, signed and well formed, in that order.

Bolt's WSGI adapter reads the whole body, decodes and parses it, and only then checks the
signature; a client without the signing secret could make the process hold and parse any amount
of data, and signed but malformed bodies ended in 500s with tracebacks. Here the body is read up
to a small cap, the signature is checked on the raw bytes, and the body must decode to the object
Slack sends before Bolt sees it. Whatever a client sends gets a 4xx, never a 500.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Iterable

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse

from bot.slack_envelope import MalformedEnvelope, parse_envelope

# Slack's requests are a few kilobytes; a modal with every field full stays well under 100 KB.
MAX_BODY_BYTES = 1024 * 1024
# Slack's own replay window for signed requests.
SIGNATURE_WINDOW_SECONDS = 300

log = logging.getLogger(__name__)


class Refused(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def read_body(environ: dict, limit: int) -> bytes:
    """At most `limit` bytes of the request body; 413 as soon as it is known to be longer."""
    declared = environ.get("CONTENT_LENGTH") or ""
    if declared and not declared.isdigit():
        raise Refused(400, "bad Content-Length")
    if declared and int(declared) > limit:
        raise Refused(413, "body too large")
    stream = environ.get("wsgi.input")
    if stream is None:
        return b""
    wanted = min(int(declared), limit + 1) if declared else limit + 1
    body = stream.read(wanted)
    if len(body) > limit:
        raise Refused(413, "body too large")
    return body


def is_signed(secret: str, environ: dict, body: bytes, now: float) -> bool:
    """Slack's v0 signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>`, within 5 minutes."""
    timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
    signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
    if not timestamp.isdigit() or abs(now - int(timestamp)) > SIGNATURE_WINDOW_SECONDS:
        return False
    signed = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


class SlackGate:
    """A WSGI application: the checks above, then Bolt's dispatch of the request."""

    def __init__(
        self, app: App, signing_secret: str, now: Callable[[], float], max_body: int = MAX_BODY_BYTES
    ):
        if not signing_secret:
            raise ValueError("HTTP mode needs the signing secret")
        self.app = app
        self.secret = signing_secret
        self.now = now
        self.max_body = max_body

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        try:
            request = self._checked_request(environ)
        except Refused as refusal:
            log.warning("refused a request to /slack/events: %s %s", refusal.status, refusal.reason)
            return _answer(start_response, refusal.status, {}, "")
        response = self.app.dispatch(request)
        return _answer(start_response, response.status, response.headers, response.body)

    def _checked_request(self, environ: dict) -> BoltRequest:
        body = read_body(environ, self.max_body)
        if not is_signed(self.secret, environ, body, self.now()):
            raise Refused(401, "not signed with the signing secret")
        wsgi_request = WsgiHttpRequest(environ)
        headers = wsgi_request.get_headers()
        try:
            text = parse_envelope(body, environ.get("CONTENT_TYPE"))
        except MalformedEnvelope as error:
            raise Refused(400, str(error)) from None
        try:
            return BoltRequest(body=text, query=wsgi_request.query_string, headers=headers)
        except (ValueError, TypeError, AttributeError, LookupError):
            # Building the request only reads what the client sent: a failure is its shape.
            raise Refused(400, "a field of an unexpected type") from None


def _answer(start_response, status: int, headers: dict, body: str) -> Iterable[bytes]:
    response = WsgiHttpResponse(status=status, headers=headers, body=body)
    start_response(response.status, response.get_headers())
    return response.get_body()

"""Retrying failed connections without ever posting a message twice.

slack_sdk's ConnectionErrorRetryHandler also retries a dropped connection, after which Slack
may already have posted the message. For methods that post, only a connection that was never
made is retried; a dropped one is left to the delivery reconciliation, which checks first.
"""

from __future__ import annotations

from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

POSTING_METHODS = (
    "chat.postMessage",
    "chat.postEphemeral",
    "files.completeUploadExternal",
    "chat.scheduleMessage",
)


def _never_sent(error: Exception) -> bool:
    reason = error.reason if isinstance(error, URLError) else error
    return isinstance(reason, ConnectionRefusedError | TimeoutError) or "refused" in str(reason).lower()


class SafeConnectionErrorRetryHandler(ConnectionErrorRetryHandler):
    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        if request.url.rstrip("/").rsplit("/", 1)[-1] in POSTING_METHODS:
            return (
                error is not None
                and not isinstance(error, RemoteDisconnected | ConnectionResetError)
                and _never_sent(error)
            )
        return True

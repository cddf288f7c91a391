"""Retrying failed connections without ever posting a message twice, and 429s at Slack's pace.

slack_sdk's ConnectionErrorRetryHandler also retries a dropped connection, after which Slack
may already have posted the message. For methods that post, only a connection that was never
made is retried; a dropped one is left to the delivery reconciliation, which checks first.

slack_sdk's RateLimitErrorRetryHandler only puts to sleep the thread that got the 429, while the
others keep calling inside Slack's window. Here a 429 pauses the process's pacer, so every
scheduled sender waits too, and the call is retried once the window has passed.
"""

from __future__ import annotations

import time
from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.http_retry.handler import RetryHandler

from handlers.context import Pacer
from schedules.pacing import retry_after

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


class PausingRateLimitRetryHandler(RetryHandler):
    """On a 429: pauses the pacer for Retry-After, waits out the pause, and tries again."""

    def __init__(self, pacer: Pacer | None, max_retry_count: int = 2):
        super().__init__(max_retry_count=max_retry_count)
        self.pacer = pacer

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return response is not None and response.status_code == 429

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        if response is None:
            raise error if error is not None else RuntimeError("no answer to retry")
        seconds = retry_after(response)
        if self.pacer is not None:
            self.pacer.pause(seconds)
            seconds = self.pacer.pause_left()
        state.next_attempt_requested = True
        time.sleep(seconds)
        state.increment_current_attempt()

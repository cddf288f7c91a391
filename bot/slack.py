"""The Web API client and the Bolt app, built by factories (nothing at import time)."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient

from bot.features import register_listeners
from bot.retries import PausingRateLimitRetryHandler, SafeConnectionErrorRetryHandler
from handlers.context import Context, Pacer

# Listeners ack first, then wait on Slack (a form opens in 2 s when Slack is slow). A listener
# waiting for a free thread cannot ack, so the pool grows with the burst instead of queueing:
# threads are started only when needed, and 256 cover a cohort's burst at 2 s of Slack latency.
LISTENER_THREADS = 256


def make_client(token: str | None, base_url: str, timeout: int = 15, pacer: Pacer | None = None) -> WebClient:
    """One client for the process: retries dropped connections, waits out 429 `Retry-After`
    (pausing `pacer`, so that every scheduled sender waits too)."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,
        retry_handlers=[
            SafeConnectionErrorRetryHandler(max_retry_count=2),
            PausingRateLimitRetryHandler(pacer),
        ],
    )


def create_app(
    ctx: Context,
    *,
    signing_secret: str | None,
    socket_mode: bool = False,
    listener_executor: Executor | None = None,
    token_verification: bool = True,
) -> App:
    app = App(
        client=ctx.slack,
        signing_secret=signing_secret or "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=token_verification,
        process_before_response=False,
        listener_executor=listener_executor or ThreadPoolExecutor(max_workers=LISTENER_THREADS),
        ignoring_self_events_enabled=True,
    )
    register_listeners(app, ctx)
    return app

"""The Web API client and the Bolt app, built by factories (nothing at import time)."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.features import register_listeners
from bot.retries import SafeConnectionErrorRetryHandler
from handlers.context import Context

LISTENER_THREADS = 16


def make_client(token: str | None, base_url: str, timeout: int = 15) -> WebClient:
    """One client for the process: retries dropped connections, waits out 429 `Retry-After`."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,
        retry_handlers=[
            SafeConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
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

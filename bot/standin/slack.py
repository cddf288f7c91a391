"""A local stand-in for Slack's Web API on 127.0.0.1: the demo, the tests and the benchmarks talk
to it instead of Slack.

    with SlackStandIn() as standin:
        client = WebClient(token="xoxb-test", base_url=standin.url)

It records every call, keeps messages, views and files, checks Block Kit limits, and fails,
delays, drops or rate-limits calls on demand. Standalone: python -m bot.standin.slack --port 8999
"""

from __future__ import annotations

import argparse
import copy
import math
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bot.standin.answers import Call, Responder, ResponsePost
from bot.standin.faults import Fault, SlackLimits
from bot.standin.http import StandInServer
from bot.standin.workspace import SlackState

__all__ = ["Call", "SlackStandIn", "ResponsePost"]


class SlackStandIn:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        enforce_limits: bool = False,
        per_channel_per_second: float = 1,
        workspace_per_minute: int = 600,
        enforce_tiers: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        limits = (
            SlackLimits(per_channel_per_second, workspace_per_minute, enforce_tiers)
            if enforce_limits or enforce_tiers
            else None
        )
        self._responder = Responder(clock, limits)
        self._lock = self._responder.lock
        self._faults = self._responder.faults
        self.state: SlackState = self._responder.state
        self._address = (host, port)
        self._server: StandInServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def valid_tokens(self) -> set[str]:
        return self._responder.valid_tokens

    @valid_tokens.setter
    def valid_tokens(self, tokens: set[str]) -> None:
        self._responder.valid_tokens = set(tokens)

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of bugs in the stand-in itself (answered as HTML 500s)."""
        return self._responder.internal_errors

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        if self._server is None:
            self._server = StandInServer(self._address, self._responder)
            self.state.base_url = self.root_url
            # A short poll interval keeps stop() quick: shutdown waits for the next poll.
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.02},
                name="slack-standin",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = self._thread = None

    def __enter__(self) -> SlackStandIn:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def root_url(self) -> str:
        if self._server is None:
            raise RuntimeError("SlackStandIn is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    @property
    def url(self) -> str:
        """Base URL for WebClient(base_url=...)."""
        return self.root_url + "api/"

    # -- the workspace ------------------------------------------------------------------------

    @property
    def users(self) -> dict[str, dict]:
        return self.state.users

    @property
    def channels(self) -> dict[str, dict]:
        return self.state.channels

    def add_user(
        self,
        user_id: str,
        *,
        name: str | None = None,
        email: str | None = None,
        tz: str | None = "UTC",
        deleted: bool = False,
        is_bot: bool = False,
        locale: str = "en-US",
        real_name: str | None = None,
        **extra: Any,
    ) -> dict:
        with self._lock:
            return self.state.add_user(
                user_id,
                name=name,
                email=email,
                tz=tz,
                deleted=deleted,
                is_bot=is_bot,
                locale=locale,
                real_name=real_name,
                **extra,
            )

    def add_channel(
        self,
        channel_id: str,
        *,
        name: str | None = None,
        members: list[str] | tuple = (),
        is_private: bool = False,
        is_member: bool = True,
        is_archived: bool = False,
    ) -> dict:
        with self._lock:
            return self.state.add_channel(
                channel_id,
                name=name,
                members=members,
                is_private=is_private,
                is_member=is_member,
                is_archived=is_archived,
            )

    def dm_channel(self, user_id: str) -> str:
        """The D… id chat.postMessage answers for a user id."""
        with self._lock:
            return self.state.dm_for(user_id)

    def dm_user(self, channel: str) -> str | None:
        """The person a D… conversation is with; None for any other conversation."""
        with self._lock:
            return self.state.dm_users.get(channel)

    def messages(self, channel: str) -> list[dict]:
        """Stored messages of a channel (a user id means their DM), oldest first, replies included."""
        with self._lock:
            channel = self.state.dm_for(channel) if channel[:1] in ("U", "W") else channel
            return copy.deepcopy(self.state.messages.get(channel, []))

    def new_trigger_id(self) -> str:
        """A trigger_id views.open/push accept once, within 3 seconds."""
        with self._lock:
            return self.state.new_trigger_id()

    def new_response_url(self) -> str:
        """A response_url on the stand-in, usable 5 times within 30 minutes."""
        with self._lock:
            return f"{self.root_url}response/{self.state.new_response_key()}"

    # -- what happened ------------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._responder.calls if method is None or c.method == method]

    def count(self, method: str | None = None) -> int:
        return len(self.calls(method))

    def last_call(self, method: str | None = None) -> Call | None:
        calls = self.calls(method)
        return calls[-1] if calls else None

    def responses(self) -> list[ResponsePost]:
        with self._lock:
            return list(self._responder.responses)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            calls, ratelimited = self._responder.calls, self._responder.ratelimited
            return {
                "calls": len(calls),
                "by_method": dict(Counter(c.method for c in calls)),
                "errors": sum(1 for c in calls if c.response is not None and not c.ok),
                "ratelimited": sum(ratelimited.values()),
                "ratelimited_by_method": dict(ratelimited),
            }

    def reset(self) -> None:
        """Forget calls, messages, views, files, faults and counters; keep users, channels, tokens."""
        self._responder.clear()

    # -- faults on demand ---------------------------------------------------------------------

    def fail_next(
        self, method: str, error: str = "channel_not_found", *, status: int = 200, times: int = 1
    ) -> None:
        """status 200: `{"ok": false, "error": error}`; any other status: an HTML error page."""
        kind = "error" if status == 200 else "status"
        self._faults.add(method, Fault(kind, error=error, status=status), times)

    def rate_limit_next(self, method: str, retry_after: float = 1, times: int = 1) -> None:
        self._faults.add(method, Fault("ratelimit", retry_after=max(1, math.ceil(retry_after))), times)

    def drop_next(self, method: str, times: int = 1, *, processed: bool = True) -> None:
        """Close the connection without answering.

        By default the call takes effect first (a message is stored, a view opened): the
        client cannot tell whether it did. processed=False drops it before anything happens.
        """
        self._faults.add(method, Fault("drop", processed=processed), times)

    def delay(self, method: str, seconds: float) -> None:
        """Sleep before answering every call of `method`; 0 removes the delay."""
        self._faults.set_delay(method, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve a local Slack Web API stand-in until Ctrl-C.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8999)
    parser.add_argument("--token", action="append", default=[], help="another valid token (repeatable)")
    parser.add_argument(
        "--enforce-limits", action="store_true", help="answer 429 beyond Slack's posting limits"
    )
    args = parser.parse_args()
    standin = SlackStandIn(host=args.host, port=args.port, enforce_limits=args.enforce_limits)
    standin.valid_tokens.update(args.token)
    # Ctrl-C stops it even when started from a shell that ignores it for background jobs.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    standin.start()
    try:
        tokens = ", ".join(sorted(standin.valid_tokens))
        print(f"Slack Web API stand-in at {standin.url} (tokens: {tokens})", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        standin.stop()


if __name__ == "__main__":
    main()

"""How the stand-in answers each request, and the record it keeps of them."""

from __future__ import annotations

import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.standin.block_kit import MESSAGE_MAX_BLOCKS, check_blocks
from bot.standin.conversations import HANDLERS as CONVERSATION_HANDLERS
from bot.standin.facts import check_required_args
from bot.standin.faults import Fault, FaultPlan, SlackLimits
from bot.standin.http import Answer, bearer_token, parse_body, parse_params
from bot.standin.methods import HANDLERS as MESSAGE_HANDLERS
from bot.standin.surfaces import HANDLERS as SURFACE_HANDLERS
from bot.standin.workspace import ApiError, SlackState

HANDLERS = {**MESSAGE_HANDLERS, **CONVERSATION_HANDLERS, **SURFACE_HANDLERS}
INVALID_TOKEN = "xoxb-invalid"


@dataclass
class Call:
    method: str
    params: dict
    time: float  # from the stand-in's clock
    token: str | None = None
    status: int | None = None  # HTTP status answered; None while in flight or when dropped
    response: dict | None = None  # JSON body answered (for a dropped call: what it would have been)
    dropped: bool = False  # the connection was closed without an answer

    @property
    def ok(self) -> bool:
        return bool(self.response and self.response.get("ok"))


@dataclass
class ResponsePost:
    """A POST to a response_url."""

    url: str
    body: Any
    time: float
    status: int


class Responder:
    """Answers the server threads' requests and records them; SlackStandIn is its public face."""

    def __init__(self, clock: Callable[[], float], limits: SlackLimits | None) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.state = SlackState(clock)
        self.faults = FaultPlan()
        self.limits = limits
        self.valid_tokens: set[str] = {"xoxb-test"}
        self.calls: list[Call] = []
        self.responses: list[ResponsePost] = []
        self.ratelimited: Counter[str] = Counter()
        self.internal_errors: list[str] = []  # tracebacks of bugs in the stand-in itself

    def clear(self) -> None:
        with self.lock:
            self.calls.clear()
            self.responses.clear()
            self.ratelimited.clear()
            self.internal_errors.clear()
            self.faults.clear()
            if self.limits is not None:
                self.limits.clear()
            self.state.clear()

    def answer_api(self, method: str, query: str, raw: bytes, headers: Any) -> Answer:
        try:
            params = parse_params(query, raw, headers.get("Content-Type") or "")
        except ValueError:
            params, malformed = {}, True
        else:
            malformed = False
        token = bearer_token(headers.get("Authorization")) or params.get("token")
        params.pop("token", None)
        call = Call(method, params, self.clock(), token)
        with self.lock:
            self.calls.append(call)
        if self.faults.delay_for(method):
            time.sleep(self.faults.delay_for(method))
        fault = self.faults.take(method)
        try:
            if fault is not None and fault.kind == "drop":
                # The call may take effect before the answer is lost, as when a network fails.
                served = (
                    self._serve(method, params, token, call.time)
                    if fault.processed and not malformed
                    else None
                )
                answer = Answer(drop=True, data=served.data if served else None)
            elif fault is not None:
                answer = self._faulty(method, fault)
            elif malformed:
                answer = Answer.json({"ok": False, "error": "invalid_json"})
            else:
                answer = self._serve(method, params, token, call.time)
        except Exception:
            self.internal_errors.append(traceback.format_exc())
            answer = Answer.html_error(500)
        call.status, call.response, call.dropped = (
            (None if answer.drop else answer.status),
            answer.data,
            answer.drop,
        )
        return answer

    def _faulty(self, method: str, fault: Fault) -> Answer:
        if fault.kind == "ratelimit":
            with self.lock:
                self.ratelimited[method] += 1
            return Answer.ratelimited(fault.retry_after)
        if fault.kind == "status":
            return Answer.html_error(fault.status)
        return Answer.json({"ok": False, "error": fault.error})

    def _serve(self, method: str, params: dict, token: str | None, arrived: float) -> Answer:
        if not token:
            return Answer.json({"ok": False, "error": "not_authed"})
        if token == INVALID_TOKEN or token not in self.valid_tokens:
            return Answer.json({"ok": False, "error": "invalid_auth"})
        with self.lock:
            limit_key = self._limit_key(method, params)
            if self.limits is not None:
                wait = self.limits.retry_after(method, limit_key, self.clock())
                if wait is not None:
                    self.ratelimited[method] += 1
                    return Answer.ratelimited(wait)
            # A trigger is checked when the call reaches Slack; a delay on the answer is latency after it.
            self.state.arrived = arrived
            try:
                check_required_args(method, params)
                handler = HANDLERS.get(method)
                data = handler(self.state, params) if handler else {}
            except ApiError as error:
                return Answer.json(error.body())
            finally:
                self.state.arrived = None
            if self.limits is not None:
                self.limits.spend(method, limit_key, self.clock())
            return Answer.json({"ok": True, **data}, headers={"X-OAuth-Scopes": self.state.scopes})

    def _limit_key(self, method: str, params: dict) -> str | None:
        if method != "chat.postMessage":
            return None
        try:
            return self.state.resolve_channel(params.get("channel"))
        except ApiError:
            return str(params.get("channel"))

    def answer_upload(self, file_id: str, raw: bytes) -> Answer:
        with self.lock:
            stored = self.state.store_upload(file_id, raw)
        return Answer.text(f"OK - {len(raw)}") if stored else Answer.text("file_not_found", 404)

    def answer_response_url(self, path: str, key: str, raw: bytes, headers: Any) -> Answer:
        try:
            body: Any = parse_body(raw, headers.get("Content-Type") or "")
        except ValueError:
            body = raw.decode("utf-8", "replace")
        with self.lock:
            blocks = body.get("blocks") if isinstance(body, dict) else None
            if check_blocks(blocks, MESSAGE_MAX_BLOCKS):
                answer = Answer.text("invalid_blocks", 400)
            else:
                refused = self.state.use_response_url(key)
                answer = Answer.text(refused, 404) if refused else Answer.text("ok")
            url = self.state.base_url + path.lstrip("/")
            self.responses.append(ResponsePost(url, body, self.clock(), answer.status))
        return answer

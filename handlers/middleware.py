"""Global middleware: Events API retries are dropped by `event_id`; a form submission applies once.

A signed request captured on the way can be sent again, byte for byte, within Slack's 5-minute
signature window. Each submission a person makes carries its own `trigger_id`, so a body seen
before is a replay: it is acknowledged (the person sees nothing wrong) and not applied again.
"""

from __future__ import annotations

import hashlib

from slack_bolt import BoltResponse

from handlers.context import Context

# Submission keys live beside event ids; the prefix keeps the two apart (event ids start "Ev").
SUBMISSION_PREFIX = "view:"


def submission_key(raw_body: str) -> str:
    """Fits the 64 characters of an event id: 236 bits of SHA-256 are plenty to tell bodies apart."""
    digest = hashlib.sha256(raw_body.encode()).hexdigest()
    return SUBMISSION_PREFIX + digest[: 64 - len(SUBMISSION_PREFIX)]


def register(app, ctx: Context) -> None:
    def first_time(key: str) -> bool:
        with ctx.uow() as uow:
            first = uow.events.first_time(key, ctx.clock.now())
            uow.commit()
        return first

    @app.middleware
    def drop_retried_events(body, next):
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if body.get("type") == "event_callback" and event_id and not first_time(event_id):
            return BoltResponse(status=200, body="")
        return next()

    @app.middleware
    def apply_each_submission_once(req, body, next):
        # Socket Mode has no raw body, and no way to replay a request to us.
        if (
            body.get("type") == "view_submission"
            and req.raw_body
            and not first_time(submission_key(req.raw_body))
        ):
            return BoltResponse(status=200, body="")
        return next()

"""Global middleware: Events API retries are dropped by `event_id`; a form submission applies once;
an event that names nobody is dropped.

A signed request captured on the way can be sent again, byte for byte, within Slack's 5-minute
signature window. Each submission a person makes carries its own `trigger_id`, so a body seen
before is a replay: it is acknowledged (the person sees nothing wrong) and not applied again.
"""

from __future__ import annotations

import hashlib
import logging

from slack_bolt import BoltResponse

from handlers.context import Context

log = logging.getLogger(__name__)

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
    def drop_events_without_a_person(body, next):
        # Every event the bot acts on is someone's (a message in a conversation, a tab opened, a
        # profile changed); one without them has nobody to act for or to answer.
        event = body.get("event") if body.get("type") == "event_callback" else None
        if event is not None and not names_a_person(event):
            kind = event.get("type") if isinstance(event, dict) else None
            log.info("event %s dropped: it names no user or conversation", kind)
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


def names_a_person(event: object) -> bool:
    """The event has a user (an id, or a user object with one); a message has its conversation too."""
    if not isinstance(event, dict):
        return False
    user = event.get("user")
    if isinstance(user, dict):
        user = user.get("id")
    if not isinstance(user, str) or not user:
        return False
    return event.get("type") != "message" or isinstance(event.get("channel"), str)

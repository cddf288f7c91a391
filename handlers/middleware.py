"""Global middleware: Events API retries are dropped by `event_id`."""

from __future__ import annotations

from slack_bolt import BoltResponse

from domain.ports import Context


def register(app, ctx: Context) -> None:
    @app.middleware
    def drop_retried_events(body, next):
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if body.get("type") == "event_callback" and event_id:
            with ctx.uow() as uow:
                first = uow.events.first_time(event_id, ctx.clock.now())
                uow.commit()
            if not first:
                return BoltResponse(status=200, body="")
        return next()

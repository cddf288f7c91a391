"""Slack in: thin listeners, one module per feature."""

from __future__ import annotations

from domain.ports import Context


def register_all(app, ctx: Context) -> None:
    from handlers import cohort, errors, home, middleware, peer_help, trainings

    for feature in (middleware, errors, cohort, peer_help, trainings, home):
        feature.register(app, ctx)
    from handlers import standup

    standup.register(app, ctx)
    from handlers import checkin  # mentor check-ins and digests

    checkin.register(app, ctx)

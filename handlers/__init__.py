"""Slack in: thin listeners, one module per feature."""

from __future__ import annotations

from domain.ports import Context


def register_all(app, ctx: Context) -> None:
    from handlers import errors, middleware
    from handlers.cohorts import listeners as cohort
    from handlers.home import listeners as home
    from handlers.peer_help import listeners as peer_help
    from handlers.trainings import listeners as trainings

    for feature in (middleware, errors, cohort, peer_help, trainings, home):
        feature.register(app, ctx)
    from handlers.standups import listeners as standup

    standup.register(app, ctx)
    from handlers.checkins import listeners as checkin  # mentor check-ins and digests

    checkin.register(app, ctx)

"""Slack in: thin listeners, one module per feature."""

from __future__ import annotations

from domain.ports import Context


def register_all(app, ctx: Context) -> None:
    from handlers import cohort, errors, middleware

    for feature in (middleware, errors, cohort):
        feature.register(app, ctx)

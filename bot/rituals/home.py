"""The Home tab: someone's cohorts and what waits for them today, and the digest sharing choice."""

from __future__ import annotations

from bot.feature import Feature
from handlers import ids
from handlers.home import listeners


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx, sources.home)


HOME = Feature(
    "home",
    register=_register,
    actions=(ids.HOME_SHARE_FIGURES, ids.HOME_SHARE_TEXT),
    events=("app_home_opened",),
)

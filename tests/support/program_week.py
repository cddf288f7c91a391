"""A cohort's week driven through `/cohort` and the tick, read from the recipients' side."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.features import tick_jobs
from schedules.engine import tick
from tests.support.standup_world import texts


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


class Week:
    def __init__(self, workspace, clock):
        self.ws, self.clock, self.fake = workspace, clock, workspace.fake

    def at(self, when: datetime) -> dict[str, str]:
        """Ticks at `when` (the clock moves there): each kind of work's summary line."""
        self.clock.set(when)
        return {r.kind: r.line() for r in tick(self.ws.ctx, when, tick_jobs())}

    def prompts(self, user: str) -> list[dict]:
        """The stand-up DMs a person got (prompts and reminders carry the Answer button)."""
        return [m for m in self.fake.messages(user) if "standup_open" in str(m.get("blocks"))]

    def channel(self, channel: str = "C100") -> list[str]:
        return [texts(m) for m in self.fake.messages(channel)]

    def raw_channel(self, channel: str = "C100") -> list[dict]:
        return self.fake.messages(channel)

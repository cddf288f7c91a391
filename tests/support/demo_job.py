"""A kind of scheduled work for testing the scheduling core on its own: one DM per recipient."""

from __future__ import annotations

import argparse
import os
from datetime import datetime, timedelta

from domain.calendar import local_date
from domain.scheduling import PlannedOccurrence, Report
from handlers.context import Context
from schedules.delivery import deliver_due


class DemoJob:
    kind = "demo"

    def __init__(self, recipients: list[str], due_at: datetime, grace: timedelta = timedelta(hours=2)):
        self.recipients = tuple(recipients)
        self.due_at = due_at
        self.grace = grace

    def planned(self) -> PlannedOccurrence[None]:
        return PlannedOccurrence(
            kind=self.kind,
            subject="cohort:demo",
            local_date=local_date(self.due_at, "Europe/Paris"),
            due_at=self.due_at,
            grace_until=self.due_at + self.grace,
            recipients=self.recipients,
            payload=None,
        )

    def run(self, ctx: Context, now: datetime) -> Report:
        return deliver_due(ctx, now, self.kind, [self.planned()], self.render)

    @staticmethod
    def render(planned: PlannedOccurrence[None], recipient: str) -> dict:
        return {"text": f"Bonjour <@{recipient}> ({planned.local_date})"}


def main() -> None:
    """Runs one tick of the demo job in a process of its own, built like the bot builds itself."""
    from bot.clock import ManualClock
    from bot.settings import load_settings
    from bot.wiring import build_runtime
    from schedules.engine import tick

    parser = argparse.ArgumentParser()
    parser.add_argument("--at", required=True)
    parser.add_argument("--due", required=True)
    parser.add_argument("--recipients", type=int, required=True)
    args = parser.parse_args()
    at, due = datetime.fromisoformat(args.at), datetime.fromisoformat(args.due)
    settings = load_settings(os.environ, need_token=True)
    runtime = build_runtime(settings, ManualClock(at))
    job = DemoJob([f"U{n:05d}" for n in range(args.recipients)], due)
    for report in tick(runtime.ctx, at, [job]):
        print(report.line(), flush=True)


if __name__ == "__main__":
    main()

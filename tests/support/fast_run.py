"""`cohortbot run` exactly as the bot runs, ticking every 2 seconds instead of every minute."""

from __future__ import annotations

import bot.scheduler
from bot.cli import main

if __name__ == "__main__":
    bot.scheduler.TICK_AT = {"second": "*/2"}
    raise SystemExit(main(["run"]))

"""Two `cohortbot run` processes, scheduler on in both, on one database: every message once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.running_bot import free_port, wait_healthy
from tests.support.standup_world import StandupWorld

ROOT = Path(__file__).resolve().parents[2]
FELLOWS = [f"U{n:04d}" for n in range(30)]
ZONES = ("UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York", "Pacific/Auckland", "Asia/Kolkata")
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _daytime_zone(now: datetime) -> str:
    return next(zone for zone in ZONES if 6 <= now.astimezone(ZoneInfo(zone)).hour <= 19)


def _run(database_url: str, fake, workdir: Path, n: int) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and not k.startswith("COHORTBOT_")}
    env.update(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL=fake.url,
        DATABASE_URL=database_url,
        HOST="127.0.0.1",
        PORT=str(free_port()),
        LOG_LEVEL="INFO",
        PYTHONPATH=str(ROOT),
    )
    log = open(workdir / f"run-{n}.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.fast_run"], cwd=workdir, env=env, stdout=log, stderr=log
    )
    process.log = log  # type: ignore[attr-defined]
    return process, f"http://127.0.0.1:{env['PORT']}"


def test_two_schedulers_side_by_side_send_every_message_once(database_url, ctx, fake_slack, clock, tmp_path):
    now = datetime.now(UTC)
    zone = _daytime_zone(now)
    local = now.astimezone(ZoneInfo(zone))
    clock.set(now - timedelta(days=1))
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort(tz=zone)
    world.people(cohort, *FELLOWS, tz=zone)
    # Due this very minute, open for three hours: the first tick of either process sends it.
    world.standup(
        cohort,
        days=EVERY_DAY,
        prompt_time=local.strftime("%H:%M"),
        close=(local + timedelta(hours=3)).strftime("%H:%M"),
    )
    fake_slack.delay("chat.postMessage", 0.05)
    started = [_run(database_url, fake_slack, tmp_path, n) for n in range(2)]
    processes = [process for process, _base in started]
    try:
        for process, base in started:
            wait_healthy(base, process)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            prompts = [c for c in fake_slack.calls("chat.postMessage") if c.params["channel"] in FELLOWS]
            if len(prompts) >= len(FELLOWS):
                break
            time.sleep(0.1)
        time.sleep(2.5)  # more ticks of each process: still nothing sent twice
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)
            process.log.close()  # type: ignore[attr-defined]
    posted = Counter(c.params["channel"] for c in fake_slack.calls("chat.postMessage"))
    assert {user: posted[user] for user in FELLOWS} == {user: 1 for user in FELLOWS}
    assert posted[cohort.channel_id] == 1, "the day's thread, once"
    logs = [(tmp_path / f"run-{n}.log").read_text() for n in range(2)]
    assert all("Traceback" not in log for log in logs), logs

"""Several `cohortbot run` processes, scheduler on in all, on PostgreSQL, against a Slack stand-in
that enforces Slack's limits (1 post per second per conversation, 500 per minute) and answers in
150 ms; then the same with the ticking process killed with `kill -9` mid fan-out.

A cohort of 600 fellows has its stand-up at the next minute. Printed: duplicates, 429s, calls
made inside a Retry-After window, whether every fellow was prompted by one tick, and the time
against what the limit allows (or, killed, how long the next process took to finish).

    .venv/bin/python -m benchmarks.scale_out [--database postgresql://postgres@127.0.0.1:5432/test]
        [--fellows 600] [--processes 3] [--kill]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text

from benchmarks.running_bot import ROOT, free_port, wait_healthy
from bot.standin import http as standin_http
from bot.standin.slack import SlackStandIn

PER_MINUTE = 500
LATENCY = 0.15
ZONES = ("UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York", "Pacific/Auckland", "Asia/Kolkata")
LOCK_QUERY = text(
    "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()"
)

# Every 429 the stand-in answers: (when, Retry-After), to count the calls made inside its window.
RATE_LIMITED: list[tuple[float, int]] = []
_ratelimited = standin_http.Answer.ratelimited.__func__  # type: ignore[attr-defined]


def _recording_ratelimited(cls, retry_after: int):
    RATE_LIMITED.append((time.monotonic(), retry_after))
    return _ratelimited(cls, retry_after)


standin_http.Answer.ratelimited = classmethod(_recording_ratelimited)  # type: ignore[method-assign, assignment]


def fresh_database(base: str) -> str:
    from storage.db import make_engine
    from storage.migrate import upgrade

    base = base.replace("postgres://", "postgresql://", 1).replace(
        "postgresql://", "postgresql+psycopg://", 1
    )
    name = f"cohortbot_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = base.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def next_prompt(lead: float = 25) -> tuple[str, datetime]:
    """A zone where the next minute (at least `lead` seconds away) is daytime, and that minute."""
    at = (datetime.now(UTC) + timedelta(seconds=lead + 60)).replace(second=0, microsecond=0)
    for zone in ZONES:
        if 6 <= at.astimezone(ZoneInfo(zone)).hour <= 19:
            return zone, at
    raise SystemExit("no daytime zone found")


def add_cohort(url: str, fellows: list[str], zone: str, at: datetime) -> None:
    from domain.cohorts.model import MemberProfile, Membership, NewCohort, Role
    from domain.standups.model import StandupSettings
    from storage.db import make_engine, make_session_factory
    from storage.uow import SqlUnitOfWork

    local = at.astimezone(ZoneInfo(zone))
    now = at - timedelta(days=7)  # members long welcomed: the tick measured sends the prompts only
    engine = make_engine(url)
    with SqlUnitOfWork(make_session_factory(engine)) as uow:
        cohort = uow.cohorts.add(NewCohort("eig7", zone, "fr", "FR", None, None), "C100", now)
        uow.members.add_many([Membership(cohort.id, user, Role.FELLOW) for user in fellows], now)
        for user in fellows:
            uow.profiles.save(MemberProfile(user, user.lower(), timezone=zone, fetched_at=now))
        uow.standups.save_settings(
            StandupSettings(
                cohort.id,
                days=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                prompt_time=local.strftime("%H:%M"),
                close=(local + timedelta(hours=3)).strftime("%H:%M"),
                updated_at=now,
            )
        )
        uow.commit()
    engine.dispose()


def start(url: str, fake: SlackStandIn, logs: Path, n: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="bench",
        SLACK_API_URL=fake.url,
        DATABASE_URL=url,
        HOST="127.0.0.1",
        PORT=str(free_port()),
        LOG_LEVEL="INFO",
        COHORTBOT_SCHEDULER="on",
        PYTHONPATH=str(ROOT),
    )
    with open(logs / f"run-{n}.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=logs, env=env, stderr=log, stdout=log
        )
    wait_healthy(f"http://127.0.0.1:{env['PORT']}", process)
    return process


def ticker(url: str, processes: list[subprocess.Popen]) -> subprocess.Popen | None:
    """The process holding the ticker's turn: the advisory lock's connection, by its local port."""
    engine = create_engine(url)
    with engine.connect() as connection:
        port = connection.execute(LOCK_QUERY).scalar()
    engine.dispose()
    if port is None:
        return None
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    for process in processes:
        for fd in Path(f"/proc/{process.pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return process
    return None


def ok_prompts(fake: SlackStandIn) -> Counter:
    return Counter(
        c.params["channel"]
        for c in fake.calls("chat.postMessage")
        if c.ok and str(c.params["channel"]).startswith("U")
    )


def inside_windows(fake: SlackStandIn) -> int:
    calls = [c.time for c in fake.calls()]
    # A call sent before the 429 reached the bot may arrive a moment after it was answered.
    return sum(1 for at in calls for answered, wait in RATE_LIMITED if answered + 0.05 < at < answered + wait)


def prompt_ticks(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        ticks = connection.execute(
            text(
                "SELECT count(DISTINCT d.sent_at) FROM delivery d JOIN occurrence o ON o.id = d.occurrence_id "
                "WHERE o.kind = 'standup_prompt' AND d.status = 'sent'"
            )
        ).scalar()
    engine.dispose()
    return int(ticks or 0)


def run(database: str, fellows: int, processes: int, kill: bool) -> None:
    url = fresh_database(database)
    users = [f"U{n:06d}" for n in range(fellows)]
    zone, at = next_prompt()
    add_cohort(url, users, zone, at)
    logs = Path(tempfile.mkdtemp(prefix="cohortbot-scale-"))
    RATE_LIMITED.clear()
    with SlackStandIn(enforce_limits=True, per_channel_per_second=1, workspace_per_minute=PER_MINUTE) as fake:
        fake.add_channel("C100", name="eig7")
        for user in users:
            fake.add_user(user, tz=zone)
        fake.delay("chat.postMessage", LATENCY)
        running = [start(url, fake, logs, n) for n in range(processes)]
        killed_at = None
        try:
            deadline = time.monotonic() + (at - datetime.now(UTC)).total_seconds() + 300
            while len(ok_prompts(fake)) < fellows and time.monotonic() < deadline:
                if kill and killed_at is None and len(ok_prompts(fake)) >= fellows // 4:
                    holder = ticker(url, running)
                    if holder is not None:
                        os.kill(holder.pid, signal.SIGKILL)
                        holder.wait()
                        killed_at = time.monotonic()
                        print(
                            f"  killed the ticking process (pid {holder.pid}) after {len(ok_prompts(fake))} prompts"
                        )
                time.sleep(0.05)
        finally:
            for process in running:
                if process.poll() is None:
                    process.terminate()
            for process in running:
                process.wait(timeout=20)
        prompts = ok_prompts(fake)
        posts = [c for c in fake.calls("chat.postMessage") if c.ok]
        elapsed = posts[-1].time - posts[0].time if posts else 0.0
        stats = fake.stats()
        duplicates = sum(count - 1 for count in prompts.values() if count > 1)
        print(
            f"  prompted {len(prompts)}/{fellows} fellows, duplicates {duplicates}, HTTP 429 {stats['ratelimited']}"
        )
        print(f"  calls inside a Retry-After window: {inside_windows(fake)}")
        if killed_at is not None:
            print(f"  after the kill, another process finished in {posts[-1].time - killed_at:.1f} s")
        else:
            print(f"  ticks that prompted: {prompt_ticks(url)}")
            # 500 in a sliding minute: post 501 leaves at best a minute after the first.
            floor = ((len(posts) - 1) // PER_MINUTE) * 60.0
            print(
                f"  {len(posts)} posts in {elapsed:.1f} s, the limit allows {floor:.0f} s at best "
                f"({100 * (elapsed / floor - 1):+.1f} %)"
            )
        print(f"  logs: {logs}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--fellows", type=int, default=600)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--kill", action="store_true", help="only the run with kill -9")
    args = parser.parse_args()
    print(
        f"{args.processes} × cohortbot run, scheduler on, PostgreSQL, {args.fellows} fellows; the stand-in "
        f"allows 1 post/s per conversation and {PER_MINUTE}/min, answers in {LATENCY * 1000:.0f} ms"
    )
    if not args.kill:
        run(args.database, args.fellows, args.processes, kill=False)
    print("The same, the ticking process killed with kill -9 mid fan-out:")
    run(args.database, args.fellows, args.processes, kill=True)


if __name__ == "__main__":
    main()

"""Stand-up fan-out and idle tick cost, against the fake Slack Web API.

1. Fan-out: 1,000 fellows in one cohort, one tick at the stand-up time, run in a process of its own
   (built as the bot builds itself) against the fake in this one. Reported: Web API calls per fellow,
   prompts per second with no limit in the fake, then the same with the fake enforcing Slack's limits
   (1 message per second per conversation, 600 per minute per workspace) and the bot pacing itself,
   and the bot process's peak memory.
2. Idle tick: 100 cohorts of 10 fellows and a year of stand-up history; the cost of ticks when
   nothing is due (the whole tick, and the stand-up job alone).

    .venv/bin/python -m benchmarks.standup_fanout [--fellows 1000] [--no-limits-run] [--cohorts 100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DUE = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)  # Monday 09:30 in Paris
SLACK_PER_MINUTE = 600


def _fresh_database(folder: Path) -> str:
    from storage.db import make_engine
    from storage.migrate import upgrade

    url = f"sqlite:///{folder / 'bench.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def _uow(url: str):
    from storage.db import make_engine, make_session_factory
    from storage.uow import SqlUnitOfWork

    return SqlUnitOfWork(make_session_factory(make_engine(url)))


def _add_cohort(uow, name: str, channel: str, fellows: list[str], now: datetime):
    from domain.cohorts.model import MemberProfile, Membership, NewCohort, Role
    from domain.standups.model import StandupSettings

    cohort = uow.cohorts.add(NewCohort(name, "Europe/Paris", "fr", "FR", None, None), channel, now)
    uow.members.add_many([Membership(cohort.id, user, Role.FELLOW) for user in fellows], now)
    for user in fellows:
        uow.profiles.save(MemberProfile(user, user.lower(), timezone="Europe/Paris", fetched_at=now))
    uow.standups.save_settings(StandupSettings(cohort.id, remind_minutes=60, close="12:00", updated_at=now))
    return cohort


# -- 1. fan-out ------------------------------------------------------------------------------------


def child(url: str, api_url: str, pace: int) -> None:
    """One tick at the stand-up time, in this process; prints what it did as JSON."""
    from bot.clock import ManualClock
    from bot.features import tick_jobs
    from bot.settings import load_settings
    from bot.wiring import build_runtime
    from schedules.engine import tick

    env = {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": api_url}
    settings = load_settings(env | {"COHORTBOT_POSTS_PER_MINUTE": str(pace or 500)}, need_token=True)
    runtime = build_runtime(settings, ManualClock(DUE))
    if not pace:
        runtime.ctx.pacer = None
    started = time.perf_counter()
    reports = tick(runtime.ctx, DUE, tick_jobs())
    elapsed = time.perf_counter() - started
    peak = next(
        int(line.split()[1])
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmHWM:")
    )
    counts = next(r for r in reports if r.kind == "standups").counts
    print(
        json.dumps(
            {
                "elapsed": elapsed,
                "counts": counts,
                "peak_mb": peak / 1024,
                "waited": getattr(runtime.ctx.pacer, "waited", 0.0),  # the real pacer counts its waits
            }
        )
    )


def fan_out(fellows: int, limits: bool, pace: int | None = None) -> dict:
    from bot.standin.slack import SlackStandIn

    folder = Path(tempfile.mkdtemp(prefix="cohortbot-fanout-"))
    url = _fresh_database(folder)
    users = [f"U{n:06d}" for n in range(fellows)]
    with _uow(url) as uow:
        # Members joined a week ago: long welcomed, so the tick measured sends the prompts only.
        _add_cohort(uow, "eig7", "C100", users, DUE - timedelta(days=7))
        uow.commit()
    with SlackStandIn(enforce_limits=limits, workspace_per_minute=SLACK_PER_MINUTE) as fake:
        fake.add_channel("C100", name="eig7")
        for user in users:
            fake.add_user(user, tz="Europe/Paris")
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()} | {"PYTHONPATH": str(ROOT)}
        command = [
            sys.executable,
            "-m",
            "benchmarks.standup_fanout",
            "--child",
            url,
            fake.url,
            str(pace if pace is not None else SLACK_PER_MINUTE if limits else 0),
        ]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        calls = fake.calls()
        result.update(
            calls=len(calls),
            dm_posts=sum(
                1 for c in calls if c.method == "chat.postMessage" and c.params["channel"].startswith("U")
            ),
            by_method=fake.stats()["by_method"],
            errors=fake.stats()["errors"],
            ratelimited=fake.stats()["ratelimited"],
            fellows=fellows,
            posts_at=[c.time for c in calls if c.method == "chat.postMessage"],
        )
    return result


def _report_ceiling(result: dict, pace: int) -> None:
    """The fake has no limits: the bot's own ceiling is all that paces it."""
    sent, posts = result["counts"].get("prompts sent", 0), len(result["posts_at"])
    span = result["posts_at"][-1] - result["posts_at"][0]
    # A sliding minute of `pace` posts: the last burst leaves a whole minute after the one before.
    floor = ((posts - 1) // pace) * 60.0
    line = f"  COHORTBOT_POSTS_PER_MINUTE={pace}: {sent}/{result['fellows']} prompts, tick {result['elapsed']:.1f} s"
    if floor:
        line += f"; {posts} posts in {span:.1f} s against the ceiling's floor of {floor:.0f} s"
        line += f" ({100 * (span / floor - 1):+.1f} %)"
    else:
        line += f", {sent / result['elapsed']:.0f} prompts/s"
    print(line)


def _report_fan_out(result: dict, limits: bool) -> None:
    fellows, counts = result["fellows"], result["counts"]
    sent = counts.get("prompts sent", 0)
    posts = result["by_method"].get("chat.postMessage", 0)
    pacing = f" (the bot paces at {SLACK_PER_MINUTE}/min)" if limits else " (no pacing)"
    print(f"  {'with' if limits else 'without'} Slack's limits in the fake{pacing}:")
    print(
        f"    prompts sent {sent}/{fellows}, failed {counts.get('prompts failed', 0)}, "
        f"HTTP 429 {result['ratelimited']}, Slack errors {result['errors']}"
    )
    print(
        f"    Web API calls {result['calls']} ({result['by_method']}): {result['dm_posts'] / fellows:.2f} "
        f"per fellow for the prompts, {result['calls'] / fellows:.3f} with the day's thread"
    )
    print(
        f"    tick {result['elapsed']:.1f} s: {sent / result['elapsed']:.0f} prompts/s; "
        f"peak memory of the bot process {result['peak_mb']:.0f} MB"
    )
    if limits:
        # Over a sliding minute of SLACK_PER_MINUTE posts, `posts` need at least this long.
        least = ((posts - 1) // SLACK_PER_MINUTE) * 60.0
        print(
            f"    the limits allow {posts} posts in {least:.0f} s at best: took {result['elapsed']:.1f} s "
            f"({100 * (result['elapsed'] / least - 1):+.1f} %); waited {result['waited']:.1f} s in the pacer"
        )


# -- 2. idle tick ----------------------------------------------------------------------------------


def _history(url: str, cohorts: int, days: int) -> tuple[int, int, int]:
    """A year of stand-ups, written as the scheduling core and the answers would have left them."""
    from sqlalchemy import insert

    from domain.calendar import at_local
    from domain.standups.planning import PROMPT, REMINDER, SUMMARY, THREAD
    from storage.models import DeliveryRow, OccurrenceRow
    from storage.standups.tables import StandupEntryRow

    start = DUE - timedelta(days=days + 1)
    with _uow(url) as uow:
        ids = [
            _add_cohort(uow, f"eig{n}", f"C{n:04d}", [f"U{n:03d}{k:02d}" for k in range(10)], start).id
            for n in range(cohorts)
        ]
        uow.commit()
        occurrences, deliveries, entries = [], [], []
        day, next_id = DUE.date() - timedelta(days=days), 1
        while day <= DUE.date():
            if day.weekday() < 5:
                prompt = at_local(day, datetime.min.time().replace(hour=9, minute=30), "Europe/Paris")
                for cohort_id in ids:
                    fellows = [f"U{cohort_id - 1:03d}{k:02d}" for k in range(10)]
                    for kind, due, to in (
                        (THREAD, prompt, [f"C{cohort_id - 1:04d}"]),
                        (PROMPT, prompt, fellows),
                        (REMINDER, prompt + timedelta(hours=1), fellows[7:]),
                        (SUMMARY, prompt + timedelta(hours=2, minutes=30), [f"C{cohort_id:04d}"]),
                    ):
                        occurrences.append(
                            {
                                "id": next_id,
                                "kind": kind,
                                "subject": f"standup:{cohort_id}",
                                "local_date": day,
                                "due_at": due,
                                "grace_until": due + timedelta(hours=3),
                                "status": "done",
                                "created_at": due,
                            }
                        )
                        deliveries += [
                            {
                                "occurrence_id": next_id,
                                "recipient": r,
                                "status": "sent",
                                "attempts": 1,
                                "channel": "D" + r[1:],
                                "ts": f"{due.timestamp():.6f}",
                                "sent_at": due,
                            }
                            for r in to
                        ]
                        next_id += 1
                    entries += [
                        {
                            "cohort_id": cohort_id,
                            "user_id": u,
                            "local_date": day,
                            "status": "answered",
                            "answers": '["hier", "aujourd’hui", "rien"]',
                            "late": False,
                            "submitted_at": prompt + timedelta(minutes=20),
                        }
                        for u in fellows[:7]
                    ]
            day += timedelta(days=1)
        for table, rows in (
            (OccurrenceRow, occurrences),
            (DeliveryRow, deliveries),
            (StandupEntryRow, entries),
        ):
            for chunk in range(0, len(rows), 20_000):
                uow.session.execute(insert(table), rows[chunk : chunk + 20_000])
        uow.commit()
    return len(occurrences), len(deliveries), len(entries)


def idle_ticks(cohorts: int, days: int) -> None:
    from bot.clock import ManualClock
    from bot.features import tick_jobs
    from bot.holidays import CountryHolidays
    from bot.slack import make_client
    from bot.standin.slack import SlackStandIn
    from handlers.context import Context
    from schedules.engine import tick
    from schedules.standups import STANDUP_JOB
    from storage.db import make_engine, make_session_factory
    from storage.uow import unit_of_work_factory

    folder = Path(tempfile.mkdtemp(prefix="cohortbot-idle-"))
    url = _fresh_database(folder)
    started = time.perf_counter()
    sizes = _history(url, cohorts, days)
    print(
        f"  history: {sizes[0]} occurrences, {sizes[1]} deliveries, {sizes[2]} answers "
        f"({time.perf_counter() - started:.0f} s to write)"
    )
    with SlackStandIn() as fake:
        ctx = Context(
            clock=ManualClock(DUE),
            uow=unit_of_work_factory(make_session_factory(make_engine(url))),
            slack=make_client("xoxb-test", fake.url),
            holidays=CountryHolidays(),
        )
        for label, when in (
            ("Monday 15:00, all sent", DUE + timedelta(hours=5, minutes=30)),
            ("Monday 10:15, inside the grace windows, all sent", DUE + timedelta(minutes=45)),
            ("Saturday 10:00", DUE + timedelta(days=5, hours=0, minutes=30)),
        ):
            for name, run in (
                ("whole tick", lambda now: tick(ctx, now, tick_jobs())),
                ("stand-up job", lambda now: STANDUP_JOB.run(ctx, now)),
            ):
                run(when)  # warm caches (holiday calendars, statements)
                costs = []
                for _ in range(20):
                    begin = time.perf_counter()
                    run(when)
                    costs.append(1000 * (time.perf_counter() - begin))
                print(
                    f"  {label:50} {name:13} median {statistics.median(costs):5.1f} ms, max {max(costs):5.1f} ms"
                )
        assert fake.count("chat.postMessage") == 0, "nothing was due"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--fellows", type=int, default=1000)
    parser.add_argument("--cohorts", type=int, default=100)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument(
        "--no-limits-run", action="store_true", help="skip the run with Slack's limits (~1 min)"
    )
    parser.add_argument(
        "--ceilings",
        action="store_true",
        help="only the bot's ceiling: at 6,000/min, then the default (~2 min)",
    )
    args = parser.parse_args()
    if args.ceilings:
        print(f"Stand-up fan-out: {args.fellows} fellows, one tick, SQLite, fake Slack without limits")
        for pace in (6000, 500):
            _report_ceiling(fan_out(args.fellows, limits=False, pace=pace), pace)
        return
    print(f"Stand-up fan-out: {args.fellows} fellows in one cohort, one tick, SQLite, fake Slack")
    _report_fan_out(fan_out(args.fellows, limits=False), limits=False)
    if not args.no_limits_run:
        _report_fan_out(fan_out(args.fellows, limits=True), limits=True)
    print(f"Idle tick: {args.cohorts} cohorts of 10 fellows, {args.days} days of stand-ups")
    idle_ticks(args.cohorts, args.days)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

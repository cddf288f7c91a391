"""Digest generation: time and memory per cohort, as history grows and for many cohorts at once.

A cohort has 60 fellows in 20 challenges, a mentor per challenge, two admins, and a history of
stand-up answers (every working day, moods, some blockers), help requests with offers, training
sessions with sign-ups and fortnightly mentor check-ins. "Generation" is what a tick does for a
cohort whose digests are due: the planner loads its week (`plan_digests`), then every mentor's
and admin's digest is built and rendered as a Slack message. No Slack call is made.

    .venv/bin/python -m benchmarks.digest_generation [--cohorts 100] [--repeat 20]

Target: under 200 ms per cohort, and flat as history grows from one month to one year.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bot.features import SOURCES
from domain.checkins.model import CheckinStatus
from domain.cohorts.model import Role
from domain.digests.due import due_runs, plan_digests
from handlers.blocks.digests.messages import render_digest
from storage.checkins.tables import DigestScheduleRow, MentorCheckinRow
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.models import ChallengeRow, CohortRow, MembershipRow
from storage.peer_help.tables import HelpOfferRow, HelpRequestRow
from storage.standups.tables import StandupEntryRow, StandupScheduleRow
from storage.trainings.tables import TrainingSessionRow, TrainingSignupRow
from storage.uow import unit_of_work_factory

FELLOWS, CHALLENGES = 60, 20
# The digest is due on Friday 5 June 2026 at 16:00 in Paris; history ends that day.
DIGEST_DAY = date(2026, 6, 5)
DUE = datetime(2026, 6, 5, 14, 0, tzinfo=UTC)


def _working_days(first: date, last: date) -> list[date]:
    return [
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if (first + timedelta(days=n)).weekday() < 5
    ]


def _people(cohort_id: int) -> tuple[list[str], list[str], list[str]]:
    fellows = [f"F{cohort_id:03d}{n:03d}" for n in range(FELLOWS)]
    mentors = [f"M{cohort_id:03d}{n:03d}" for n in range(CHALLENGES)]
    return fellows, mentors, [f"A{cohort_id:03d}0", f"A{cohort_id:03d}1"]


def _cohort(conn, cohort_id: int, start: date) -> None:
    joined = datetime.combine(start, datetime.min.time(), UTC)
    conn.execute(
        insert(CohortRow),
        [
            {
                "id": cohort_id,
                "name": f"eig{cohort_id}",
                "name_key": f"eig{cohort_id}",
                "channel_id": f"C{cohort_id}",
                "timezone": "Europe/Paris",
                "lang": "fr",
                "country": "FR",
                "created_at": joined,
            }
        ],
    )
    conn.execute(
        insert(ChallengeRow),
        [{"cohort_id": cohort_id, "slug": f"defi-{n}", "name": f"Défi {n}"} for n in range(CHALLENGES)],
    )
    fellows, mentors, admins = _people(cohort_id)
    rows = [(f, Role.FELLOW, f"defi-{n % CHALLENGES}") for n, f in enumerate(fellows)]
    rows += [(m, Role.MENTOR, f"defi-{n}") for n, m in enumerate(mentors)] + [
        (a, Role.ADMIN, "") for a in admins
    ]
    conn.execute(
        insert(MembershipRow),
        [
            {"cohort_id": cohort_id, "user_id": u, "role": r.value, "challenge_slug": c, "added_at": joined}
            for u, r, c in rows
        ],
    )
    conn.execute(
        insert(StandupScheduleRow),
        [
            {
                "cohort_id": cohort_id,
                "active": True,
                "days": "mon,tue,wed,thu,fri",
                "time": "09:30",
                "zone_mode": "cohort",
                "share": "thread",
                "mood": True,
                "blocker_question": 3,
                "updated_at": joined,
            }
        ],
    )
    conn.execute(
        insert(DigestScheduleRow),
        [
            {
                "cohort_id": cohort_id,
                "active": True,
                "day": "fri",
                "time": "16:00",
                "isolation_days": 5,
                "updated_at": joined,
            }
        ],
    )


def _standups(conn, cohort_id: int, days: list[date], rng: random.Random) -> int:
    fellows, _, _ = _people(cohort_id)
    rows = []
    for day in days:
        at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=8)
        for fellow in fellows:
            if rng.random() < 0.85:
                blocker = "Accès aux données en attente" if rng.random() < 0.1 else "rien"
                rows.append(
                    {
                        "cohort_id": cohort_id,
                        "user_id": fellow,
                        "local_date": day,
                        "status": "answered",
                        "answers": f'["hier", "aujourd’hui", "{blocker}"]',
                        "mood": rng.randint(1, 5),
                        "late": False,
                        "submitted_at": at,
                    }
                )
    conn.execute(insert(StandupEntryRow), rows)
    return len(rows)


def _help(conn, cohort_id: int, days: list[date], rng: random.Random, first_id: int) -> int:
    fellows, _, _ = _people(cohort_id)
    requests, offers = [], []
    for n, day in enumerate(days[::2]):
        for k in range(3):
            request_id = first_id + 3 * n + k
            asked = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=10 + k)
            done = day < DIGEST_DAY - timedelta(days=10) or rng.random() < 0.5
            requests.append(
                {
                    "id": request_id,
                    "cohort_id": cohort_id,
                    "asker": rng.choice(fellows),
                    "title": "Une question",
                    "details": "",
                    "origin": "ask",
                    "status": "resolved" if done else "open",
                    "created_at": asked,
                    "ended_at": asked + timedelta(days=1) if done else None,
                    "thanks": "",
                }
            )
            offers.append(
                {
                    "request_id": request_id,
                    "helper": rng.choice(fellows),
                    "offered_at": asked + timedelta(hours=2),
                    "credited": done,
                }
            )
    conn.execute(insert(HelpRequestRow), requests)
    conn.execute(insert(HelpOfferRow), offers)
    return len(requests)


def _trainings(conn, cohort_id: int, days: list[date], rng: random.Random) -> None:
    fellows, _, _ = _people(cohort_id)
    for day in days[::5] + [DIGEST_DAY + timedelta(days=4)]:
        starts = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=13)
        session_id = conn.execute(
            insert(TrainingSessionRow).returning(TrainingSessionRow.id),
            [
                {
                    "cohort_id": cohort_id,
                    "facilitator": rng.choice(fellows),
                    "title": "Atelier",
                    "description": "",
                    "starts_at": starts,
                    "duration_minutes": 60,
                    "capacity": 10,
                    "location": "Salle",
                    "status": "announced",
                    "seats_taken": 6,
                    "sequence": 0,
                    "created_at": starts - timedelta(days=7),
                }
            ],
        ).scalar_one()
        conn.execute(
            insert(TrainingSignupRow),
            [
                {
                    "session_id": session_id,
                    "user_id": fellow,
                    "status": "confirmed",
                    "queue_no": n,
                    "queued_at": starts - timedelta(days=3),
                    "updated_at": starts - timedelta(days=3),
                }
                for n, fellow in enumerate(rng.sample(fellows, 6))
            ],
        )


def _checkins(conn, cohort_id: int, days: list[date]) -> None:
    _, mentors, _ = _people(cohort_id)
    rounds = [d for d in days if d.weekday() == 1][::2]
    conn.execute(
        insert(MentorCheckinRow),
        [
            {
                "cohort_id": cohort_id,
                "mentor": m,
                "round_date": r,
                "status": CheckinStatus.ANSWERED.value,
                "rating": 4,
                "going_well": "",
                "blockers": "",
                "needs": "Un accès",
                "answered_at": datetime.combine(r, datetime.min.time(), UTC),
            }
            for r in rounds
            for m in mentors
        ],
    )


def build(path: Path, cohorts: int, months: int) -> dict[str, int]:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    rng = random.Random(7)
    start = DIGEST_DAY - timedelta(days=30 * months)
    days = _working_days(start, DIGEST_DAY)
    counts = {"stand-up answers": 0, "help requests": 0}
    with engine.begin() as conn:
        for cohort_id in range(1, cohorts + 1):
            _cohort(conn, cohort_id, start)
            counts["stand-up answers"] += _standups(conn, cohort_id, days, rng)
            counts["help requests"] += _help(conn, cohort_id, days, rng, 1 + cohort_id * 10_000)
            _trainings(conn, cohort_id, days, rng)
            _checkins(conn, cohort_id, days)
    engine.dispose()
    return counts


def generate(uow_factory) -> int:
    """One tick's digest work without Slack, as schedules/digests.py does it: the cohorts due, then one
    cohort at a time, its week loaded and every mentor's and admin's digest built and rendered."""
    with uow_factory() as uow:
        due = due_runs(uow, DUE, None)
    rendered = 0
    for cohort_digests in due:
        with uow_factory() as uow:
            planned = plan_digests(uow, cohort_digests, DUE, SOURCES.digest)
        for items in planned.values():
            for item in items:
                book = item.payload.book
                if book is None:  # last week's, past its grace: the scheduling core records it as missed
                    continue
                for reader in item.recipients:
                    render_digest(book.digest(reader, item.payload.audience), book.language())
                    rendered += 1
    return rendered


def measure(path: Path, repeat: int) -> tuple[float, int, float]:
    """Median seconds per run, digests rendered per run, peak MiB of one traced run."""
    engine = make_engine(f"sqlite:///{path}")
    uow_factory = unit_of_work_factory(make_session_factory(engine))
    generate(uow_factory)  # warm caches (catalogs, zones, statements)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        rendered = generate(uow_factory)
        timings.append(time.perf_counter() - started)
    tracemalloc.start()
    generate(uow_factory)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    engine.dispose()
    return statistics.median(timings), rendered, peak


def report(label: str, cohorts: int, months: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        counts = build(path, cohorts, months)
        built = time.perf_counter() - started
        seconds, rendered, peak = measure(path, repeat)
    history = ", ".join(f"{count} {what}" for what, count in counts.items())
    print(
        f"{label}: {cohorts} cohort(s) x {FELLOWS} fellows, {months} month(s) of history ({history}; "
        f"built in {built:.1f} s)"
    )
    print(
        f"  {rendered} digests per tick in {seconds * 1000:.0f} ms: {seconds * 1000 / cohorts:.1f} ms per cohort, "
        f"peak traced memory {peak:.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cohorts", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    report("one cohort", 1, 1, args.repeat)
    report("one cohort", 1, 12, args.repeat)
    report("many cohorts", args.cohorts, 1, max(1, args.repeat // 10))
    report("many cohorts", args.cohorts, 12, max(1, args.repeat // 10))


if __name__ == "__main__":
    main()

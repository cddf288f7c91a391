"""Two processes on one database racing for seats: never more seats than the capacity, never
two sign-ups for one person (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from domain.cohorts.model import Membership, NewCohort, Role
from domain.trainings.model import Proposal, SessionStatus
from storage.db import make_session_factory
from storage.uow import SqlUnitOfWork

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SESSIONS = 25


@pytest.fixture
def uow(engine):
    factory = make_session_factory(engine)
    return lambda: SqlUnitOfWork(factory)


def sessions(uow, capacity: int) -> list[int]:
    with uow() as store:
        cohort = store.cohorts.add(
            NewCohort("eig7", "Europe/Paris", "fr", "FR", date(2026, 1, 5), None), "C1", NOW
        )
        store.members.add_many([Membership(cohort.id, u, Role.FELLOW) for u in ("UBEN", "UCHLOE")], NOW)
        ids = [
            store.trainings.add(
                cohort.id,
                "UANA",
                Proposal(f"Session {n}", "…", NOW + timedelta(days=2), 60, capacity, "Salle 1"),
                SessionStatus.ANNOUNCED,
                NOW,
            ).id
            for n in range(SESSIONS)
        ]
        store.commit()
    return ids


def race(database_url: str, tmp_path: Path, workers: list[tuple[str, int]], ids: list[int]) -> list[list]:
    """Starts one process per (user, clicks), lets them all go at once, returns their outcomes."""
    go = tmp_path / "go"
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update(DATABASE_URL=database_url, PYTHONPATH=str(ROOT))
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.training_signup_worker",
                "--user",
                user,
                "--sessions",
                ",".join(map(str, ids)),
                "--clicks",
                str(clicks),
                "--at",
                NOW.isoformat(),
                "--go",
                str(go),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user, clicks in workers
    ]
    for process in processes:
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
    go.touch()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    return results


def test_two_people_racing_for_the_last_seat_one_gets_it(database_url, uow, tmp_path):
    ids = sessions(uow, capacity=1)
    ben, chloe = race(database_url, tmp_path, [("UBEN", 1), ("UCHLOE", 1)], ids)
    for session_id in ids:
        outcomes = sorted([o for s, o in ben if s == session_id] + [o for s, o in chloe if s == session_id])
        assert outcomes == ["confirmed", "waitlisted"], session_id
    with uow() as store:
        assert {store.trainings.get(i).seats_taken for i in ids} == {1}
        rows = store.trainings.signups(ids)
    assert Counter(r.status.value for r in rows) == {"confirmed": SESSIONS, "waitlisted": SESSIONS}


def test_one_person_clicking_in_two_processes_is_signed_up_once(database_url, uow, tmp_path):
    ids = sessions(uow, capacity=5)
    first, second = race(database_url, tmp_path, [("UBEN", 2), ("UBEN", 2)], ids)
    outcomes = Counter(o for _, o in first + second)
    assert outcomes == {"confirmed": SESSIONS, "already_confirmed": 3 * SESSIONS}
    with uow() as store:
        assert {store.trainings.get(i).seats_taken for i in ids} == {1}
        assert len(store.trainings.signups(ids)) == SESSIONS

"""Sign-up clicks from a process of its own, for racing another process on the same database.

    python -m tests.support.training_signup_worker --user UBEN --sessions 1,2,3 --clicks 2 --go FILE

It builds its storage as the bot does (DATABASE_URL), prints "ready", waits for FILE to exist
(so that several workers start together), then clicks "sign up" on each session `--clicks`
times and prints one JSON line: the outcome of every click.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import datetime
from pathlib import Path

from domain.cohorts.records import Actor
from domain.trainings.signups import sign_up
from storage.db import make_engine, make_session_factory
from storage.uow import unit_of_work_factory


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", required=True)
    parser.add_argument("--sessions", required=True)
    parser.add_argument("--clicks", type=int, default=1)
    parser.add_argument("--at", required=True, help="the instant of the clicks (ISO 8601)")
    parser.add_argument("--go", required=True, help="a file whose appearance starts the clicks")
    args = parser.parse_args()
    engine = make_engine(os.environ["DATABASE_URL"])
    uow = unit_of_work_factory(make_session_factory(engine))
    actor = Actor(args.user, datetime.fromisoformat(args.at))
    sessions = [int(s) for s in args.sessions.split(",")]
    with engine.connect():
        pass  # connected before the start, so that both workers click at once
    print("ready", flush=True)
    go = Path(args.go)
    while not go.exists():
        time.sleep(0.001)
    outcomes = []
    for session_id in sessions:
        for _ in range(args.clicks):
            with uow() as store:
                outcomes.append([session_id, sign_up(store, actor, session_id).outcome.value])
                store.commit()
    print(json.dumps(outcomes), flush=True)
    engine.dispose()


if __name__ == "__main__":
    main()

"""One ticker at a time, across every process that shares the database.

Any number of processes may run the scheduler, and cron may run `cohortbot tick` beside them:
each tick first takes the ticker's turn, and a tick that cannot have it is skipped. The turn is
held by something that dies with its holder, so a killed ticker never blocks the next minute:
on PostgreSQL a session-level advisory lock (gone when the connection closes), on SQLite an
`flock` on a file beside the database (gone when the process exits).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

# pg_advisory_lock's key for the ticker's turn: "cohortbot tick", in the bot's own key space.
TICKER_LOCK_KEY = 0x636F686F7274


@contextmanager
def ticker_turn(engine: Engine) -> Iterator[bool]:
    """True inside the block when this tick may run and no other runs until it ends; False when
    another tick holds the turn."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine) as held:
            yield held
        return
    database = engine.url.database
    if not database or database == ":memory:":
        # A database no other process can open: this process is the only ticker.
        yield True
        return
    with _lock_file(database + ".tick-lock") as held:
        yield held


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[bool]:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        key = {"key": TICKER_LOCK_KEY}
        held = bool(connection.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar())
        try:
            yield held
        finally:
            if held:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), key)


@contextmanager
def _lock_file(path: str) -> Iterator[bool]:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)

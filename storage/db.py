"""Engines and sessions: SQLite set up for a server, PostgreSQL through psycopg 3 with timeouts.

What people wrote is private: the SQLite file is created readable by its owner only (SQLite gives
its WAL and shared-memory files the same mode), and errors never quote statement parameters.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress

from sqlalchemy import CursorResult, Engine, Executable, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.text import remove_nul_bytes

SQLITE_BUSY_TIMEOUT_MS = 10_000
PRIVATE_FILE_MODE = 0o600
# PostgreSQL over a network that may drop: a dead server is noticed in seconds, not when the
# operating system gives up (minutes to hours), so a tick gives up and the next minute retries.
POSTGRES_TIMEOUTS: dict[str, object] = {
    "connect_timeout": 3,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    # Data sent but not acknowledged for this long (ms): the connection is dead.
    "tcp_user_timeout": 10_000,
    # A statement stuck behind a lock or a runaway query ends; its transaction rolls back. The
    # server's own keepalives end a partitioned session, and the ticker's turn with it.
    "options": "-c statement_timeout=30000"
    " -c tcp_keepalives_idle=10 -c tcp_keepalives_interval=3 -c tcp_keepalives_count=3",
}
# /healthz must answer before a load balancer's own timeout, whatever the database does.
HEALTH_TIMEOUT_S = 1.5
# A transaction begun through `read_only(engine)` only reads.
READ_ONLY = "cohortbot_read_only"


def make_engine(url: str, **options) -> Engine:
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    options.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        _create_private_file(make_url(url).database)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **options)
        _set_up_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args=POSTGRES_TIMEOUTS, **options)
        _set_up_postgres(engine)
    remove_nul_bytes(engine)
    return engine


def _create_private_file(path: str | None) -> None:
    """Creates a missing database file 0600 before SQLite creates it with the umask's mode."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    # A missing folder is left to SQLite, which reports it when it first connects.
    with suppress(OSError):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))


def read_only(engine: Engine) -> Engine:
    """The same engine and pool, for work that only reads (shows, history, Home, health).

    Under SQLite its transactions are deferred: with WAL they read the last commit without waiting
    for a writer. A write attempted in one fails at once instead of waiting for the lock.
    """
    return engine.execution_options(**{READ_ONLY: True})


def _reads_only(connection) -> bool:
    return bool(connection.get_execution_options().get(READ_ONLY))


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (see below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: a confirmed send survives a power cut, so it is never sent again.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        if _reads_only(connection):
            # A deferred reader never takes the write lock; query_only turns a write into an error
            # here, because upgrading a reader to a writer can fail with SQLITE_BUSY whatever the
            # busy timeout.
            connection.exec_driver_sql("PRAGMA query_only=ON")
            connection.exec_driver_sql("BEGIN")
            return
        connection.exec_driver_sql("PRAGMA query_only=OFF")
        # IMMEDIATE takes the write lock up front: a transaction that reads then writes cannot
        # fail with SQLITE_BUSY half-way when another process wrote in between; it waits instead.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _set_up_postgres(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # The same promise as SQLite's readers: a write there is a mistake, refused at once.
        if _reads_only(connection):
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def rows_changed(session: Session, statement: Executable) -> int:
    """How many rows an UPDATE or DELETE changed (a second click or a seat taken meanwhile changes none)."""
    result = session.execute(statement)
    assert isinstance(result, CursorResult), "only UPDATE and DELETE statements have a row count"
    return result.rowcount


def database_answers(engine: Engine) -> bool:
    try:
        with read_only(engine).connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not healthy", which is the answer
        return False
    return True


class DatabaseHealth:
    """`database_answers` within `timeout` seconds: a stalled database means "not healthy" in time.

    The question runs on a thread of its own; while one is still waiting, the next asks nothing
    and answers "not healthy", so a stall never piles up threads.
    """

    def __init__(self, engine: Engine, timeout: float = HEALTH_TIMEOUT_S):
        self._engine = engine
        self._timeout = timeout
        self._waiting = threading.Lock()

    def __call__(self) -> bool:
        if not self._waiting.acquire(blocking=False):
            return False
        answer: list[bool] = []

        def ask() -> None:
            try:
                answer.append(database_answers(self._engine))
            finally:
                self._waiting.release()

        thread = threading.Thread(target=ask, name="healthz", daemon=True)
        thread.start()
        thread.join(self._timeout)
        return bool(answer) and answer[0]

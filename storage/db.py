"""Engines and sessions: SQLite set up for a server, PostgreSQL through psycopg 3.

What people wrote is private: the SQLite file is created readable by its owner only (SQLite gives
its WAL and shared-memory files the same mode), and errors never quote statement parameters.
"""

from __future__ import annotations

import os
from contextlib import suppress

from sqlalchemy import CursorResult, Engine, Executable, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.text import remove_nul_bytes

SQLITE_BUSY_TIMEOUT_MS = 10_000
PRIVATE_FILE_MODE = 0o600


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
        engine = create_engine(url, pool_pre_ping=True, **options)
    remove_nul_bytes(engine)
    return engine


def _create_private_file(path: str | None) -> None:
    """Creates a missing database file 0600 before SQLite creates it with the umask's mode."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    # A missing folder is left to SQLite, which reports it when it first connects.
    with suppress(OSError):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))


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
        # IMMEDIATE takes the write lock up front: a transaction that reads then writes cannot
        # fail with SQLITE_BUSY half-way when another process wrote in between; it waits instead.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def rows_changed(session: Session, statement: Executable) -> int:
    """How many rows an UPDATE or DELETE changed (a second click or a seat taken meanwhile changes none)."""
    result = session.execute(statement)
    assert isinstance(result, CursorResult), "only UPDATE and DELETE statements have a row count"
    return result.rowcount


def database_answers(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not healthy", which is the answer
        return False
    return True

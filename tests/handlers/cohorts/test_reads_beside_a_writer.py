"""SQLite: work that only reads never waits for a writer, and cannot write by mistake."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy.exc import OperationalError

from domain.cohorts.model import Cohort
from storage.db import DatabaseHealth


@contextmanager
def writer_holding_the_lock(database_url: str):
    """Another connection, on its own thread, inside a writing transaction until the block ends."""
    path = database_url.removeprefix("sqlite:///")
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE cohort SET name = name")
        holding.set()
        release.wait(30)
        connection.execute("ROLLBACK")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(5)
    try:
        yield
    finally:
        release.set()
        thread.join()


def _sqlite_only(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL readers never wait for writers")


def test_cohort_show_and_health_answer_at_once_while_a_writer_holds_the_lock(workspace, engine, database_url):
    _sqlite_only(database_url)
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    with writer_holding_the_lock(database_url):
        started = time.monotonic()
        shown = workspace.cohort("show eig7")
        healthy = DatabaseHealth(engine)()
        took = time.monotonic() - started
        # A writer would wait its turn: the lock is really held.
        other_writer = sqlite3.connect(
            database_url.removeprefix("sqlite:///"), isolation_level=None, timeout=0
        )
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other_writer.execute("BEGIN IMMEDIATE")
        other_writer.close()
    assert "eig7" in shown["text"] and "UANA" in json.dumps(shown["blocks"])
    assert healthy
    assert took < 1.0, f"the reads waited {took:.1f} s for the writer"


def test_a_write_in_a_read_only_unit_of_work_fails_at_once(workspace, database_url):
    _sqlite_only(database_url)
    workspace.say("create eig7 <#C100>")
    with workspace.ctx.reading() as uow:
        cohort = uow.cohorts.by_name("eig7")
        assert isinstance(cohort, Cohort)
        with pytest.raises(OperationalError, match="readonly"):
            uow.cohorts.archive(cohort.id, workspace.ctx.clock.now())

"""Shared fixtures: databases built by the migrations, the fake Slack, a manual clock, a context."""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.clock import ManualClock
from bot.features import PERSONAL_COLUMNS, SOURCES
from bot.holidays import CountryHolidays
from bot.slack import make_client
from bot.standin.slack import SlackStandIn
from handlers.context import Context
from storage.db import make_engine, make_session_factory, read_only
from storage.migrate import upgrade
from storage.uow import unit_of_work_factory

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch):
    # slack_sdk reads proxy variables itself and ignores NO_PROXY: loopback calls must go direct.
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get("TEST_DATABASE_URL") else ["sqlite"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_url():
    """A database of its own for this test run, migrated once, dropped at the end."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    base = base.replace("postgres://", "postgresql://", 1)
    if base.startswith("postgresql://"):
        base = base.replace("postgresql://", "postgresql+psycopg://", 1)
    name = f"cohortbot_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        tables = connection.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )
        ).scalars()
        names = ", ".join(f'"{table}"' for table in tables)
        if names:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=_backends())
def database_url(request, tmp_path, sqlite_template) -> str:
    """A migrated, empty database: a SQLite file, and PostgreSQL when TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        path = tmp_path / "cohortbot.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    _truncate_postgres(url)
    return url


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 7, 0, tzinfo=UTC))


@pytest.fixture
def fake_slack():
    fake = SlackStandIn()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def ctx(engine, clock, fake_slack) -> Context:
    return Context(
        clock=clock,
        uow=unit_of_work_factory(make_session_factory(engine), PERSONAL_COLUMNS),
        slack=make_client("xoxb-test", fake_slack.url, timeout=5),
        holidays=CountryHolidays(),
        admins=frozenset({"UADMIN"}),
        default_lang="fr",
        read_uow=unit_of_work_factory(make_session_factory(read_only(engine)), PERSONAL_COLUMNS),
        data_declarations=SOURCES.declarations,
        redraws_after_erasure=SOURCES.redraws_after_erasure,
        privacy_contact="dpo@example.org",
    )

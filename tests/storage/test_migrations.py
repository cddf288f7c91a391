"""The schema comes from the migrations, and the models never drift from them."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.features import metadata
from storage.db import make_engine
from storage.migrate import pending, upgrade


def test_models_and_migrations_agree(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata())
    assert differences == [], f"models differ from migrations; add an Alembic revision: {differences}"


def test_migrations_build_every_table(engine):
    tables = set(inspect(engine).get_table_names())
    assert set(metadata().tables) <= tables
    assert "alembic_version" in tables
    assert not pending(engine)


def test_upgrade_is_idempotent(engine):
    upgrade(engine)
    upgrade(engine)
    assert not pending(engine)


def test_a_new_database_is_pending_until_migrated(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert pending(engine)
    upgrade(engine)
    assert not pending(engine)
    engine.dispose()


def test_sqlite_connections_are_set_up_for_a_server(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'pragmas.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    engine.dispose()


def test_postgres_urls_are_accepted():
    for url in ("postgres://user@localhost/db", "postgresql://user@localhost/db"):
        engine = make_engine(url)
        assert engine.dialect.name == "postgresql"
        assert engine.dialect.driver == "psycopg"
        engine.dispose()

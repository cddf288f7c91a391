"""What people wrote stays private at rest: 0600 files, safe CSV cells, no NUL byte refused."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
from argparse import Namespace
from pathlib import Path

from sqlalchemy import text

from bot import export
from bot.export import as_csv
from domain.cohorts.export import Section
from storage.db import make_engine
from tests.bot.test_cli import cohortbot
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_the_sqlite_file_its_wal_and_shared_memory_are_private(tmp_path):
    path = tmp_path / "new.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            connection.execute(text("CREATE TABLE note (body TEXT)"))
            connection.execute(text("INSERT INTO note VALUES ('private')"))
            connection.commit()
            files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(file.exists() for file in files)
            assert [mode(file) for file in files] == [0o600] * 3
    finally:
        engine.dispose()


def test_an_export_file_is_private_and_its_cells_are_never_formulas(ctx, fake_slack, engine, tmp_path):
    trainings = Trainings(Workspace(ctx, fake_slack))
    title, location = '=HYPERLINK("https://evil.example","x")', "-3+cmd|' /C calc'!A0"
    trainings.propose(title=title, location=location)
    out = tmp_path / "eig7.csv"
    assert export.run(Namespace(cohort="eig7", format="csv", out=str(out)), engine) == 0
    assert mode(out) == 0o600
    cells = [
        cell for row in csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";") for cell in row
    ]
    assert "'" + title in cells and "'" + location in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_csv_cells_starting_like_a_formula_are_quoted_and_others_kept():
    section = Section(
        "notes",
        ("text", "figure"),
        (("=1+1", 3), ("+33 6 12", -2), ("@all", None), ("\tx", 1), ("\rx", 1), ("plain - text", 1.5)),
    )
    rows = list(csv.reader(io.StringIO(as_csv([section]), newline="")))
    assert rows[2:] == [
        ["'=1+1", "3"],
        ["'+33 6 12", "-2"],
        ["'@all", ""],
        ["'\tx", "1"],
        ["'\nx", "1"],
        ["plain - text", "1.5"],
    ]


def migrated(tmp_path: Path) -> dict[str, str]:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cohortbot.db'}"}
    assert cohortbot("migrate", env=env, cwd=tmp_path).returncode == 0
    return env


def test_a_backup_is_private(tmp_path):
    env = migrated(tmp_path)
    result = cohortbot("backup", str(tmp_path / "copy.db"), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert mode(tmp_path / "copy.db") == 0o600
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("SELECT count(*) FROM cohort").fetchone() == (0,)


def one_line_refusal(result, path: Path) -> bool:
    lines = result.stderr.strip().splitlines()
    return (
        result.returncode == 2 and len(lines) == 1 and str(path) in lines[0] and "Traceback" not in lines[0]
    )


def test_a_backup_refuses_symbolic_links_and_existing_files(tmp_path):
    env = migrated(tmp_path)
    elsewhere = tmp_path / "elsewhere.db"
    dangling, to_file, existing = tmp_path / "dangling.db", tmp_path / "to-file.db", tmp_path / "there.db"
    dangling.symlink_to(elsewhere)
    existing.write_text("keep me", encoding="utf-8")
    to_file.symlink_to(existing)
    for target in (dangling, to_file, existing):
        assert one_line_refusal(cohortbot("backup", str(target), env=env, cwd=tmp_path), target)
    assert not elsewhere.exists() and existing.read_text(encoding="utf-8") == "keep me"


def test_an_unwritable_backup_target_is_one_line(tmp_path):
    env = migrated(tmp_path)
    # /proc takes no new files, even from root.
    target = Path("/proc/cohortbot-backup.db")
    assert one_line_refusal(cohortbot("backup", str(target), env=env, cwd=tmp_path), target)

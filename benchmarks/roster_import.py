"""`cohortbot import-roster` of a large file against a fake Slack: total time and Web API calls per row.

Half the rows name people by e-mail (one users.lookupByEmail each is the target), half by Slack
id (no look-up is the target). Each import then pages once through the members of the cohort's
channel, where everybody already is. The import runs in-process through the real CLI entry point,
on a fresh SQLite database; it is then run a second time, which must change nothing.

    .venv/bin/python -m benchmarks.roster_import [--rows 5000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.cli import main as cohortbot
from bot.standin.slack import SlackStandIn
from domain.cohorts.model import NewCohort
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWork

CHALLENGES = ("ia-sante", "donnees-ouvertes", "justice", "climat", "education")


def roster(rows: int, fake: SlackStandIn) -> tuple[str, str, int, int]:
    """Two CSV texts, one of e-mail rows and one of Slack id rows, and how many rows each has.

    A roster names people by e-mail or by id, never both in one file.
    """
    emails = rows // 2
    lines = ["email;role;challenge;timezone"]
    for index in range(emails):
        fake.add_user(f"UE{index:06d}", email=f"fellow{index}@example.org")
        lines.append(f"fellow{index}@example.org;fellow;{CHALLENGES[index % 5]};")
    ids = ["slack_id;role;challenge;timezone"]
    for index in range(rows - emails):
        ids.append(
            f"UI{index:06d};{'mentor' if index % 10 == 0 else 'fellow'};{CHALLENGES[index % 5]};Europe/Paris"
        )
    # Everybody is in the cohort's channel already: the import pages through its members once.
    fake.add_channel(
        "C100", members=[f"UE{i:06d}" for i in range(emails)] + [f"UI{i:06d}" for i in range(rows - emails)]
    )
    return "\n".join(lines) + "\n", "\n".join(ids) + "\n", emails, rows - emails


def run(path: Path) -> tuple[float, int, str]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cohortbot(["import-roster", str(path), "--cohort", "eig7"])
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"import failed ({status}): {err.getvalue()}")
    return elapsed, len(err.getvalue().splitlines()), out.getvalue().strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cohortbot-roster-"))
    database = f"sqlite:///{workdir / 'bench.db'}"
    engine = make_engine(database)
    upgrade(engine)
    with SqlUnitOfWork(make_session_factory(engine)) as uow:
        uow.cohorts.add(NewCohort("eig7", "Europe/Paris", "fr", "FR", None, None), "C100", datetime.now(UTC))
        uow.commit()
    engine.dispose()
    for name in [key for key in os.environ if "proxy" in key.lower()]:
        del os.environ[name]
    with SlackStandIn() as fake:
        email_csv, id_csv, email_rows, id_rows = roster(args.rows, fake)
        (workdir / "emails.csv").write_text(email_csv, encoding="utf-8-sig")
        (workdir / "ids.csv").write_text(id_csv, encoding="utf-8")
        os.environ.update(
            DATABASE_URL=database, SLACK_BOT_TOKEN="xoxb-test", SLACK_API_URL=fake.url, COHORTBOT_LANG="en"
        )
        results = {}
        for kind, rows in (("emails", email_rows), ("ids", id_rows)):
            fake.reset()
            elapsed, progress_lines, summary = run(workdir / f"{kind}.csv")
            results[kind] = (rows, elapsed, fake.count(), fake.stats()["by_method"], progress_lines, summary)
        fake.reset()
        again, _, again_summary = run(workdir / "emails.csv")
    total = sum(r[1] for r in results.values())
    print(
        f"import-roster of {args.rows} rows ({email_rows} by e-mail, {id_rows} by Slack id), SQLite, fake Slack"
    )
    for kind, (rows, elapsed, calls, by_method, progress_lines, summary) in results.items():
        print(
            f"  {kind:6} {rows:5} rows: {elapsed:6.2f} s, {calls} Web API calls = {calls / rows:.2f} per row "
            f"{by_method or ''}; {progress_lines} progress lines; {summary}"
        )
    print(f"  total: {total:.2f} s for {args.rows} rows ({1000 * total / args.rows:.2f} ms per row)")
    print(f"  re-import of the e-mail file: {again:.2f} s; {again_summary}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""`cohortbot export --cohort NAME [--format csv|json] [--out PATH]`: a cohort's history.

JSON: one object, a list of records per section. CSV: one table per section, each introduced
by a row holding the section's name and separated from the next by an empty row.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import TextIO

from sqlalchemy import Engine

from bot.clock import SystemClock
from bot.features import SOURCES
from bot.private_files import write_private_text
from domain.cohorts.export import Section, cohort_history
from domain.cohorts.records import AuditAction, AuditEntry
from domain.messages import N_, DomainError
from storage.db import make_session_factory
from storage.uow import unit_of_work_factory

# Who the audit log says acted, for what the operator does from the command line.
OPERATOR = "cohortbot-cli"
CANNOT_WRITE = N_("{path}: cannot write the file ({reason})")
# A spreadsheet runs a cell starting with one of these as a formula (DDE, links, macros).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def add_arguments(sub) -> None:
    parser = sub.add_parser("export", help="a cohort's history, as CSV or JSON")
    parser.add_argument("--cohort", required=True, help="the cohort's name")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--out", help="file to write (default: standard output)")


def as_json(sections: list[Section]) -> str:
    return (
        json.dumps({section.name: section.records() for section in sections}, ensure_ascii=False, indent=2)
        + "\n"
    )


def as_csv(sections: list[Section]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    for index, section in enumerate(sections):
        if index:
            writer.writerow([])
        writer.writerow([section.name])
        writer.writerow(section.columns)
        writer.writerows([csv_cell(value) for value in row] for row in section.rows)
    return buffer.getvalue()


def csv_cell(value: object) -> object:
    """Text that a spreadsheet would read as a formula is kept as text, behind a quote."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    # The writer quotes a cell holding "\n" (the line end) but not a lone "\r", which readers
    # take for a line end: every line break inside a cell is written as "\n".
    return value.replace("\r\n", "\n").replace("\r", "\n")


def run(args, engine: Engine, out: TextIO | None = None) -> int:
    with unit_of_work_factory(make_session_factory(engine))() as store:
        sections = cohort_history(store, args.cohort, SOURCES.export_sections)
        cohort = store.cohorts.by_name(args.cohort)
        if cohort is not None:
            # Who exported which cohort, and when: traced for the data protection officer.
            store.audit.record(
                AuditEntry(
                    cohort.id, OPERATOR, AuditAction.EXPORT, SystemClock().now(), {"format": args.format}
                )
            )
            store.commit()
    text = as_json(sections) if args.format == "json" else as_csv(sections)
    if not args.out:
        (out or sys.stdout).write(text)
        return 0
    try:
        # utf-8-sig: spreadsheets then read the accents right; JSON readers expect no BOM.
        write_private_text(args.out, text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    except OSError as error:
        raise DomainError(CANNOT_WRITE, path=args.out, reason=error.strerror or str(error)) from None
    return 0

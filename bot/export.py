"""`cohortbot export --cohort NAME [--format csv|json] [--out PATH]`: a cohort's history.

JSON: one object, a list of records per section. CSV: one table per section, each introduced
by a row holding the section's name and separated from the next by an empty row.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine

from bot.features import SOURCES
from domain.cohorts.export import Section, cohort_history
from domain.messages import N_, DomainError
from storage.db import make_session_factory
from storage.uow import unit_of_work_factory

CANNOT_WRITE = N_("{path}: cannot write the file ({reason})")


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
        writer.writerows(["" if value is None else value for value in row] for row in section.rows)
    return buffer.getvalue()


def run(args, engine: Engine, out: TextIO | None = None) -> int:
    with unit_of_work_factory(make_session_factory(engine))() as store:
        sections = cohort_history(store, args.cohort, SOURCES.export_sections)
    text = as_json(sections) if args.format == "json" else as_csv(sections)
    if not args.out:
        (out or sys.stdout).write(text)
        return 0
    try:
        # utf-8-sig: spreadsheets then read the accents right; JSON readers expect no BOM.
        Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    except OSError as error:
        raise DomainError(CANNOT_WRITE, path=args.out, reason=error.strerror or str(error)) from None
    return 0

"""`cohortbot export --cohort NAME [--format csv|xlsx|json] [--out PATH]`: a cohort's history.

xlsx: one workbook, one sheet per section, opened with a double-click; dates and times are
real spreadsheet dates, in the cohort's zone. CSV: one table per section, each introduced by
a row holding the section's name and separated from the next by an empty row; for a French
cohort it is written as a French spreadsheet reads it (";" between cells, a BOM, local
date-times without fractions of a second). JSON: one object, a list of records per section.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import UTC, date, datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import Engine

from bot.clock import SystemClock
from bot.features import SOURCES
from bot.private_files import write_private_bytes, write_private_text
from domain.cohorts.admin import named_cohort
from domain.cohorts.export import Section, Value, cohort_history
from domain.cohorts.records import AuditAction, AuditEntry
from domain.messages import N_, DomainError
from handlers.i18n import gettext
from storage.db import make_session_factory
from storage.uow import unit_of_work_factory

# Who the audit log says acted, for what the operator does from the command line.
OPERATOR = "cohortbot-cli"
CANNOT_WRITE = N_("{path}: cannot write the file ({reason})")
XLSX_NEEDS_A_FILE = N_("--format xlsx writes a workbook: give the file with --out, e.g. --out eig7.xlsx")
# A spreadsheet runs a cell starting with one of these as a formula (DDE, links, macros).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx", "json")
# Instants are exported as ISO-8601 text (UTC); dates as YYYY-MM-DD.
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"
XLSX_DATETIME = "yyyy-mm-dd hh:mm:ss"
XLSX_DATE = "yyyy-mm-dd"
XLSX_SHEET_TITLE_MAX = 31
XLSX_COLUMN_WIDTH_MAX = 60

HELP = N_("a cohort's history, as a spreadsheet (xlsx), CSV or JSON")
COHORT_HELP = N_("the cohort's name")
FORMAT_HELP = N_("csv (default), xlsx (one sheet per table) or json")
OUT_HELP = N_("file to write (default: standard output)")
NAME, PATH = N_("NAME"), N_("PATH")


def add_arguments(sub, lang: str) -> None:
    parser = sub.add_parser("export", help=gettext(HELP, lang), description=gettext(HELP, lang))
    parser.add_argument(
        "--cohort", required=True, help=gettext(COHORT_HELP, lang), metavar=gettext(NAME, lang)
    )
    parser.add_argument("--format", choices=FORMATS, default="csv", help=gettext(FORMAT_HELP, lang))
    parser.add_argument("--out", help=gettext(OUT_HELP, lang), metavar=gettext(PATH, lang))


def as_json(sections: list[Section]) -> str:
    return (
        json.dumps({section.name: section.records() for section in sections}, ensure_ascii=False, indent=2)
        + "\n"
    )


def as_csv(sections: list[Section], delimiter: str = ",", zone: str | None = None) -> str:
    """The sections as CSV; with a `zone`, instants are written as its wall clock reads them."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for index, section in enumerate(sections):
        if index:
            writer.writerow([])
        writer.writerow([section.name])
        writer.writerow(section.columns)
        writer.writerows([csv_cell(_local_text(value, zone)) for value in row] for row in section.rows)
    return buffer.getvalue()


def french_csv(sections: list[Section], zone: str) -> str:
    """What a French spreadsheet opens in columns: ";" between cells, local date-times."""
    return as_csv(sections, delimiter=";", zone=zone)


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


def _instant(value: Value, zone: str) -> datetime | None:
    """An exported instant as the wall clock reads it in `zone`, to the second; None for other values."""
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        return None
    moment = datetime.fromisoformat(value)
    # Instants are stored in UTC; one without an offset is one of them.
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(zone)).replace(tzinfo=None, microsecond=0)


def _local_text(value: Value, zone: str | None) -> Value:
    local = _instant(value, zone) if zone else None
    return local.strftime(LOCAL_FORMAT) if local is not None else value


def as_xlsx(sections: list[Section], zone: str) -> bytes:
    """One sheet per section: a bold, frozen header row, real dates, text never run as a formula."""
    workbook = Workbook()
    for blank in list(workbook.worksheets):
        workbook.remove(blank)
    for section in sections:
        sheet = workbook.create_sheet(section.name[:XLSX_SHEET_TITLE_MAX])
        sheet.append(list(section.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in section.rows:
            sheet.append([_xlsx_value(value, zone) for value in row])
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                _xlsx_style(cell)
        _widths(sheet, section)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Value, zone: str) -> object:
    local = _instant(value, zone)
    if local is not None:
        return local
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _xlsx_style(cell) -> None:
    if isinstance(cell.value, datetime):
        cell.number_format = XLSX_DATETIME
    elif isinstance(cell.value, date):
        cell.number_format = XLSX_DATE
    elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        # Written as text, and shown as typed: the spreadsheet never runs it.
        cell.data_type = "s"
        cell.quotePrefix = True


def _widths(sheet, section: Section) -> None:
    for index, name in enumerate(section.columns, start=1):
        longest = max([len(name)] + [len(str(row[index - 1] or "")) for row in section.rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, XLSX_COLUMN_WIDTH_MAX)


def run(args, engine: Engine, out: TextIO | None = None) -> int:
    if args.format == "xlsx" and not args.out:
        raise DomainError(XLSX_NEEDS_A_FILE)
    with unit_of_work_factory(make_session_factory(engine))() as store:
        cohort = named_cohort(store, args.cohort)
        sections = cohort_history(store, args.cohort, SOURCES.export_sections)
        # Who exported which cohort, and when: traced for the data protection officer.
        store.audit.record(
            AuditEntry(cohort.id, OPERATOR, AuditAction.EXPORT, SystemClock().now(), {"format": args.format})
        )
        store.commit()
    if args.format == "xlsx":
        return _write(args.out, lambda path: write_private_bytes(path, as_xlsx(sections, cohort.timezone)))
    french = args.format == "csv" and cohort.lang == "fr"
    if args.format == "json":
        text = as_json(sections)
    else:
        text = french_csv(sections, cohort.timezone) if french else as_csv(sections)
    if not args.out:
        # The BOM tells a spreadsheet the text is UTF-8, for the output saved to a file too.
        (out or sys.stdout).write(("\ufeff" if french else "") + text)
        return 0
    # utf-8-sig: spreadsheets then read the accents right; JSON readers expect no BOM.
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    return _write(args.out, lambda path: write_private_text(path, text, encoding=encoding))


def _write(path: str, write) -> int:
    try:
        write(path)
    except OSError as error:
        raise DomainError(CANNOT_WRITE, path=path, reason=error.strerror or str(error)) from None
    return 0

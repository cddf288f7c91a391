"""The roster CSV of `cohortbot import-roster`: people to add to a cohort, checked row by row.

Spreadsheets export with a BOM or not, with commas or (in French locales) semicolons; both
are read. Every mistake is reported with its line number in the file (the header is line 1
when the file starts with it), and a file with any mistake is refused whole.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from domain.cohorts.model import Role, challenge_name, check_timezone
from domain.messages import N_, DomainError, Message

# How a caller shows one RosterError: the line number, then the problem (translated on its own).
ROSTER_LINE = N_("Line {line}: {problem}")

# Header cells as spreadsheets write them, in English or in French, read without case, accents,
# spaces, dashes or underscores: "E-mail", "Courriel", "Rôle", "Défi", "Fuseau horaire".
_COLUMNS = {
    "slackid": "slack_id",
    "idslack": "slack_id",
    "identifiantslack": "slack_id",
    "email": "email",
    "mail": "email",
    "courriel": "email",
    "adressemail": "email",
    "adresseemail": "email",
    "adressecourriel": "email",
    "role": "role",
    "challenge": "challenge",
    "defi": "challenge",
    "timezone": "timezone",
    "fuseauhoraire": "timezone",
    "fuseau": "timezone",
}
# Names are Slack's to keep: a column of them is allowed and left aside.
IGNORED = "-"
_NAME_COLUMNS = ("nom", "prenom", "name", "firstname", "lastname", "fullname", "nomcomplet", "displayname")
_COLUMN_SPELLING = re.compile(r"[\s_\-.']+")
_SLACK_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_MENTION = re.compile(r"<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>")
_EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+")


@dataclass(frozen=True)
class RosterRow:
    line: int
    slack_id: str | None
    email: str | None
    role: Role
    challenge: str | None  # the challenge's name as the file spells it
    timezone: str | None

    @property
    def person(self) -> str:
        return self.slack_id or self.email or ""


@dataclass(frozen=True)
class RosterError:
    """One problem on one line; `message` and `params` as in DomainError."""

    line: int
    message: Message
    params: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        problem = self.message.format(**self.params) if self.params else str(self.message)
        return ROSTER_LINE.format(line=self.line, problem=problem)


class RosterInvalid(DomainError):
    """The roster has mistakes; `errors` lists every one of them, in line order."""

    def __init__(self, errors: list[RosterError]):
        super().__init__(N_("The roster has mistakes, listed by line below; nothing was imported."))
        self.errors = tuple(sorted(errors, key=lambda error: error.line))

    def __str__(self) -> str:
        return "\n".join([str(self.message), *map(str, self.errors)])


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DomainError(
            N_("The file is not UTF-8 text (line {line}): export it again as CSV UTF-8."), line=line
        ) from None


def _delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _header(cells: list[str], line: int) -> tuple[list[str | None], list[RosterError]]:
    """The column of each position (None where the header cell is empty) and the header's mistakes."""
    columns: list[str | None] = []
    errors: list[RosterError] = []
    for cell in cells:
        spelled = cell.strip()
        if not spelled:
            columns.append(None)
            continue
        key = _COLUMN_SPELLING.sub("", _without_accents(spelled).lower())
        column = IGNORED if key in _NAME_COLUMNS else _COLUMNS.get(key)
        if column is None:
            errors.append(
                RosterError(
                    line,
                    N_(
                        'Unknown column "{column}": the columns are slack_id or email, role, '
                        "challenge and, optionally, timezone."
                    ),
                    {"column": spelled},
                )
            )
        elif column != IGNORED and column in columns:
            errors.append(RosterError(line, N_('The column "{column}" appears twice.'), {"column": column}))
        columns.append(column)
    if "slack_id" in columns and "email" in columns:
        errors.append(RosterError(line, N_("Use either a slack_id or an email column, not both.")))
    elif "slack_id" not in columns and "email" not in columns:
        errors.append(RosterError(line, N_("The header needs a slack_id or an email column.")))
    for needed in ("role", "challenge"):
        if needed not in columns:
            errors.append(RosterError(line, N_('The header needs a "{column}" column.'), {"column": needed}))
    return columns, errors


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _missing(line: int, column: str) -> RosterError:
    return RosterError(line, N_("The {column} is missing."), {"column": column})


def _person(column: str, value: str, line: int) -> tuple[str | None, RosterError | None]:
    if not value:
        return None, _missing(line, column)
    if column == "slack_id":
        mention = _MENTION.fullmatch(value)
        user_id = mention.group(1) if mention else value.upper()
        if not _SLACK_ID.fullmatch(user_id):
            return None, RosterError(
                line, N_('"{value}" is not a Slack user ID such as U012AB3CD.'), {"value": value}
            )
        return user_id, None
    if not _EMAIL.fullmatch(value):
        return None, RosterError(line, N_('"{value}" is not an e-mail address.'), {"value": value})
    return value.lower(), None


def _row(values: dict[str, str], line: int, errors: list[RosterError]) -> RosterRow | None:
    """The row, or None after adding each of its mistakes to `errors`."""
    found = len(errors)
    column = "slack_id" if "slack_id" in values else "email"
    person, error = _person(column, values[column], line)
    if error:
        errors.append(error)
    role = None
    if not values["role"]:
        errors.append(_missing(line, "role"))
    elif values["role"].lower() not in tuple(Role):
        errors.append(
            RosterError(
                line, N_('Unknown role "{value}": use fellow, mentor or admin.'), {"value": values["role"]}
            )
        )
    else:
        role = Role(values["role"].lower())
    challenge = timezone = None
    try:
        challenge = challenge_name(values["challenge"]) if values["challenge"] else None
    except DomainError as err:
        errors.append(RosterError(line, err.message, dict(err.params)))
    try:
        timezone = check_timezone(values["timezone"]) if values.get("timezone") else None
    except DomainError as err:
        errors.append(RosterError(line, err.message, dict(err.params)))
    if len(errors) > found or role is None:
        return None
    slack_id, email = (person, None) if column == "slack_id" else (None, person)
    return RosterRow(line, slack_id, email, role, challenge, timezone)


def _values(
    columns: list[str | None], cells: list[str], line: int
) -> tuple[dict[str, str], RosterError | None]:
    """The row's cells by column (missing trailing cells are empty); an error for a stray value."""
    values = {column: "" for column in columns if column not in (None, IGNORED)}
    for index, cell in enumerate(cells):
        cell = cell.strip()
        column = columns[index] if index < len(columns) else None
        if column == IGNORED:
            continue
        if column is not None:
            values[column] = cell
        elif cell:
            return values, RosterError(
                line,
                N_("This row has a value in column {position}, which has no name in the header."),
                {"position": index + 1},
            )
    return values, None


def parse_roster(data: bytes) -> list[RosterRow]:
    """The people listed in a roster file, or RosterInvalid listing every mistake (DomainError if unreadable)."""
    rows, errors = read_roster(data)
    if errors:
        raise RosterInvalid(errors)
    return rows


def read_roster(data: bytes) -> tuple[list[RosterRow], list[RosterError]]:
    """The well-formed rows of a roster file and the mistakes of the others, so that what else is
    checked (the e-mail addresses, with Slack) is checked in the same pass. A header with mistakes
    raises RosterInvalid at once, an empty or unreadable file DomainError."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    columns: list[str | None] | None = None
    rows: list[RosterRow] = []
    errors: list[RosterError] = []
    first_line: dict[str, int] = {}
    next_line = 1
    try:
        for cells in reader:
            # A quoted value may span lines: a row is numbered by the line it starts on.
            start, next_line = next_line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                columns, errors = _header(cells, start)
                if errors:
                    raise RosterInvalid(errors)
                continue
            values, stray = _values(columns, cells, start)
            row = _row(values, start, errors)
            if stray:
                errors.append(stray)
            if row is None or stray:
                continue
            key = row.person.casefold()
            if key in first_line:
                errors.append(
                    RosterError(
                        start,
                        N_("{person} is already listed on line {first}."),
                        {"person": row.person, "first": first_line[key]},
                    )
                )
                continue
            first_line[key] = start
            rows.append(row)
    except csv.Error:
        errors.append(RosterError(next_line, N_("This line cannot be read as CSV: check its quotes.")))
    if columns is None:
        raise DomainError(
            N_("The file is empty: it needs a header line with slack_id or email, role and challenge.")
        )
    if not rows and not errors:
        raise DomainError(N_("The file has a header but no one to import."))
    return rows, errors

"""`cohortbot import-roster FILE.csv --cohort NAME`: every row checked first, then all imported or none.

E-mail rows cost one users.lookupByEmail each; Slack id rows cost no look-up (their profiles are
fetched later, when first needed). The import is one transaction. Once it is done, one paging of the
channel's member list names whoever was added or moved and is not in the cohort's channel.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from sqlalchemy import Engine

from bot.retries import PausingRateLimitRetryHandler
from bot.settings import Settings, SettingsError
from bot.slack import make_client
from domain.cohorts.admin import named_cohort
from domain.cohorts.model import Cohort, MemberProfile
from domain.cohorts.records import Actor
from domain.cohorts.roster import ROSTER_LINE, RosterError, RosterInvalid, RosterRow, read_roster
from domain.cohorts.roster_import import RosterPerson, email_problem, import_roster, row_problems
from domain.cohorts.rules import require_active
from domain.messages import N_, DomainError
from domain.ports import Clock
from handlers.blocks.cohorts.show import roster_changes
from handlers.blocks.cohorts.zones import far_notice
from handlers.blocks.slack_errors import error_code
from handlers.cohorts.directory import SlackDirectory
from handlers.i18n import gettext
from storage.db import make_session_factory
from storage.uow import unit_of_work_factory

PROGRESS_EVERY = 500
BAD_ROWS_EXIT = 2
# users.lookupByEmail is a Tier 3 method (about 50 a minute): a large roster waits out many 429s.
LOOKUP_RATE_LIMIT_RETRIES = 1000

CANNOT_READ = N_("{path}: cannot read the file ({reason})")
PROGRESS = N_("Rows checked: {done} of {total}…")
SUMMARY = N_("{cohort}: {changes}.")
SLACK_REFUSED = N_("SLACK_BOT_TOKEN: Slack refused the e-mail look-up ({reason})")
SLACK_UNREACHABLE = N_("SLACK_API_URL: cannot reach Slack ({reason})")
NOT_IN_CHANNEL = N_("Not in the cohort's channel ({channel}) yet, invite them: {people}.")
CHANNEL_UNCHECKED = N_("Import done; who is not in the cohort's channel could not be checked ({reason}).")


HELP = N_("add members to a cohort from a CSV file")
FILE_HELP = N_(
    "CSV with slack_id or email, role, challenge and optionally timezone (French headers too: "
    "Courriel, Rôle, Défi, Fuseau horaire)"
)
COHORT_HELP = N_("the cohort's name")
FILE, NAME = N_("FILE"), N_("NAME")


def add_arguments(sub, lang: str) -> None:
    parser = sub.add_parser("import-roster", help=gettext(HELP, lang), description=gettext(HELP, lang))
    parser.add_argument("file", help=gettext(FILE_HELP, lang), metavar=gettext(FILE, lang))
    parser.add_argument(
        "--cohort", required=True, help=gettext(COHORT_HELP, lang), metavar=gettext(NAME, lang)
    )


def operator() -> str:
    """Who ran the import, as the audit log shows it."""
    try:
        return f"cli:{getpass.getuser()}"[:32]
    except (OSError, KeyError):
        return "cli"


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise DomainError(CANNOT_READ, path=path, reason=error.strerror or str(error)) from None


def _lookup(
    rows: list[RosterRow], settings: Settings, lang: str, now: datetime, err: TextIO
) -> tuple[dict[int, MemberProfile], list[RosterError]]:
    """Slack users of the e-mail rows (profiles by line), and the rows Slack cannot vouch for.

    Slack id rows are taken as they are: no call for them.
    """
    directory = None
    if any(row.email for row in rows):
        if settings.bot_token is None:
            raise SettingsError(
                "SLACK_BOT_TOKEN", N_("required: a token starting with {prefix}"), prefix="xoxb-"
            )
        directory = SlackDirectory(_patient_client(settings))
    found: dict[int, MemberProfile] = {}
    problems: list[RosterError] = []
    first_line: dict[str, int] = {}
    for done, row in enumerate(rows, start=1):
        if row.email and directory is not None:
            profile = _user_by_email(directory, row.email)
            problem = email_problem(row, profile, first_line)
            if problem is not None:
                problems.append(problem)
            elif profile is not None:
                found[row.line] = replace(profile, fetched_at=now)
        if done % PROGRESS_EVERY == 0 and done < len(rows):
            print(gettext(PROGRESS, lang, done=done, total=len(rows)), file=err, flush=True)
    return found, problems


def _patient_client(settings: Settings):
    """The process's client, waiting out each `Retry-After` for as long as the roster needs."""
    client = make_client(settings.bot_token, settings.api_url)
    client.retry_handlers = [
        handler
        for handler in client.retry_handlers
        if not isinstance(handler, RateLimitErrorRetryHandler | PausingRateLimitRetryHandler)
    ] + [RateLimitErrorRetryHandler(max_retry_count=LOOKUP_RATE_LIMIT_RETRIES)]
    return client


def _user_by_email(directory: SlackDirectory, email: str) -> MemberProfile | None:
    try:
        return directory.user_by_email(email)
    except SlackApiError as error:
        raise DomainError(SLACK_REFUSED, reason=error_code(error)) from None
    except OSError as error:
        raise DomainError(SLACK_UNREACHABLE, reason=str(error)) from None


def report(invalid: RosterInvalid, lang: str, err: TextIO) -> int:
    print(gettext(invalid.message, lang), file=err)
    for error in invalid.errors:
        problem = gettext(error.message, lang, **error.params)
        print(gettext(ROSTER_LINE, lang, line=error.line, problem=problem), file=err)
    return BAD_ROWS_EXIT


def run(
    args,
    settings: Settings,
    engine: Engine,
    clock: Clock,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    lang, now = settings.default_lang, clock.now()
    uow = unit_of_work_factory(make_session_factory(engine))
    try:
        rows, problems = read_roster(_read(args.file))
    except RosterInvalid as invalid:
        return report(invalid, lang, err)
    with uow() as store:
        require_active(named_cohort(store, args.cohort))
    # The rows the file gets wrong and those Slack cannot vouch for are reported together, in one pass.
    problems += row_problems(rows)
    profiles, slack_problems = _lookup(rows, settings, lang, now, err)
    if problems or slack_problems:
        return report(RosterInvalid(problems + slack_problems), lang, err)
    people = [
        RosterPerson(
            row.line,
            row.slack_id or profiles[row.line].user_id,
            row.role,
            row.challenge,
            row.timezone,
            profiles.get(row.line),
        )
        for row in rows
    ]
    actor = Actor(operator(), now, settings.admins)
    with uow() as store:
        result = import_roster(store, actor, args.cohort, people)
        store.commit()
    print(
        gettext(
            SUMMARY,
            lang,
            cohort=result.cohort.name,
            changes=roster_changes(result.added, result.changed, result.unchanged, lang),
        ),
        file=out,
    )
    _not_in_channel(result.cohort, result.newcomers, settings, lang, out, err)
    for line in far_notice(result.far, result.cohort, lang, name_of=str):
        print(line, file=out)
    return 0


def _not_in_channel(
    cohort: Cohort, newcomers: tuple[str, ...], settings: Settings, lang: str, out: TextIO, err: TextIO
) -> None:
    """Names who was just placed and is not in the cohort's channel (the import is done by then)."""
    if not newcomers or settings.bot_token is None:
        return
    directory = SlackDirectory(make_client(settings.bot_token, settings.api_url))
    try:
        outside = directory.not_in_channel(cohort.channel_id, newcomers)
    except SlackApiError as error:
        print(gettext(CHANNEL_UNCHECKED, lang, reason=error_code(error)), file=err)
        return
    except OSError as error:
        print(gettext(CHANNEL_UNCHECKED, lang, reason=str(error)), file=err)
        return
    if outside:
        print(gettext(NOT_IN_CHANNEL, lang, channel=cohort.channel_id, people=", ".join(outside)), file=out)

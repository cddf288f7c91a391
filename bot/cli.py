"""The `cohortbot` command line (also `python -m bot`)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

from bot import commands
from bot.logs import configure_logging
from bot.settings import SettingsError, load_settings
from domain.messages import N_
from handlers.i18n import LANGUAGES, format_list, gettext

USAGE_ERROR = 2

DESCRIPTION = N_("Cohort rituals in Slack.")
# One line on standard error for a mistake the operator can fix.
FAILED = N_("cohortbot: {problem}")
SETTING = N_("{variable}: {problem}")
METAVARS = {"at": N_("INSTANT"), "tz": N_("ZONE"), "url": N_("URL"), "path": N_("PATH")}
COMMAND = N_("COMMAND")
HELP = {
    "run": N_("apply migrations, start the scheduler and serve Slack"),
    "tick": N_("do, once, all scheduled work due at an instant"),
    "at": N_("ISO-8601 instant with its offset, e.g. 2026-03-30T09:30+02:00 (default: now)"),
    "tz": N_("the time zone of an --at given without offset, e.g. Europe/Paris"),
    "migrate": N_("apply pending database migrations"),
    "manifest": N_("print the Slack app manifest (YAML): --url for HTTP, --socket for Socket Mode"),
    "url": N_("public base URL of the bot, e.g. https://bot.example.org"),
    "socket": N_("Socket Mode manifest (no URLs)"),
    "backup": N_("consistent copy of the SQLite database while the bot runs"),
    "path": N_("the new file to write"),
}
NOT_AN_INSTANT = N_("not an ISO-8601 instant: {value} (e.g. 2026-03-30T09:30+02:00)")
NO_OFFSET = N_(
    "--at {value} has no offset: write it (2026-03-30T09:30+02:00) or give the zone with --tz Europe/Paris"
)
UNKNOWN_ZONE = N_('--tz: unknown time zone "{value}": use an IANA name such as Europe/Paris.')
NO_SUCH_TIME = N_("--at {value}: the clocks change then in {zone}; write the offset ({offsets})")
# argparse words its usage, help and errors through gettext: these are its texts.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)


def parse_instant(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            gettext(NOT_AN_INSTANT, _operator_lang(), value=repr(text))
        ) from None


def resolve_instant(at: datetime | None, zone: str | None) -> datetime | None:
    """The instant `tick --at` means: with its own offset, or read in `--tz`; never guessed."""
    if at is None or at.tzinfo is not None:
        return at
    if not zone:
        raise commands.CommandFailed(NO_OFFSET, value=at.isoformat())
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise commands.CommandFailed(UNKNOWN_ZONE, value=zone) from None
    local = at.replace(tzinfo=tz)
    # A wall-clock time skipped or repeated when the clocks change has no single instant.
    back = local.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    later = at.replace(tzinfo=tz, fold=1)
    if back != at or local.utcoffset() != later.utcoffset():
        offsets = sorted({_offset(local), _offset(later)})
        raise commands.CommandFailed(
            NO_SUCH_TIME,
            value=at.isoformat(),
            zone=zone,
            offsets=format_list(offsets, _operator_lang(), "or"),
        )
    return local


def _offset(moment: datetime) -> str:
    """The UTC offset as ISO-8601 writes it: +02:00."""
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:]}"


def build_parser(lang: str = "fr") -> argparse.ArgumentParser:
    def _(text: str) -> str:
        return gettext(text, lang)

    parser = argparse.ArgumentParser(prog="cohortbot", description=_(DESCRIPTION))
    sub = parser.add_subparsers(dest="command", required=True, metavar=_(COMMAND))
    sub.add_parser("run", help=_(HELP["run"]), description=_(HELP["run"]))
    tick = sub.add_parser("tick", help=_(HELP["tick"]), description=_(HELP["tick"]))
    tick.add_argument("--at", type=parse_instant, help=_(HELP["at"]), metavar=_(METAVARS["at"]))
    tick.add_argument("--tz", help=_(HELP["tz"]), metavar=_(METAVARS["tz"]))
    sub.add_parser("migrate", help=_(HELP["migrate"]), description=_(HELP["migrate"]))
    manifest = sub.add_parser("manifest", help=_(HELP["manifest"]), description=_(HELP["manifest"]))
    manifest.add_argument("--url", help=_(HELP["url"]), metavar=_(METAVARS["url"]))
    manifest.add_argument("--socket", action="store_true", help=_(HELP["socket"]))
    backup = sub.add_parser("backup", help=_(HELP["backup"]), description=_(HELP["backup"]))
    backup.add_argument("path", help=_(HELP["path"]), metavar=_(METAVARS["path"]))
    commands.add_feature_commands(sub, lang)
    return parser


def parse_args(argv: list[str] | None, lang: str) -> argparse.Namespace:
    """The arguments, argparse's own usage, help and errors in `lang` too."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: gettext(text, lang)  # type: ignore[attr-defined]
    try:
        return build_parser(lang).parse_args(argv)
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    load_dotenv(os.path.join(os.getcwd(), ".env"), override=False)
    lang = _operator_lang()
    args = parse_args(argv, lang)
    try:
        if args.command == "tick":
            args.at = resolve_instant(args.at, args.tz)
        settings = load_settings(
            os.environ,
            need_token=args.command in ("run", "tick", "forget"),
            need_secret=args.command == "run",
        )
        configure_logging(settings.log_level, settings.slack_debug)
        return commands.dispatch(args, settings)
    except SettingsError as error:
        problem = gettext(
            SETTING, lang, variable=error.variable, problem=gettext(error.expected, lang, **error.params)
        )
        print(gettext(FAILED, lang, problem=problem), file=sys.stderr)
        return USAGE_ERROR
    except commands.CommandFailed as error:
        print(gettext(FAILED, lang, problem=gettext(error.message, lang, **error.params)), file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130


def _operator_lang() -> str:
    lang = (os.environ.get("COHORTBOT_LANG") or "fr").strip().lower()
    return lang if lang in LANGUAGES else "fr"

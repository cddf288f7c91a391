"""The `cohortbot` command line (also `python -m bot`)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime

from dotenv import load_dotenv

from bot import commands
from bot.logs import configure_logging
from bot.settings import SettingsError, load_settings
from handlers.i18n import LANGUAGES, gettext

USAGE_ERROR = 2


def parse_instant(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO-8601 instant: {text!r} (e.g. 2026-03-30T09:30:00+02:00)"
        ) from None
    # An instant without an offset is read as UTC.
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cohortbot", description="Cohort rituals in Slack.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("run", help="apply migrations, start the scheduler and serve Slack")
    tick = sub.add_parser("tick", help="do, once, all scheduled work due at an instant")
    tick.add_argument("--at", type=parse_instant, help="ISO-8601 instant (default: now)")
    sub.add_parser("migrate", help="apply pending database migrations")
    manifest = sub.add_parser("manifest", help="print the Slack app manifest (YAML)")
    manifest.add_argument("--url", help="public base URL of the bot, e.g. https://bot.example.org")
    manifest.add_argument("--socket", action="store_true", help="Socket Mode manifest (no URLs)")
    backup = sub.add_parser("backup", help="consistent copy of the SQLite database while the bot runs")
    backup.add_argument("path")
    commands.add_feature_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    load_dotenv(os.path.join(os.getcwd(), ".env"), override=False)
    args = build_parser().parse_args(argv)
    lang = _operator_lang()
    try:
        settings = load_settings(
            os.environ,
            need_token=args.command in ("run", "tick", "forget"),
            need_secret=args.command == "run",
        )
        configure_logging(settings.log_level, settings.slack_debug)
        return commands.dispatch(args, settings)
    except SettingsError as error:
        print(
            f"cohortbot: {error.variable}: {gettext(error.expected, lang, **error.params)}", file=sys.stderr
        )
        return USAGE_ERROR
    except commands.CommandFailed as error:
        print(f"cohortbot: {gettext(error.message, lang, **error.params)}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130


def _operator_lang() -> str:
    lang = (os.environ.get("COHORTBOT_LANG") or "fr").strip().lower()
    return lang if lang in LANGUAGES else "fr"

"""`cohortbot demo [--lang fr|en] [--days N] [--html PATH]`: a program week played by the real bot
against the local Slack stand-in, in a temporary database, with no token and no network; it shows
what each person sees, in the terminal and optionally as one HTML page."""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from pathlib import Path
from typing import TextIO

from bot.demo.player import play
from bot.demo.terminal import week_text
from domain.messages import N_
from handlers.i18n import LANGUAGES, gettext

DAYS = 5
WROTE = N_("Page written: {path}")
BROKEN = N_("The demo did not show everything it announced.")


HELP = N_("play a program week against a local Slack stand-in")
LANG_HELP = N_("the cohort's language")
DAYS_HELP = N_("how many days of the week to play (1-5)")
HTML_HELP = N_("also write the week as one HTML page at this path")
NOT_DAYS = N_("a number of days from {low} to {high}")
PATH = N_("PATH")


def add_arguments(sub, lang: str) -> None:
    parser = sub.add_parser("demo", help=gettext(HELP, lang), description=gettext(HELP, lang))
    parser.add_argument("--lang", choices=LANGUAGES, default="fr", help=gettext(LANG_HELP, lang))
    parser.add_argument(
        "--days", type=partial(_days, lang), default=DAYS, help=gettext(DAYS_HELP, lang), metavar="N"
    )
    parser.add_argument("--html", help=gettext(HTML_HELP, lang), metavar=gettext(PATH, lang))


def _days(lang: str, text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= DAYS:
        raise argparse.ArgumentTypeError(gettext(NOT_DAYS, lang, low=1, high=DAYS))
    return int(text)


def run(args, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    # Applying the migrations to the demo's own database is no news to the reader.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    week = play(args.lang, args.days)
    out.write(week_text(week))
    if args.html:
        from bot.demo.page import week_page

        Path(args.html).write_text(week_page(week), encoding="utf-8")
        out.write(gettext(WROTE, week.lang, path=args.html) + "\n")
    if not week.ok:
        out.write(gettext(BROKEN, week.lang) + "\n")
        return 1
    return 0

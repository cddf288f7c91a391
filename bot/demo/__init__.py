"""`cohortbot demo [--lang fr|en] [--days N] [--html PATH]`: a program week played by the real bot
against the local Slack stand-in, in a temporary database, with no token and no network; it shows
what each person sees, in the terminal and optionally as one HTML page."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TextIO

from bot.demo.player import play
from bot.demo.terminal import week_text
from domain.messages import N_
from handlers.i18n import LANGUAGES, gettext

DAYS = 5
WROTE = N_("Page written: {path}")
BROKEN = N_("The demo did not show everything it announced.")


def add_arguments(sub) -> None:
    parser = sub.add_parser("demo", help="play a program week against a local Slack stand-in")
    parser.add_argument("--lang", choices=LANGUAGES, default="fr", help="the cohort's language")
    parser.add_argument("--days", type=_days, default=DAYS, help="how many days of the week to play (1-5)")
    parser.add_argument("--html", help="also write the week as one HTML page at this path")


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= DAYS:
        raise argparse.ArgumentTypeError(f"a number of days from 1 to {DAYS}")
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

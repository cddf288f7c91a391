"""The week in the terminal: each step under its title and time, then who saw what, as they saw
it: their name, where (a DM, the channel, an answer only they see, a form), the text, the buttons."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from bot.demo.player import Played, Week
from bot.demo.seen import CHANNEL_ZONE, Shown, reader_label, zone_of
from domain.messages import N_
from handlers.i18n import format_clock, format_datetime, gettext

PLACES = {
    "dm": N_("direct message"),
    "channel": N_("in the channel"),
    "edit": N_("message updated"),
    "only_you": N_("only visible to you"),
    "form": N_("form"),
    "file": N_("file"),
    "terminal": N_("terminal"),
}
SUMMARY = N_("Steps: {steps} · things seen: {messages} · time: {seconds} s.")
NOT_SEEN = N_("Announced but not seen: {what}")


def when(step: Played, lang: str) -> str:
    local = step.at.astimezone(ZoneInfo(CHANNEL_ZONE))  # the cohort's zone
    return format_datetime(local, lang, CHANNEL_ZONE, "full")


def item_lines(item: Shown, lang: str) -> Iterator[str]:
    local_time = format_clock(item.at, lang, zone_of(item.reader))
    yield f"  → {reader_label(item.reader)} · {gettext(PLACES[item.place], lang)} · {local_time}"
    for line in item.lines:
        for part in line.splitlines():
            yield f"      {part}" if part.strip() else ""
    if item.buttons:
        yield "      " + " ".join(f"[{label}]" for label in item.buttons)


def step_lines(step: Played, number: int, lang: str) -> Iterator[str]:
    yield ""
    yield f"━━ {number}. {gettext(step.title, lang)} — {when(step, lang)}"
    for item in step.shown:
        yield from item_lines(item, lang)
    for expect in step.missing:
        what = " ".join((reader_label(expect.reader), *expect.ids))
        yield "  !! " + gettext(NOT_SEEN, lang, what=what)


def week_text(week: Week) -> str:
    lines: list[str] = []
    for number, step in enumerate(week.steps, start=1):
        lines += step_lines(step, number, week.lang)
    lines += ["", summary_line(week)]
    return "\n".join(lines) + "\n"


def summary_line(week: Week) -> str:
    seconds = format_decimal(
        round(week.seconds, 1), format="0.0", locale="fr_FR" if week.lang == "fr" else "en_GB"
    )
    return gettext(SUMMARY, week.lang, steps=len(week.steps), messages=week.count(), seconds=seconds)

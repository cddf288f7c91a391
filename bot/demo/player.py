"""Plays the week: for each step, the clock moves there (the bot ticking on its grid on the way,
what it sends then shown as steps of their own), the step is played, and what people saw is read
back and checked against what the step announces."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.demo.cast import NADIA
from bot.demo.script import MONDAY, STEPS, Expect, Step
from bot.demo.seen import Mark, Shown, read_news
from bot.demo.stage import Stage, direct_to_loopback
from domain.messages import N_

TICK_EVERY = timedelta(minutes=15)
ON_SCHEDULE = N_("Sent by the bot on its schedule")
START = Step(0, "08:00", "", None, ()).instant()


@dataclass(frozen=True)
class Played:
    title: str  # a catalogue msgid
    at: datetime
    shown: tuple[Shown, ...]
    missing: tuple[Expect, ...]  # what the step announced and nobody saw


@dataclass(frozen=True)
class Week:
    lang: str
    steps: tuple[Played, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(not step.missing for step in self.steps)

    def count(self) -> int:
        return sum(len(step.shown) for step in self.steps)


def missing(expects: tuple[Expect, ...], shown: list[Shown]) -> tuple[Expect, ...]:
    def seen(expect: Expect) -> bool:
        return any(
            item.reader == expect.reader
            and (expect.place is None or item.place == expect.place)
            and set(expect.ids) <= set(item.ids)
            for item in shown
        )

    return tuple(expect for expect in expects if not seen(expect))


def _working_hours(at: datetime) -> bool:
    return 6 <= at.hour < 19  # UTC: the bot has nothing to send at night in this week


class Player:
    def __init__(self, stage: Stage):
        self.stage, self.mark = stage, Mark()

    def news(self, at: datetime) -> list[Shown]:
        return read_news(self.stage, self.mark, at)

    def scheduled(self, until: datetime) -> list[Played]:
        """The ticks on the way to `until`, and what the bot sent at each."""
        played = []
        for at in self.stage.ticks_until(until, TICK_EVERY):
            if _working_hours(at):
                self.stage.tick(at)
                shown = self.news(at)
                if shown:
                    played.append(Played(ON_SCHEDULE, at, tuple(shown), ()))
        return played

    def step(self, step: Step) -> Played:
        at = step.instant()
        self.stage.clock.set(at)
        lines: list[str] = []
        if step.act is None:
            self.stage.tick(at)
        else:
            lines = step.act(self.stage)
        shown = self.news(at)
        if lines:
            shown.insert(0, Shown(NADIA.user_id, "terminal", at, tuple(lines), (), ()))
        return Played(step.title, at, tuple(shown), missing(step.expects, shown))


def play(lang: str, days: int) -> Week:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cohortbot-demo-") as folder, direct_to_loopback():
        stage = Stage(Path(folder), lang, START)
        try:
            player, played = Player(stage), []
            for step in STEPS:
                if step.day >= days:
                    break
                played += player.scheduled(step.instant())
                played.append(player.step(step))
            end = datetime.combine(MONDAY + timedelta(days=days), START.timetz())
            played += player.scheduled(end)
        finally:
            stage.close()
    return Week(lang, tuple(played), time.monotonic() - started)

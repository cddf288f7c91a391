"""What every listener and every job is given, built once by the composition root (bot/wiring.py).

The domain never sees it: use cases take the unit of work, the actor and `now`. It sits in
handlers so that the jobs in schedules/ can use it too (the layer test lets them import it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from slack_sdk import WebClient

from domain.calendar import PublicHolidays
from domain.cohorts.records import Directory
from domain.ports import Clock, UnitOfWork
from domain.privacy.declaration import DataDeclaration
from domain.privacy.records import TombstoneArchive
from handlers.cohorts.directory import SlackDirectory


class Pacer(Protocol):
    """Keeps scheduled posts under Slack's limits (schedules.pacing.Pacer is the one the bot uses)."""

    def wait(self, channel: str) -> None:
        """Returns once a post to `channel` fits; the post is then counted as in flight."""

    def sent(self, channel: str) -> None:
        """Slack answered the post to `channel`."""

    def pause(self, seconds: float) -> None:
        """Slack answered 429: nothing is let through for `seconds`."""

    def pause_left(self) -> float:
        """Seconds left of the current pause (0 when none)."""


@dataclass
class Context:
    clock: Clock
    uow: Callable[[], UnitOfWork]
    slack: WebClient
    holidays: PublicHolidays
    admins: frozenset[str] = frozenset()
    default_lang: str = "fr"
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("cohortbot"))
    # None: scheduled posts go out without waiting (tests, the demo).
    pacer: Pacer | None = None
    # A unit of work that only reads (shows, history, Home), so it never waits for a writer;
    # None: `uow`.
    read_uow: Callable[[], UnitOfWork] | None = None
    # What the features keep about people (the privacy notice), and whom people ask about it.
    data_declarations: tuple[DataDeclaration, ...] = ()
    privacy_contact: str | None = None
    # Erasures kept outside the database (COHORTBOT_ERASURES); None: in the database only.
    tombstones: TombstoneArchive | None = None
    # After an erasure, each feature draws again the messages that summed up the person's words with
    # others' (given the unit of work and the pseudonym); each returns how many it redrew.
    redraws_after_erasure: tuple[Callable[[Context, UnitOfWork, str], int], ...] = ()

    def directory(self) -> Directory:
        """Slack as the use cases ask it about people and channels (users.info, conversations.*)."""
        return SlackDirectory(self.slack)

    def reading(self) -> UnitOfWork:
        return (self.read_uow or self.uow)()

"""A ritual held on one weekday every few weeks (mentor check-ins, pairing rounds), as `/cohort` sets it.

Both turn on, off and start their cycle again the same way; each adds its own options on top.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import Field, replace
from datetime import date, datetime, time
from typing import Any, ClassVar, Protocol, TypeVar

from domain.calendar import PublicHolidays, first_on_or_after, local_date
from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor, CohortStore
from domain.ritual_calendar import cohort_days, upcoming_rounds

NEXT_SHOWN = 3


class Rounds(Protocol):
    """When a ritual's rounds fall: what `upcoming_rounds` needs."""

    @property
    def active(self) -> bool: ...

    def is_round(self, day: date) -> bool: ...

    @property
    def at(self) -> time: ...


class WeeklyRounds(Rounds, Protocol):
    """Rounds on `day` at `time` every `every` weeks from `first_round`."""

    # A dataclass: the settings change by `replace`.
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def every(self) -> int: ...

    @property
    def day(self) -> str: ...

    @property
    def time(self) -> str: ...


class RoundsCommand(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def options(self) -> dict[str, str]: ...

    @property
    def off(self) -> bool: ...


S = TypeVar("S", bound=WeeklyRounds)


def _no_options(current: Any, options: Mapping[str, str]) -> dict[str, Any]:
    return {}


def configure_rounds(
    store: CohortStore,
    actor: Actor,
    command: RoundsCommand,
    ritual: str,
    kept: Callable[[int, date], S],
    save: Callable[[S], None],
    holidays: PublicHolidays | None,
    own_options: Callable[[S, Mapping[str, str]], dict[str, Any]] = _no_options,
) -> tuple[Cohort, S, tuple[datetime, ...]]:
    """Turns the rounds on (options given, the others kept or defaulted) or off.

    `kept` gives the saved settings, or the defaults starting `today`; `own_options` the ritual's
    own settings from the options. Any change starts the cycle again: the first round is the next
    chosen weekday from today.
    """
    cohort = managed_cohort(store, actor, command.name)
    today = local_date(actor.now, cohort.timezone)
    current = kept(cohort.id, today)
    if command.off:
        settings = replace(current, active=False, updated_at=actor.now)
    else:
        options = command.options
        changed = replace(
            current,
            every=int(options.get("every", current.every)),
            day=options.get("day", current.day),
            time=options.get("time", current.time),
            **own_options(current, options),
        )
        settings = replace(
            changed, first_round=first_on_or_after(today, changed.day), active=True, updated_at=actor.now
        )
    save(settings)
    record_settings(store, cohort, actor, ritual, command.options, command.off)
    return cohort, settings, next_rounds(store, cohort, settings, actor.now, holidays)


def next_rounds(
    store: CohortStore,
    cohort: Cohort,
    settings: Rounds,
    now: datetime,
    holidays: PublicHolidays | None,
    count: int = NEXT_SHOWN,
) -> tuple[datetime, ...]:
    """When the next `count` rounds are due; none while the ritual is off."""
    if not settings.active:
        return ()
    days = cohort_days(cohort, holidays, store.cohorts.holidays(cohort.id))
    return tuple(r.due_at for r in upcoming_rounds(settings.is_round, settings.at, days, now, count))

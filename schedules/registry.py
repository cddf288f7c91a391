"""Every kind of scheduled work, in the order a tick runs them."""

from __future__ import annotations

from schedules import housekeeping


def all_jobs() -> list:
    return [housekeeping]

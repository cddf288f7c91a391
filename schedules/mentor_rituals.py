"""The jobs of the mentor check-ins and digests, in the order a tick runs them: the check-ins first,
so a digest sees the check-ins recorded as missed in the same tick."""

from __future__ import annotations

from schedules import checkins, digests

JOBS = (checkins, digests)

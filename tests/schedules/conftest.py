"""Fixtures of the scheduled-work tests: the `/cohort` workspace, driven by ticks of the manual clock."""

from tests.handlers.cohorts.cohort_helpers import workspace  # noqa: F401 - a fixture, found by name

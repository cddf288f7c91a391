"""Fixtures of the scenario tests."""

from tests.handlers.cohorts.cohort_helpers import workspace  # noqa: F401 - a fixture, found by name

"""Fixtures of the handler tests."""

from tests.handlers.cohort_helpers import workspace  # noqa: F401 - a fixture, found by name

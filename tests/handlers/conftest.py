"""Fixtures of the handler tests."""

from tests.handlers.cohorts.cohort_helpers import workspace  # noqa: F401 - a fixture, found by name
from tests.handlers.standups.standup_helpers import prompted, standups  # noqa: F401,E402 - fixtures, found by name

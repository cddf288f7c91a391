"""Memory stays bounded while unauthenticated clients send huge bodies to `cohortbot run`."""

from __future__ import annotations

from benchmarks.unsigned_flood import measure


def test_ten_concurrent_unsigned_50_mb_requests_leave_memory_within_20_mb_of_idle():
    figures = measure(clients=10, megabytes=50)
    assert figures["content-length"] - figures["idle"] < 20, figures
    assert figures["chunked"] - figures["idle"] < 20, figures

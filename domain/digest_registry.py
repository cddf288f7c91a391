"""Every feature's part of the digests, in the order their sections are read.

A new feature adds its `DigestFeature` (a loader and its sections) here: one line.
"""

from __future__ import annotations

from domain import digest_activity, digest_checkins, digest_help, digest_standup_sections, digest_trainings
from domain.digests import DigestFeature

FEATURES: tuple[DigestFeature, ...] = (
    digest_standup_sections.FEATURE,
    digest_activity.FEATURE,
    digest_checkins.FEATURE,
    digest_help.FEATURE,
    digest_trainings.FEATURE,
)

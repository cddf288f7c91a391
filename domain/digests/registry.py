"""Every feature's part of the digests, in the order their sections are read.

A new feature adds its `DigestFeature` (a loader and its sections) here: one line.
"""

from __future__ import annotations

from domain.digests import activity as digest_activity
from domain.digests import checkins as digest_checkins
from domain.digests import help as digest_help
from domain.digests import standup_sections as digest_standup_sections
from domain.digests import trainings as digest_trainings
from domain.digests.model import DigestFeature

FEATURES: tuple[DigestFeature, ...] = (
    digest_standup_sections.FEATURE,
    digest_activity.FEATURE,
    digest_checkins.FEATURE,
    digest_help.FEATURE,
    digest_trainings.FEATURE,
)

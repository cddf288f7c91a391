"""People as Slack describes them, cached: asked again at most once a day, and on `user_change`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from domain.cohorts.model import MemberProfile
from domain.cohorts.records import CohortStore, Directory

PROFILE_MAX_AGE = timedelta(days=1)


def is_fresh(profile: MemberProfile, now: datetime) -> bool:
    return profile.fetched_at is not None and now - profile.fetched_at < PROFILE_MAX_AGE


def profiles_for(
    store: CohortStore, directory: Directory, user_ids: Iterable[str], now: datetime
) -> dict[str, MemberProfile]:
    """The profiles of these people; Slack is asked only about those missing or a day old.

    People Slack does not know are left out, so the caller can say which one was not found.
    """
    wanted = list(dict.fromkeys(user_ids))
    cached = store.profiles.get_many(wanted)
    found: dict[str, MemberProfile] = {}
    for user_id in wanted:
        profile = cached.get(user_id)
        if profile is None or not is_fresh(profile, now):
            fetched = directory.user(user_id)
            if fetched is None:
                continue
            profile = store.profiles.save(replace(fetched, fetched_at=now))
        found[user_id] = profile
    return found


def profile_changed(store: CohortStore, profile: MemberProfile, now: datetime) -> bool:
    """Slack's `user_change`: refresh the profile if it is one we keep; True when it was."""
    return store.profiles.update_known(replace(profile, fetched_at=now))

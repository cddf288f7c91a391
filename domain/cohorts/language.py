"""The language to address a person in, decided in one place for every reply, form, Home section and DM.

Anything about a cohort is in that cohort's language, whoever reads it: a cohort speaks one
language, so a fellow whose Slack is in English reads their French cohort's stand-up, help
requests and trainings in French alike. Outside any cohort, the person's own Slack language
(when the bot speaks it), else the program's default (`COHORTBOT_LANG`).
"""

from __future__ import annotations

from domain.cohorts.model import LANGUAGES, Cohort
from domain.cohorts.records import CohortStore


def address_language(store: CohortStore, user_id: str, default: str, cohort: Cohort | None = None) -> str:
    """The language to address `user_id` in about `cohort`; without one, about their own latest cohort."""
    about = cohort if cohort is not None else latest_cohort(store, user_id)
    if about is not None:
        return about.lang
    profile = store.profiles.get_many([user_id]).get(user_id)
    return profile.lang if profile is not None and profile.lang in LANGUAGES else default


def latest_cohort(store: CohortStore, user_id: str) -> Cohort | None:
    """The most recent cohort the person belongs to that is not archived; None outside any cohort."""
    ids = sorted({m.cohort_id for m in store.members.of_user(user_id)}, reverse=True)
    return next((c for c in (store.cohorts.get(i) for i in ids) if not c.archived), None)


def reader_language(store: CohortStore, user_id: str, default: str, cohort: Cohort | None) -> str:
    """The language to tell someone about a cohort's button or form they used: the cohort's for its
    members, their own for anyone else (a refusal is not about a cohort they read)."""
    if cohort is not None and any(m.cohort_id == cohort.id for m in store.members.of_user(user_id)):
        return cohort.lang
    return address_language(store, user_id, default)

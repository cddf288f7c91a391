"""Checks the `/cohort` use cases make against what is stored: cohorts, people, channels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from domain.cohorts.model import Cohort, MemberProfile, Membership
from domain.messages import N_, DomainError


def user_ref(user_id: str) -> str:
    """How a person is named in a message: Slack shows the escaped id as their name."""
    return f"<@{user_id}>"


def channel_ref(channel_id: str) -> str:
    return f"<#{channel_id}>"


def unknown_cohort(name: str) -> DomainError:
    return DomainError(N_('There is no cohort named "{name}"; /cohort list shows them.'), name=name)


def require_active(cohort: Cohort) -> Cohort:
    if cohort.archived:
        raise DomainError(N_("The cohort {name} is archived: it can no longer be changed."), name=cohort.name)
    return cohort


def channel_not_found(channel_id: str) -> DomainError:
    return DomainError(
        N_("I can't find the channel {channel}: check that it exists and that I was invited to it."),
        channel=channel_ref(channel_id),
    )


def require_people(user_ids: Iterable[str], profiles: Mapping[str, MemberProfile]) -> list[MemberProfile]:
    """The profiles of people who can join a cohort: found in Slack, human, active."""
    found = []
    for user_id in user_ids:
        profile = profiles.get(user_id)
        if profile is None:
            raise DomainError(N_("I can't find the Slack user {user}."), user=user_ref(user_id))
        if profile.is_bot:
            raise DomainError(
                N_("{user} is a bot: only people can be members of a cohort."), user=user_ref(user_id)
            )
        if profile.deactivated:
            raise DomainError(
                N_("{user} is deactivated in Slack and can't join a cohort."), user=user_ref(user_id)
            )
        found.append(profile)
    return found


def require_members(cohort: Cohort, user_ids: Iterable[str], memberships: Iterable[Membership]) -> list[str]:
    """The people to remove, each a member of the cohort, or DomainError naming the first who is not."""
    members = {m.user_id for m in memberships if m.cohort_id == cohort.id}
    wanted = list(dict.fromkeys(user_ids))
    for user_id in wanted:
        if user_id not in members:
            raise DomainError(
                N_("{user} is not a member of {name}."), user=user_ref(user_id), name=cohort.name
            )
    return wanted

"""Slack as the cohort use cases see it: people (users.info, users.lookupByEmail) and channels."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from slack_sdk.errors import SlackApiError

from domain.cohorts.model import LANGUAGES, MemberProfile, canonical_timezone
from domain.cohorts.records import ChannelInfo
from handlers.blocks.slack_errors import CHANNEL_NOT_FOUND, CHANNEL_REFUSED, USER_NOT_FOUND, error_code

log = logging.getLogger(__name__)

# Slackbot is a user id, not flagged as a bot.
SLACKBOT = "USLACKBOT"


def profile_from_slack(user: dict) -> MemberProfile:
    """A users.info / user_change `user` object as the profile the bot keeps."""
    profile = user.get("profile") or {}
    name = (
        profile.get("display_name")
        or profile.get("real_name")
        or user.get("real_name")
        or user.get("name")
        or ""
    )
    locale = str(user.get("locale") or "").replace("_", "-").split("-")[0].lower()
    return MemberProfile(
        user_id=user["id"],
        display_name=name,
        timezone=canonical_timezone(user["tz"]) if user.get("tz") else None,
        lang=locale if locale in LANGUAGES else None,
        deactivated=bool(user.get("deleted")),
        is_bot=bool(user.get("is_bot") or user.get("is_app_user") or user["id"] == SLACKBOT),
    )


class SlackDirectory:
    def __init__(self, client):
        self.client = client

    def user(self, user_id: str) -> MemberProfile | None:
        try:
            answer = self.client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            if error_code(error) in USER_NOT_FOUND:
                return None
            raise
        return profile_from_slack(answer["user"])

    def user_by_email(self, email: str) -> MemberProfile | None:
        try:
            answer = self.client.users_lookupByEmail(email=email)
        except SlackApiError as error:
            if error_code(error) in USER_NOT_FOUND:
                return None
            raise
        return profile_from_slack(answer["user"])

    def channel(self, channel_id: str) -> ChannelInfo | None:
        try:
            info = self.client.conversations_info(channel=channel_id)["channel"]
        except SlackApiError as error:
            if error_code(error) in CHANNEL_NOT_FOUND:
                return None
            raise
        return ChannelInfo(
            id=info["id"],
            name=info.get("name") or info["id"],
            is_private=bool(info.get("is_private") or info.get("is_group")),
            is_member=bool(info.get("is_member")),
            is_archived=bool(info.get("is_archived")),
        )

    def join(self, channel_id: str) -> bool:
        """True once the bot is in the channel; False when Slack refuses (told to the admin as "invite me")."""
        try:
            self.client.conversations_join(channel=channel_id)
        except SlackApiError as error:
            log.warning("could not join %s: %s", channel_id, error_code(error))
            return False
        return True

    def is_member(self, channel_id: str, user_id: str) -> bool:
        cursor = None
        while True:
            try:
                page = self.client.conversations_members(channel=channel_id, limit=1000, cursor=cursor)
            except SlackApiError as error:
                log.warning("could not read the members of %s: %s", channel_id, error_code(error))
                return False
            if user_id in page.get("members", []):
                return True
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return False

    def not_in_channel(self, channel_id: str, user_ids: Iterable[str]) -> tuple[str, ...]:
        """Those of `user_ids` who are not members of the channel, in their order.

        One paging of conversations.members, none when nobody is asked about; none either, and
        nobody named, when the cohort has no channel or the bot cannot see it.
        """
        wanted = tuple(dict.fromkeys(user_ids))
        if not wanted or not channel_id:
            return ()
        members: set[str] = set()
        cursor = None
        try:
            while True:
                page = self.client.conversations_members(channel=channel_id, limit=1000, cursor=cursor)
                members.update(page.get("members") or [])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    break
        except SlackApiError as error:
            if error_code(error) not in CHANNEL_REFUSED:
                raise
            log.info("cannot list the members of %s: %s", channel_id, error_code(error))
            return ()
        return tuple(user_id for user_id in wanted if user_id not in members)

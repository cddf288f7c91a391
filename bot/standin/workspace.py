"""What the stand-in workspace knows: its identity, users, channels, messages, views, files, triggers."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import SystemClock

TEAM_ID = "T0001"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0001"
APP_ID = "A0001"
TRIGGER_TTL_SECONDS = 3.0
RESPONSE_URL_USES = 5
RESPONSE_URL_TTL_SECONDS = 30 * 60
# The app manifest's scopes plus files:write; without chat:write.public the bot must join
# a public channel before posting there.
DEFAULT_SCOPES = (
    "chat:write,commands,im:write,im:history,users:read,users:read.email,"
    "channels:read,groups:read,app_mentions:read,files:write,mpim:write"
)


class ApiError(Exception):
    """An `ok: false` answer."""

    def __init__(self, error: str, messages: list[str] | None = None) -> None:
        super().__init__(error)
        self.error = error
        self.messages = messages or []

    def body(self) -> dict:
        body: dict[str, Any] = {"ok": False, "error": self.error}
        if self.messages:
            body["response_metadata"] = {"messages": self.messages}
        return body


def truthy(value: Any) -> bool:
    return value is True or str(value).lower() in ("1", "true", "yes")


def paginate(items: list, params: dict, default_limit: int = 100) -> tuple[list, dict]:
    """Cursor pagination: the cursor is the offset of the next page."""
    try:
        start = int(params.get("cursor") or 0)
    except ValueError:
        raise ApiError("invalid_cursor") from None
    try:
        limit = int(params.get("limit") or default_limit)
    except ValueError:
        raise ApiError("invalid_limit") from None
    page = items[start : start + limit]
    next_cursor = str(start + limit) if start + limit < len(items) else ""
    return page, {"has_more": bool(next_cursor), "response_metadata": {"next_cursor": next_cursor}}


def _stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1(",".join(parts).encode()).hexdigest()[:10].upper()


@dataclass
class Ticket:
    """A trigger_id or a response_url: issued at a time, used a number of times."""

    issued: float
    uses: int = 0


class SlackState:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        # When the call being served reached the stand-in (None outside a call).
        self.arrived: float | None = None
        self.users: dict[str, dict] = {}
        self.channels: dict[str, dict] = {}
        self.members: dict[str, list[str]] = {}
        self.scopes = DEFAULT_SCOPES
        self.base_url = ""
        self.clear()

    def clear(self) -> None:
        """Forget what was posted and opened; keep users, channels and scopes."""
        self.dm_users: dict[str, str] = {}
        self.messages: dict[str, list[dict]] = {}
        self.ephemerals: list[dict] = []
        self.views: dict[str, dict] = {}
        self.home_views: dict[str, dict] = {}
        self.uploads: dict[str, dict] = {}
        self.files: list[dict] = []
        self.triggers: dict[str, Ticket] = {}
        self.response_urls: dict[str, Ticket] = {}
        self._ts_micros = 1_700_000_000_000_000
        self._seq = itertools.count(1)

    def next_ts(self) -> str:
        self._ts_micros += 100
        return f"{self._ts_micros // 1_000_000}.{self._ts_micros % 1_000_000:06d}"

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._seq):08d}"

    # -- channels ---------------------------------------------------------------------------

    def dm_for(self, user_id: str) -> str:
        channel = _stable_id("D", user_id)
        self.dm_users[channel] = user_id
        return channel

    def mpim_for(self, user_ids: list[str]) -> str:
        """The group DM of these people (the same whoever opens it), with the bot in it."""
        channel = _stable_id("G", *sorted(user_ids))
        self.members.setdefault(channel, [*sorted(user_ids), BOT_USER_ID])
        return channel

    def resolve_channel(self, channel: Any, *, allow_user: bool = True) -> str:
        """The conversation id a `channel` argument designates; user ids open their DM."""
        channel = str(channel or "")
        if channel[:1] in ("U", "W"):
            user = self.users.get(channel)
            if not allow_user or (user and user.get("deleted")):
                raise ApiError("channel_not_found")
            return self.dm_for(channel)
        if channel.startswith("#"):
            for known in self.channels.values():
                if known.get("name") == channel[1:]:
                    return known["id"]
            raise ApiError("channel_not_found")
        if not re.fullmatch(r"[CGD][A-Z0-9]+", channel):
            raise ApiError("channel_not_found")
        return channel

    def check_can_post(self, channel: str) -> None:
        known = self.channels.get(channel)
        if known is None:
            return
        if known.get("is_archived"):
            raise ApiError("is_archived")
        if not known.get("is_member"):
            if known.get("is_private"):
                raise ApiError("channel_not_found")
            if "chat:write.public" not in self.scopes.split(","):
                raise ApiError("not_in_channel")

    def find_message(self, channel: str, ts: Any) -> dict | None:
        return next((m for m in self.messages.get(channel, []) if m["ts"] == ts), None)

    def store_upload(self, file_id: str, data: bytes) -> bool:
        upload = self.uploads.get(file_id)
        if upload is None:
            return False
        upload["content"] = data
        return True

    # -- users ------------------------------------------------------------------------------

    def add_user(
        self,
        user_id: str,
        *,
        name: str | None,
        email: str | None,
        tz: str | None,
        deleted: bool,
        is_bot: bool,
        locale: str,
        real_name: str | None,
        **extra: Any,
    ) -> dict:
        name = name or user_id.lower()
        display_name = extra.pop("display_name", name)  # what people chose to be called, in Slack
        user: dict[str, Any] = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "real_name": real_name or name,
            "deleted": deleted,
            "is_bot": is_bot,
            "is_admin": False,
            "locale": locale,
            "profile": {"real_name": real_name or name, "display_name": display_name, "email": email},
        }
        if tz:
            offset = ZoneInfo(tz).utcoffset(SystemClock().now())
            user.update(tz=tz, tz_label=tz, tz_offset=int(offset.total_seconds()) if offset else 0)
        user.update(extra)
        self.users[user_id] = user
        return user

    def add_channel(
        self,
        channel_id: str,
        *,
        name: str | None,
        members: list[str] | tuple,
        is_private: bool,
        is_member: bool,
        is_archived: bool,
    ) -> dict:
        channel = {
            "id": channel_id,
            "name": name or channel_id.lower(),
            "is_channel": not is_private,
            "is_group": is_private,
            "is_private": is_private,
            "is_member": is_member,
            "is_archived": is_archived,
            "num_members": len(members),
        }
        self.channels[channel_id] = channel
        self.members[channel_id] = list(members)
        return channel

    # -- trigger ids and response urls --------------------------------------------------------

    def new_trigger_id(self) -> str:
        trigger_id = f"{100000 + next(self._seq)}.{random.randrange(10**6, 10**7)}.{secrets.token_hex(16)}"
        self.triggers[trigger_id] = Ticket(self.clock())
        return trigger_id

    def check_trigger(self, trigger_id: Any) -> Ticket:
        ticket = self.triggers.get(str(trigger_id or ""))
        if ticket is None:
            raise ApiError("invalid_trigger_id")
        if ticket.uses:
            raise ApiError("exchanged_trigger_id")
        if (self.arrived or self.clock()) - ticket.issued > TRIGGER_TTL_SECONDS:
            raise ApiError("expired_trigger_id")
        return ticket

    def new_response_key(self) -> str:
        key = secrets.token_hex(12)
        self.response_urls[key] = Ticket(self.clock())
        return key

    def use_response_url(self, key: str) -> str | None:
        """None when the URL may be used, else Slack's reason for refusing it."""
        ticket = self.response_urls.get(key)
        if ticket is None:
            return "invalid_url"
        if self.clock() - ticket.issued > RESPONSE_URL_TTL_SECONDS:
            return "expired_url"
        if ticket.uses >= RESPONSE_URL_USES:
            return "used_url"
        ticket.uses += 1
        return None

"""The Slack app manifest: every command, scope, event and interactivity setting the bot needs.

`cohortbot manifest [--url BASE_URL] [--socket]` prints `manifest_yaml(...)`; paste it into
"Create an app → From a manifest" at api.slack.com/apps. In HTTP mode Slack sends everything
to BASE_URL/slack/events. Without a URL the placeholder https://example.com is used: replace it
with the bot's public address before creating the app. In Socket Mode no URL is declared at all.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

PLACEHOLDER_URL = "https://example.com"
EVENTS_PATH = "/slack/events"
DEFAULT_NAME = "cohortbot"

# Least privilege: each scope is here for the reason given, and nothing else is asked for.
SCOPES: dict[str, str] = {
    "chat:write": "Send direct messages by user ID and posts in the cohort channel, update them, and answer with ephemeral messages.",
    "commands": "The slash commands /cohort, /standup, /ask, /skills, /training and /checkin.",
    "im:history": "Receive message.im events, to answer fellows who reply in text in the bot's Messages tab, "
    "and read a DM's history to check whether a message was already delivered after a crash.",
    "im:write": "conversations.open, used only to find a DM channel when checking whether a message was already delivered after a crash.",
    "users:read": "Read profiles and time zones (users.info) and receive user_change events.",
    "users:read.email": "Import a roster by e-mail address (users.lookupByEmail).",
    "channels:history": "Read the cohort's public channel history, only to check whether a channel post was already "
    "delivered after a crash.",
    "groups:history": "The same check for a cohort's private channel.",
    "channels:join": "Join the cohort's public channel (conversations.join).",
    "channels:read": "Read public channel info (conversations.info): whether the cohort's channel exists and the bot is in it.",
    "groups:read": "Read private channel info (conversations.info): whether the cohort's channel exists and the bot is in it.",
    "files:write": "Upload calendar invitations (.ics) for training sessions.",
}

BOT_EVENTS = ("app_home_opened", "message.im", "user_change")


def _command(command: str, description: str, usage_hint: str | None = None) -> dict[str, Any]:
    # should_escape: users and channels arrive as <@U123|name> and <#C123|name>, as the parsers expect.
    entry: dict[str, Any] = {"command": command, "description": description}
    if usage_hint:
        entry["usage_hint"] = usage_hint
    entry["should_escape"] = True
    return entry


# French first, then English: the same app serves French and English cohorts.
COMMANDS: list[dict[str, Any]] = [
    _command(
        "/cohort",
        "Gérer les cohortes et leurs rituels (admins) · Manage cohorts and their rituals (admins)",
        "create | add | remove | list | show | archive | standup | checkin | digest | holiday | help",
    ),
    _command(
        "/standup",
        "Répondre au stand-up du jour · Answer today’s stand-up",
        "[skip | away AAAA-MM-JJ..AAAA-MM-JJ | back | history [@membre] [jours]]",
    ),
    _command("/ask", "Demander de l’aide à ses pairs · Ask your peers for help", "[question]"),
    _command(
        "/skills",
        "Ses compétences, et qui sait faire quoi · Your skills, and who knows what",
        "[add a, b | remove a | who a]",
    ),
    _command(
        "/training",
        "Formations entre pairs, propositions et inscriptions · Peer trainings and sign-ups",
        "[propose | mine]",
    ),
    _command(
        "/checkin",
        "Ouvrir le formulaire de point mentor (mentors) · Open the mentor check-in form",
        "[share text | figures]",
    ),
]


def events_url(url: str | None) -> str:
    """BASE_URL/slack/events; the placeholder when no URL is given."""
    base = (url or PLACEHOLDER_URL).strip().rstrip("/")
    if not re.match(r"^https?://[^/\s]+", base):
        raise ValueError(f"not an http(s) URL: {url!r}")
    if base.endswith(EVENTS_PATH):
        base = base[: -len(EVENTS_PATH)]
    return base + EVENTS_PATH


def display_name(name: str) -> str:
    """The bot user's handle: Slack allows only a-z 0-9 - _ . in it."""
    handle = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-")
    return handle[:80] or DEFAULT_NAME


def build_manifest(url: str | None = None, socket: bool = False, name: str = DEFAULT_NAME) -> dict[str, Any]:
    """The app manifest (v1) for HTTP mode at `url`, or for Socket Mode, where `url` is ignored."""
    name = name.strip()
    if not 1 <= len(name) <= 35:
        raise ValueError("the app name must have 1 to 35 characters")
    request_url = None if socket else events_url(url)
    where = {} if request_url is None else {"url": request_url}
    commands = [{"command": command["command"], **where, **command} for command in COMMANDS]
    events: dict[str, Any] = {"bot_events": list(BOT_EVENTS)}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if request_url is not None:
        events = {"request_url": request_url, **events}
        interactivity["request_url"] = request_url
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": name,
            "description": "Stand-ups, entraide, formations entre pairs et points mentors · Stand-ups, peer help, trainings, check-ins",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": display_name(name), "always_online": True},
            "slash_commands": commands,
        },
        "oauth_config": {"scopes": {"bot": list(SCOPES)}},
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": bool(socket),
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(url: str | None = None, socket: bool = False, name: str = DEFAULT_NAME) -> str:
    # A wide line keeps each description on one line, as people read and diff it.
    return yaml.safe_dump(build_manifest(url, socket, name), sort_keys=False, allow_unicode=True, width=1000)

"""The Slack app manifest: every command, scope, event and interactivity setting the bot needs,
as the features declare them (bot/features.py).

`cohortbot manifest [--url BASE_URL] [--socket]` prints `manifest_yaml(...)`; paste it into
"Create an app → From a manifest" at api.slack.com/apps. In HTTP mode Slack sends everything
to BASE_URL/slack/events. Without a URL the placeholder https://example.com is used: replace it
with the bot's public address before creating the app. In Socket Mode no URL is declared at all.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from bot.feature import Feature, SlashCommand
from bot.features import EVERYTHING, SOURCES

PLACEHOLDER_URL = "https://example.com"
EVENTS_PATH = "/slack/events"
DEFAULT_NAME = "cohortbot"


def _command(command: SlashCommand) -> dict[str, Any]:
    # should_escape: users and channels arrive as <@U123|name> and <#C123|name>, as the parsers expect.
    entry: dict[str, Any] = {"command": command.command, "description": command.description}
    hint = " | ".join(SOURCES.cohort_subcommands) if command.lists_subcommands else command.usage_hint
    if hint:
        entry["usage_hint"] = hint
    entry["should_escape"] = True
    return entry


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _scopes(features: tuple[Feature, ...]) -> dict[str, str]:
    """Least privilege: each scope a feature asks for, with its reason, and nothing else."""
    scopes: dict[str, str] = {}
    commands = [command.command for feature in features for command in feature.commands]
    if commands:
        scopes["commands"] = f"The slash commands {_and(commands)}."
    for feature in features:
        for scope, why in feature.scopes.items():
            scopes.setdefault(scope, why)
    return scopes


# French first, then English: the same app serves French and English cohorts.
COMMANDS: list[dict[str, Any]] = [_command(c) for feature in EVERYTHING for c in feature.commands]
SCOPES: dict[str, str] = _scopes(EVERYTHING)
BOT_EVENTS: tuple[str, ...] = tuple(
    dict.fromkeys(event for feature in EVERYTHING for event in feature.events)
)


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

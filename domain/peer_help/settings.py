"""`/cohort peerhelp NAME [channel=#c|default] [reroute=HOURS]`: where a cohort's help requests are posted,
and after how long a request nobody offered on is sent to more people. Without options: the current settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from domain.cohorts.admin import CHANNEL_ARCHIVED, managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor, Directory
from domain.cohorts.rules import channel_not_found, channel_ref
from domain.command_parsing import (
    CohortCommand,
    parse_channel,
    parse_int_between,
    split_options,
    take_name,
    unexpected,
)
from domain.messages import N_, DomainError
from domain.peer_help.records import HelpSettings, HelpStore

PEERHELP_USAGE = N_("Usage: /cohort peerhelp NAME [channel=#channel|default] [reroute=HOURS]")
REROUTE_MAX_HOURS = 168
_REROUTE = N_('reroute is a number of hours from {low} to {high}: "{value}" is not.')
DEFAULT_CHANNEL = "default"
NOT_IN_CHANNEL = N_(
    "You are not a member of {channel}: pick a channel you are in (if it is private, invite me to it first)."
)


@dataclass(frozen=True)
class PeerHelp(CohortCommand):
    name: str
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PeerHelpSettings:
    cohort: Cohort
    settings: HelpSettings
    changed: bool
    invite_needed: bool = False  # a private help channel the bot is not in yet


def _joined(tokens: list[str]) -> list[str]:
    """`channel=` and the channel link after it are one option (a link is a token of its own)."""
    joined: list[str] = []
    for token in tokens:
        if joined and joined[-1].endswith("=") and token.startswith("<"):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def parse_peerhelp(tokens: list[str]) -> PeerHelp:
    name, rest = take_name(_joined(tokens))
    raw, words = split_options(rest, ("channel", "reroute"))
    if words:
        raise unexpected(words[0])
    options = {}
    if "channel" in raw:
        options["channel"] = (
            DEFAULT_CHANNEL if raw["channel"].lower() == DEFAULT_CHANNEL else parse_channel(raw["channel"])
        )
    if "reroute" in raw:
        options["reroute"] = str(parse_int_between(raw["reroute"], 1, REROUTE_MAX_HOURS, _REROUTE))
    return PeerHelp(name, options)


def _usable_channel(directory: Directory, actor: Actor, channel_id: str) -> bool:
    """The channel exists, is in use and has the admin in it; True when the bot must be invited to it
    (private, not a member)."""
    channel = directory.channel(channel_id)
    if channel is None:
        raise channel_not_found(channel_id)
    if channel.is_archived:
        raise DomainError(CHANNEL_ARCHIVED, channel=channel_ref(channel.id))
    if not directory.is_member(channel.id, actor.user_id):
        raise NotAllowed(NOT_IN_CHANNEL, channel=channel_ref(channel.id))
    if channel.is_member:
        return False
    return channel.is_private or not directory.join(channel.id)


def configure_peer_help(
    store: HelpStore, directory: Directory, actor: Actor, command: PeerHelp
) -> PeerHelpSettings:
    """The settings after the change asked for (none: as they are); a public channel is joined."""
    cohort = managed_cohort(store, actor, command.name)
    current = store.help.settings(cohort.id)
    if not command.options:
        return PeerHelpSettings(cohort, current, False)
    wanted, invite = current, False
    if "channel" in command.options:
        channel = command.options["channel"]
        if channel != DEFAULT_CHANNEL:
            invite = _usable_channel(directory, actor, channel)
        wanted = replace(wanted, channel_id=None if channel == DEFAULT_CHANNEL else channel)
    if "reroute" in command.options:
        wanted = replace(wanted, reroute_hours=int(command.options["reroute"]))
    store.help.save_settings(wanted)
    if wanted != current:
        record_settings(store, cohort, actor, "peerhelp", command.options)
    return PeerHelpSettings(cohort, wanted, wanted != current, invite)

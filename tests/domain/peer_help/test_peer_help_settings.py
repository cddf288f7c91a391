"""`/cohort peerhelp`: the channel requests are posted in, and the re-route delay, per cohort."""

from __future__ import annotations

import pytest

from domain.cohorts.commands import SUBCOMMANDS, CommandError, SubCommand, parse_cohort_command
from domain.cohorts.model import Role
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import ChannelInfo
from domain.messages import DomainError
from domain.peer_help.settings import (
    NOT_IN_CHANNEL,
    PEERHELP_USAGE,
    PeerHelp,
    configure_peer_help,
    parse_peerhelp,
)
from tests.domain.peer_help import peer_help_world
from tests.domain.peer_help.peer_help_world import World

REGISTRY = {**SUBCOMMANDS, "peerhelp": SubCommand(parse_peerhelp, PEERHELP_USAGE)}

world = peer_help_world.world  # a fixture, found by name


@pytest.mark.parametrize(
    "text, command",
    [
        ("peerhelp eig7", PeerHelp("eig7")),
        (
            "peerhelp eig7 channel=<#C900|entraide> reroute=48",
            PeerHelp("eig7", {"channel": "C900", "reroute": "48"}),
        ),
        ("PEERHELP eig7 channel=default", PeerHelp("eig7", {"channel": "default"})),
    ],
)
def test_peerhelp_commands(text, command):
    assert parse_cohort_command(text, REGISTRY) == command


@pytest.mark.parametrize(
    "text, words",
    [
        ("peerhelp eig7 reroute=0", "reroute"),
        ("peerhelp eig7 reroute=soon", "soon"),
        ("peerhelp eig7 channel=#entraide", "#entraide"),
        ("peerhelp eig7 now", "now"),
        ("peerhelp", "name"),
    ],
)
def test_peerhelp_mistakes_come_with_the_usage(text, words):
    with pytest.raises(CommandError) as mistake:
        parse_cohort_command(text, REGISTRY)
    assert words in str(mistake.value)
    assert mistake.value.usage == PEERHELP_USAGE


class Channels:
    """Slack as the use case sees it: C900 public, G300 private, C404 unknown, C500 archived; the
    program team is in every channel, UCOADMIN in C900 only."""

    def __init__(self):
        self.joined = []

    def is_member(self, channel_id, user_id):
        return user_id == "UADMIN" or (user_id, channel_id) == ("UCOADMIN", "C900")

    def channel(self, channel_id):
        known = {"C900": (False, False), "G300": (True, False), "C500": (False, True)}
        if channel_id not in known:
            return None
        private, archived = known[channel_id]
        return ChannelInfo(channel_id, channel_id.lower(), private, is_member=False, is_archived=archived)

    def join(self, channel_id):
        self.joined.append(channel_id)
        return True

    def user(self, user_id):
        return None


def test_an_admin_sets_the_channel_and_delay_and_anyone_else_is_refused(world: World):
    eig7 = world.cohort("eig7")
    world.members(eig7, "UANA")
    world.members(eig7, "UCOADMIN", role=Role.ADMIN)
    shown = world.run(configure_peer_help, Channels(), world.actor("UCOADMIN"), PeerHelp("eig7"))
    assert (shown.settings.channel(shown.cohort), shown.settings.reroute_hours, shown.changed) == (
        "C100",
        24,
        False,
    )
    changed = world.run(
        configure_peer_help,
        Channels(),
        world.actor("UCOADMIN"),
        PeerHelp("eig7", {"channel": "C900", "reroute": "6"}),
    )
    assert (changed.settings.channel(changed.cohort), changed.settings.reroute_hours, changed.changed) == (
        "C900",
        6,
        True,
    )
    back = world.run(
        configure_peer_help, Channels(), world.actor("UADMIN"), PeerHelp("eig7", {"channel": "default"})
    )
    assert (back.settings.channel(back.cohort), back.settings.reroute_hours) == ("C100", 6)
    with pytest.raises(NotAllowed):
        world.run(configure_peer_help, Channels(), world.actor("UANA"), PeerHelp("eig7", {"reroute": "1"}))
    with world.uow() as uow:
        assert uow.help.settings(eig7).reroute_hours == 6


def test_the_help_channel_must_exist_be_in_use_and_have_the_bot(world: World):
    world.cohort("eig7")
    channels = Channels()
    public = world.run(
        configure_peer_help, channels, world.actor("UADMIN"), PeerHelp("eig7", {"channel": "C900"})
    )
    assert channels.joined == ["C900"] and not public.invite_needed
    private = world.run(
        configure_peer_help, channels, world.actor("UADMIN"), PeerHelp("eig7", {"channel": "G300"})
    )
    assert private.invite_needed and private.settings.channel_id == "G300"
    for unusable in ("C404", "C500"):
        with pytest.raises(DomainError):
            world.run(
                configure_peer_help, channels, world.actor("UADMIN"), PeerHelp("eig7", {"channel": unusable})
            )
    with world.uow() as uow:
        assert uow.help.settings(private.cohort.id).channel_id == "G300"


def test_the_help_channel_must_be_one_the_admin_is_in(world: World):
    eig7 = world.cohort("eig7")
    world.members(eig7, "UCOADMIN", role=Role.ADMIN)
    channels = Channels()
    with pytest.raises(NotAllowed) as refused:
        world.run(
            configure_peer_help, channels, world.actor("UCOADMIN"), PeerHelp("eig7", {"channel": "G300"})
        )
    assert refused.value.message == NOT_IN_CHANNEL and channels.joined == []
    with world.uow() as uow:
        assert uow.help.settings(eig7).channel_id is None

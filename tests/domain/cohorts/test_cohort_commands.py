"""`/cohort` text → typed commands, and one clear error with the usage line for every mistake."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bot.features import SOURCES
from domain.cohorts import commands as cohort_commands
from domain.cohorts.commands import (
    Add,
    Archive,
    CommandError,
    Create,
    Help,
    Holiday,
    List,
    OpenForm,
    Remove,
    Show,
    SubCommand,
    usage_lines,
)
from domain.cohorts.model import Role
from domain.command_parsing import CohortCommand, parse_weekdays, tokenize
from domain.messages import DomainError
from domain.ritual_commands import Checkin, Digest, Standup
from handlers.cohorts.subcommands import parsers

NBSP = "\u00a0"
# Every sub-command, as `/cohort` is given them by the feature registry.
SUBCOMMANDS = parsers(SOURCES.cohort_subcommands)


def parse_cohort_command(text: str, subcommands=SUBCOMMANDS):
    return cohort_commands.parse_cohort_command(text, subcommands)


def error_of(text: str) -> CommandError:
    with pytest.raises(CommandError) as caught:
        parse_cohort_command(text)
    return caught.value


# --- usage lines: the interface's syntax, word for word -------------------------------------------

INTERFACE_SYNTAX = {
    "create": "create NAME #channel [tz=Area/City] [lang=fr|en] [country=XX] [start=YYYY-MM-DD] [end=YYYY-MM-DD]",
    "add": "add NAME @user… [as fellow|mentor|admin] [challenge=SLUG]",
    "remove": "remove NAME @user…",
    "list": "list",
    "show": "show NAME",
    "archive": "archive NAME",
    "standup": "standup NAME [days=mon-fri|mon,wed,fri] [time=HH:MM] [remind=MINUTES] [close=HH:MM] [off]",
    "checkin": "checkin NAME [every=N] [day=WEEKDAY] [time=HH:MM] [off]",
    "digest": "digest NAME [day=WEEKDAY] [time=HH:MM] [off]",
    "holiday": "holiday NAME YYYY-MM-DD[..YYYY-MM-DD] [reason]",
    "edit": "edit NAME [name=] [#channel] [tz=] [lang=] [country=] [start=] [end=]",
    "unarchive": "unarchive NAME",
    "help": "help",
}


@pytest.mark.parametrize("name,syntax", INTERFACE_SYNTAX.items())
def test_each_usage_line_shows_the_interface_syntax(name, syntax):
    assert SUBCOMMANDS[name].usage.startswith("Usage: /cohort " + syntax)


def test_standup_usage_also_shows_the_questions_form():
    assert "/cohort standup NAME questions" in SUBCOMMANDS["standup"].usage


def test_usage_lines_follow_the_interface_order():
    # The cohort's own sub-commands first, in the interface's order, then the rituals', in theirs.
    own = [name for name in INTERFACE_SYNTAX if name in cohort_commands.SUBCOMMANDS]
    assert list(SUBCOMMANDS)[: len(own)] == own == list(cohort_commands.SUBCOMMANDS)
    rituals = [name for name in INTERFACE_SYNTAX if name not in own]
    assert [name for name in SUBCOMMANDS if name in rituals] == rituals
    assert usage_lines(SUBCOMMANDS) == [sub.usage for sub in SUBCOMMANDS.values()]


# --- the happy paths -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", OpenForm()),
        ("   ", OpenForm()),
        (NBSP, OpenForm()),
        ("create eig7 <#C0123|eig-7>", Create("eig7", "C0123")),
        ("create eig7 <#C0123>", Create("eig7", "C0123")),
        ("create eig7 <#G0123|>", Create("eig7", "G0123")),
        (
            "create EIG-7 <#C1|x> tz=europe/paris lang=EN country=fr start=2026-09-01 end=2027-06-30",
            Create("EIG-7", "C1", "Europe/Paris", "en", "FR", date(2026, 9, 1), date(2027, 6, 30)),
        ),
        ("create Promo.2026 <#C1> end=2027-06-30", Create("Promo.2026", "C1", end=date(2027, 6, 30))),
        ("create Généraux <#C1> TZ=America/Cayenne", Create("Généraux", "C1", tz="America/Cayenne")),
        (
            "create eig7 <#C1> start=2026-09-01 end=2026-09-01",
            Create("eig7", "C1", start=date(2026, 9, 1), end=date(2026, 9, 1)),
        ),
        ("add eig7 <@U1|ana>", Add("eig7", ("U1",))),
        ("add eig7 <@U1> <@W2|bo> as mentor", Add("eig7", ("U1", "W2"), Role.MENTOR)),
        ("add eig7 <@U1> AS Admin", Add("eig7", ("U1",), Role.ADMIN)),
        (
            "add eig7 <@U1> as fellow challenge=Données-Ouvertes",
            Add("eig7", ("U1",), Role.FELLOW, "donnees-ouvertes", "Données-Ouvertes"),
        ),
        ("add eig7 challenge=ia as mentor <@U1>", Add("eig7", ("U1",), Role.MENTOR, "ia", "ia")),
        (
            'add eig7 <@U1> challenge="IA santé"',
            Add("eig7", ("U1",), Role.FELLOW, "ia-sante", "IA santé"),
        ),
        ("add eig7 <@U1> challenge=IA santé", Add("eig7", ("U1",), Role.FELLOW, "ia-sante", "IA santé")),
        (
            "add eig7 <@U1> challenge = “Données   éducation” as mentor",
            Add("eig7", ("U1",), Role.MENTOR, "donnees-education", "Données éducation"),
        ),
        (
            "add eig7 challenge=Données éducation as mentor <@U1>",
            Add("eig7", ("U1",), Role.MENTOR, "donnees-education", "Données éducation"),
        ),
        ("add eig7 <@U1> <@U1|dup> <@U2>", Add("eig7", ("U1", "U2"))),
        ("add eig7 <@U1|Ana Lopez> as mentor", Add("eig7", ("U1",), Role.MENTOR)),
        ("add eig7 <@U1><@U2>", Add("eig7", ("U1", "U2"))),
        ("remove eig7 <@U1> <@U2|b>", Remove("eig7", ("U1", "U2"))),
        ("list", List()),
        ("show eig7", Show("eig7")),
        ("archive eig7", Archive("eig7")),
        ("help", Help()),
        ("help create", Help()),
        ("holiday eig7 2026-05-01", Holiday("eig7", date(2026, 5, 1), date(2026, 5, 1))),
        (
            "holiday eig7 2026-12-24..2027-01-01 Winter break",
            Holiday("eig7", date(2026, 12, 24), date(2027, 1, 1), "Winter break"),
        ),
        ("holiday eig7 2026-12-24 .. 2027-01-01", Holiday("eig7", date(2026, 12, 24), date(2027, 1, 1))),
        (
            "holiday eig7 2026-12-24…2027-01-01 Noël",
            Holiday("eig7", date(2026, 12, 24), date(2027, 1, 1), "Noël"),
        ),
        ("holiday eig7 2026-12-24...2027-01-01", Holiday("eig7", date(2026, 12, 24), date(2027, 1, 1))),
        (
            "holiday eig7 2026-07-14 Séminaire R&amp;D &lt;3",
            Holiday("eig7", date(2026, 7, 14), date(2026, 7, 14), "Séminaire R&D <3"),
        ),
        ("standup eig7", Standup("eig7")),
        ("standup eig7 off", Standup("eig7", off=True)),
        ("standup eig7 questions", Standup("eig7", questions=True)),
        ("standup eig7 QUESTIONS", Standup("eig7", questions=True)),
        (
            "standup eig7 days=mon-fri time=9:30 remind=30 close=11:00",
            Standup(
                "eig7", {"days": "mon,tue,wed,thu,fri", "time": "09:30", "remind": "30", "close": "11:00"}
            ),
        ),
        ("standup eig7 days=lun,mer,ven", Standup("eig7", {"days": "mon,wed,fri"})),
        (
            "checkin eig7 every=2 day=fri time=14:00",
            Checkin("eig7", {"every": "2", "day": "fri", "time": "14:00"}),
        ),
        ("checkin eig7 day=Vendredi", Checkin("eig7", {"day": "fri"})),
        ("checkin eig7 off", Checkin("eig7", off=True)),
        ("digest eig7 day=mon time=08:00", Digest("eig7", {"day": "mon", "time": "08:00"})),
        ("digest eig7 OFF", Digest("eig7", off=True)),
    ],
)
def test_parses(text, expected):
    assert parse_cohort_command(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "CREATE eig7 <#C1> TZ=Europe/Paris",
        f"create{NBSP}eig7{NBSP}<#C1>{NBSP}tz=Europe/Paris",
        "  create   eig7\t<#C1>   tz = Europe/Paris  ",
        "create eig7 <#C1> tz= Europe/Paris",
        "create \u200beig7 <#C1> tz=Europe/Paris\u202f",
    ],
)
def test_tolerates_case_and_any_kind_of_space(text):
    assert parse_cohort_command(text) == Create("eig7", "C1", tz="Europe/Paris")


def test_tokenize_keeps_a_mention_with_spaces_whole():
    assert tokenize("add x <@U1|Ana Lopez>  <#C2|a b>") == ["add", "x", "<@U1|Ana Lopez>", "<#C2|a b>"]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("mon-fri", "mon,tue,wed,thu,fri"),
        ("mon,wed,fri", "mon,wed,fri"),
        ("fri,mon,wed", "mon,wed,fri"),
        ("MON-WED,fri", "mon,tue,wed,fri"),
        ("lun-ven", "mon,tue,wed,thu,fri"),
        ("lun,mer,ven", "mon,wed,fri"),
        ("sam,dim", "sat,sun"),
        ("sun-thu", "mon,tue,wed,thu,sun"),
        ("mon,mon", "mon"),
        ("monday-friday", "mon,tue,wed,thu,fri"),
        ("mon-mon", "mon"),
    ],
)
def test_days(value, expected):
    assert parse_weekdays(value) == expected


# --- every mistake: one sentence naming it, the usage of the sub-command meant --------------------


@pytest.mark.parametrize(
    "text,usage_of,fragment",
    [
        # sub-command
        ("frobnicate", None, 'Unknown sub-command "frobnicate"'),
        ("<@U1>", None, 'Unknown sub-command "<@U1>"'),
        # names
        ("show", "show", "Give the cohort's name."),
        ("show <@U1>", "show", "is not a cohort name"),
        ("standup days=mon-fri", "standup", '"days=mon-fri" is not a cohort name'),
        ("show eig7 extra", "show", 'I don\'t understand "extra" here.'),
        ("archive eig7 now", "archive", 'I don\'t understand "now" here.'),
        ("list eig7", "list", 'I don\'t understand "eig7" here.'),
        # create
        ("create", "create", "Give the cohort's name."),
        ("create eig7", "create", "Name the cohort's channel"),
        ("create eig7 tz=Europe/Paris", "create", "Name the cohort's channel"),
        ("create eig7 #eig-7", "create", '"#eig-7" is plain text, not a channel link'),
        ("create eig7 <@U1>", "create", "is a person, not a channel"),
        ("create eig7 eig-7", "create", '"eig-7" is not a channel'),
        ("create eig 7 <#C1>", "create", "A cohort name has no spaces"),
        ("create promo eig 7 #eig", "create", "A cohort name has no spaces"),
        ("create eig/7 <#C1>", "create", '"/" is not allowed'),
        ("create " + "a" * 41 + " <#C1>", "create", "at most 40 characters"),
        ("create eig7 <#C1> color=blue", "create", 'Unknown option "color"'),
        ("create eig7 <#C1> tz=Europe/Paris tz=Europe/Paris", "create", "The option tz is given twice."),
        ("create eig7 <#C1> tz=", "create", "The option tz has no value."),
        ("create eig7 <#C1> tz=Mars/Olympus", "create", 'Unknown time zone "Mars/Olympus"'),
        ("create eig7 <#C1> lang=de", "create", 'Unknown language "de"'),
        ("create eig7 <#C1> country=FRA", "create", 'Unknown country "FRA"'),
        ("create eig7 <#C1> country=F1", "create", 'Unknown country "F1"'),
        ("create eig7 <#C1> start=01/09/2026", "create", "Dates are written YYYY-MM-DD"),
        ("create eig7 <#C1> start=20260901", "create", "Dates are written YYYY-MM-DD"),
        ("create eig7 <#C1> start=2026-W01-1", "create", "Dates are written YYYY-MM-DD"),
        ("create eig7 <#C1> end=2026-02-30", "create", "2026-02-30 is not a real date."),
        ("create eig7 <#C1> start=2026-09-01 end=2026-08-31", "create", "The end date 2026-08-31 is before"),
        ("create eig7 <#C1> extra", "create", 'I don\'t understand "extra" here.'),
        # add / remove
        ("add eig7", "add", "Mention at least one person"),
        ("add eig7 as mentor", "add", "Mention at least one person"),
        ("add eig7 @ana", "add", '"@ana" is plain text, not a mention'),
        ("add eig7 ana", "add", '"ana" is not a person'),
        ("add eig7 <#C1|general>", "add", "is a channel, not a person"),
        ("add eig7 <!here>", "add", "@here is a group"),
        ("add eig7 <!channel>", "add", "@channel is a group"),
        ("add eig7 <!subteam^S1|@devs>", "add", "@devs is a group"),
        ("add eig7 <@U1> as", "add", 'Say which role after "as"'),
        ("add eig7 <@U1> as boss", "add", 'Unknown role "boss"'),
        ("add eig7 <@U1> as mentor as admin", "add", "The role is given twice."),
        ("add eig7 <@U1> mentor", "add", 'Write "as mentor" to give the role.'),
        ("add eig7 <@U1> challenge=!!!", "add", "cannot be a challenge name"),
        ("add eig7 <@U1> challenge=a challenge=b", "add", "The option challenge is given twice."),
        ("add eig7 <@U1> role=mentor", "add", 'Unknown option "role"'),
        ("remove eig7", "remove", "Mention at least one person"),
        ("remove eig7 @ana", "remove", "plain text, not a mention"),
        # holiday
        ("holiday eig7", "holiday", "Give the holiday's day"),
        ("holiday eig7 2026-12-24..", "holiday", "Give the holiday's day"),
        ("holiday eig7 2026-12-24 ..", "holiday", "Give the holiday's day"),
        ("holiday eig7 Christmas", "holiday", "Dates are written YYYY-MM-DD"),
        ("holiday eig7 24/12/2026", "holiday", "Dates are written YYYY-MM-DD"),
        ("holiday eig7 2026-12-32", "holiday", "2026-12-32 is not a real date."),
        ("holiday eig7 2026-12-24..2026-12-01", "holiday", "The holiday ends (2026-12-01) before it starts"),
        ("holiday eig7 2026-01-01..2027-01-02", "holiday", "A holiday lasts at most 366 days."),
        ("holiday eig7 2026-05-01 " + "x" * 201, "holiday", "Keep the reason under 200 characters."),
        # standup
        ("standup eig7 days=", "standup", "The option days has no value."),
        ("standup eig7 days=weekdays", "standup", 'Unknown day "weekdays"'),
        ("standup eig7 days=mon-", "standup", "is not a list of days"),
        ("standup eig7 days=,mon", "standup", "is not a list of days"),
        ("standup eig7 days=mon-wed-fri", "standup", "is not a list of days"),
        ("standup eig7 days=mon,xyz", "standup", 'Unknown day "xyz"'),
        ("standup eig7 time=9h30", "standup", "Times are written HH:MM"),
        ("standup eig7 time=24:00", "standup", "Times are written HH:MM"),
        ("standup eig7 time=09:60", "standup", "Times are written HH:MM"),
        ("standup eig7 close=noon", "standup", "Times are written HH:MM"),
        ("standup eig7 remind=0", "standup", "remind is a number of minutes from 1 to 720"),
        ("standup eig7 remind=-5", "standup", "remind is a number of minutes"),
        ("standup eig7 remind=abc", "standup", "remind is a number of minutes"),
        ("standup eig7 remind=721", "standup", "remind is a number of minutes"),
        ("standup eig7 remind=３０", "standup", "remind is a number of minutes"),
        (
            "standup eig7 time=10:00 close=09:00",
            "standup",
            "The stand-up closes (09:00) before it opens (10:00).",
        ),
        ("standup eig7 time=10:00 close=10:00", "standup", "closes (10:00) before it opens"),
        ("standup eig7 off time=09:00", "standup", "off cannot be combined"),
        ("standup eig7 questions off", "standup", "cannot be combined"),
        ("standup eig7 questions days=mon", "standup", "questions cannot be combined"),
        ("standup eig7 every=2", "standup", 'Unknown option "every"'),
        ("standup eig7 now", "standup", 'I don\'t understand "now" here.'),
        # checkin
        ("checkin eig7 every=0", "checkin", "every is a number of weeks from 1 to 12"),
        ("checkin eig7 every=13", "checkin", "every is a number of weeks from 1 to 12"),
        ("checkin eig7 every=two", "checkin", "every is a number of weeks"),
        ("checkin eig7 day=mon-fri", "checkin", "Give a single day of the week"),
        ("checkin eig7 day=mon,fri", "checkin", "Give a single day of the week"),
        ("checkin eig7 day=funday", "checkin", 'Unknown day "funday"'),
        ("checkin eig7 off every=2", "checkin", "off cannot be combined"),
        ("checkin eig7 questions", "checkin", 'I don\'t understand "questions" here.'),
        ("checkin eig7 remind=5", "checkin", 'Unknown option "remind"'),
        # digest
        ("digest eig7 day=someday", "digest", 'Unknown day "someday"'),
        ("digest eig7 time=8", "digest", "Times are written HH:MM"),
        ("digest eig7 every=2", "digest", 'Unknown option "every"'),
        ("digest eig7 off day=mon", "digest", "off cannot be combined"),
    ],
)
def test_mistakes(text, usage_of, fragment):
    err = error_of(text)
    assert fragment in str(err)
    expected_usage = SUBCOMMANDS[usage_of].usage if usage_of else cohort_commands.COHORT_USAGE
    assert err.usage == expected_usage
    assert isinstance(err, DomainError)


def test_an_error_keeps_its_message_and_params_for_translation():
    err = error_of("create eig7 <#C1> lang=de")
    assert err.message == 'Unknown language "{value}": use fr or en.'
    assert err.params == {"value": "de"}
    assert err.usage == cohort_commands.CREATE_USAGE


def test_an_unknown_option_names_the_accepted_ones():
    err = error_of("digest eig7 hour=9")
    assert err.params == {"key": "hour", "accepted": "day, time, isolation"}


def test_an_error_message_is_one_sentence():
    for text in ("add eig7 @ana", "create eig7 #x", "standup eig7 days=xyz"):
        message = str(error_of(text))
        assert "\n" not in message
        assert message.rstrip().endswith(".")


# --- the registry ----------------------------------------------------------------------------------


def test_a_sub_command_can_be_plugged_in():
    @dataclass(frozen=True)
    class Ping(CohortCommand):
        words: tuple[str, ...]

    def parse_ping(tokens):
        if not tokens:
            raise DomainError("Say something.")
        return Ping(tuple(tokens))

    registry = {**SUBCOMMANDS, "ping": SubCommand(parse_ping, "Usage: /cohort ping WORD…")}
    assert parse_cohort_command("PING a b", registry) == Ping(("a", "b"))
    with pytest.raises(CommandError) as caught:
        parse_cohort_command("ping", registry)
    assert str(caught.value) == "Say something."
    assert caught.value.usage == "Usage: /cohort ping WORD…"
    assert usage_lines(registry)[-1] == "Usage: /cohort ping WORD…"
    assert "ping" not in SUBCOMMANDS


def test_command_error_from_a_parser_keeps_its_own_usage():
    def parse_strict(tokens):
        raise CommandError("Nope.", "Usage: elsewhere")

    registry = {**SUBCOMMANDS, "strict": SubCommand(parse_strict, "Usage: /cohort strict")}
    with pytest.raises(CommandError) as caught:
        parse_cohort_command("strict", registry)
    assert caught.value.usage == "Usage: elsewhere"


def test_commands_are_frozen():
    command = parse_cohort_command("show eig7")
    with pytest.raises(AttributeError):
        command.name = "other"

"""Answers, blockers, the day's summary, and the stand-up commands' syntax."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.cohorts.commands import SubCommand, parse_cohort_command
from domain.cohorts.model import Cohort
from domain.command_parsing import CommandError
from domain.ritual_commands import STANDUP_USAGE, Standup, parse_standup
from domain.standups.commands import (
    STANDUP_COMMAND_USAGE,
    Away,
    Back,
    History,
    OpenAnswer,
    Skip,
    parse_standup_command,
)
from domain.standups.model import (
    ANSWER_MAX,
    Absence,
    EntryStatus,
    StandupEntry,
    StandupSettings,
    check_answers,
    mentions_blocker,
)
from domain.standups.summary import summarize

DAY = date(2026, 3, 2)
COHORT = Cohort(7, "eig7", "C100", "Europe/Paris", "fr", "FR", None, None)
SETTINGS = StandupSettings(7)


def answered(user_id: str, *answers: str, late=False, mood=None) -> StandupEntry:
    return StandupEntry(
        7, user_id, DAY, EntryStatus.ANSWERED, answers, mood, late, datetime(2026, 3, 2, 9, tzinfo=UTC)
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "Rien",
        "rien.",
        "RAS",
        "R.A.S",
        "Aucun",
        "Non !",
        "No blockers",
        "none",
        "nothing",
        "-",
        "N/A",
        "pas de blocage",
        "Aucun blocage",
        "ok",
    ],
)
def test_saying_there_is_nothing_raises_no_blocker(text):
    assert not mentions_blocker(text)


@pytest.mark.parametrize(
    "text",
    [
        "J’attends l’accès à la base SIRENE",
        "Rien ne marche avec Airflow",
        "waiting for the data owner",
        "Non, mais la CNIL n’a pas répondu",
    ],
)
def test_anything_else_is_a_blocker(text):
    assert mentions_blocker(text)


def test_the_blocker_is_the_answer_to_the_blockers_question():
    entry = answered("UANA", "hier", "aujourd’hui", "Accès API refusé")
    assert entry.blocker(SETTINGS) == "Accès API refusé"
    assert entry.blocker(StandupSettings(7, blocker_question=None)) is None
    assert answered("UANA", "hier", "", "rien").blocker(SETTINGS) is None
    assert answered("UANA", "hier").blocker(SETTINGS) is None


def test_check_answers():
    answers, mood, errors = check_answers([" hier ", "", "rien"], "4", 3)
    assert (answers, mood, errors) == (("hier", "", "rien"), 4, {})
    assert check_answers(["", " ", ""], None, 3)[2].keys() == {1}
    too_long = check_answers(["ok", "x" * (ANSWER_MAX + 1)], None, 3)[2]
    assert too_long.keys() == {2} and too_long[2].params["length"] == ANSWER_MAX + 1
    assert check_answers(["ok"], "9", 3)[2].keys() == {0}
    assert check_answers(["a", "b", "c", "d"], None, 2)[0] == ("a", "b")


def test_the_summary_names_the_missing_and_lists_the_others_apart():
    entries = [
        answered("UANA", "hier", "demain", "Accès refusé", mood=4),
        answered("UBEN", "hier", "demain", "rien", mood=2),
        StandupEntry(7, "UCHLOE", DAY, EntryStatus.SKIPPED),
        answered("UNEW", "j’arrive"),  # not prompted (joined today), answered by /standup
    ]
    absences = [Absence("UEVA", DAY, DAY, "UADMIN"), Absence("UFRED", DAY, DAY, "UFRED")]
    summary = summarize(
        COHORT,
        SETTINGS,
        DAY,
        ["UANA", "UBEN", "UCHLOE", "UDAVID", "UFRED"],
        entries,
        ["UANA", "UBEN", "UCHLOE", "UDAVID", "UEVA", "UFRED", "UNEW"],
        absences,
    )
    assert summary.expected == ("UANA", "UBEN", "UDAVID", "UNEW")
    assert summary.answered == ("UANA", "UBEN", "UNEW")
    assert summary.missing == ("UDAVID",)
    assert summary.skipped == ("UCHLOE",)
    assert summary.away == ("UEVA", "UFRED")
    assert summary.blockers == (("UANA", "Accès refusé"),)
    assert summary.moods == (4, 2)


@pytest.mark.parametrize(
    "text,command",
    [
        ("", OpenAnswer()),
        ("  skip ", Skip()),
        ("away 2026-03-09..2026-03-13", Away(date(2026, 3, 9), date(2026, 3, 13))),
        ("away 2026-03-09 .. 2026-03-13", Away(date(2026, 3, 9), date(2026, 3, 13))),
        ("away 2026-03-09", Away(date(2026, 3, 9), date(2026, 3, 9))),
        ("away <@UANA|ana> 2026-03-09…2026-03-10", Away(date(2026, 3, 9), date(2026, 3, 10), "UANA")),
        ("back", Back()),
        ("BACK <@UANA>", Back("UANA")),
        ("history", History()),
        ("history 30", History(days=30)),
        ("history <@UANA|ana> 7", History("UANA", 7)),
    ],
)
def test_standup_commands(text, command):
    assert parse_standup_command(text) == command


@pytest.mark.parametrize(
    "text,words",
    [
        ("away", "AAAA"),
        ("away 2026-03-13..2026-03-09", "avant de commencer"),
        ("away 2026-02-30", "2026-02-30"),
        ("history 0", "JOURS"),
        ("history <@UANA> <@UBEN>", "une seule personne"),
        ("dance", "dance"),
        ("skip now", "now"),
    ],
)
def test_standup_command_mistakes(text, words):
    from handlers.i18n import error_text, gettext

    with pytest.raises(CommandError) as caught:
        parse_standup_command(text)
    assert words in error_text(caught.value, "fr") + gettext(caught.value.usage, "fr")
    assert caught.value.usage == STANDUP_COMMAND_USAGE


def test_cohort_standup_takes_zone_share_and_mood():
    standup = {"standup": SubCommand(parse_standup, STANDUP_USAGE)}
    command = parse_cohort_command("standup eig7 zone=fellow share=summary mood=ON time=9:05", standup)
    assert command == Standup("eig7", {"zone": "fellow", "share": "summary", "mood": "on", "time": "09:05"})
    with pytest.raises(CommandError, match="share"):
        parse_cohort_command("standup eig7 share=everywhere", standup)

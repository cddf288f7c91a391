"""Times people can read: an instant is drawn by Slack in the reader's zone, with a fallback that
names its zone; a schedule's time of day names its zone; a fellow far from the cohort's zone is
pointed out to the admin, with the `zone=fellow` hint."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from handlers.blocks.times import for_reader, in_zone, next_runs, time_of_day, zone_city
from tests.support.standup_world import texts

NOON_PARIS = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "zone,lang,expected",
    [
        ("Europe/Paris", "fr", "12\u00a0h heure de Paris"),
        ("Europe/Paris", "en", "12:00 Paris time"),
        ("Africa/Abidjan", "fr", "11\u00a0h heure d’Abidjan"),
        ("America/Cayenne", "en", "08:00 Cayenne time"),
        ("Europe/Brussels", "fr", "12\u00a0h heure de Bruxelles"),
        ("UTC", "fr", "11\u00a0h (UTC)"),
    ],
)
def test_a_time_names_its_zone_in_the_readers_words(zone, lang, expected):
    assert in_zone(NOON_PARIS, zone, lang, with_date=False) == expected


def test_slack_draws_an_instant_in_each_readers_zone_with_a_fallback_naming_the_cohorts():
    token = for_reader(NOON_PARIS, "Africa/Dakar", "fr")
    assert token == "<!date^1772449200^{date_short_pretty} {time}|2 mars 2026, 11\u00a0h heure de Dakar>"
    assert for_reader(NOON_PARIS, "Europe/Paris", "en", with_date=False) == (
        "<!date^1772449200^{time}|12:00 Paris time>"
    )
    assert zone_city("Etc/GMT+3", "fr") is None


@pytest.mark.parametrize(
    "at,lang,expected",
    [
        ("09:30", "fr", "9\u00a0h\u00a030 heure de Cayenne"),
        ("09:00", "fr", "9\u00a0h heure de Cayenne"),
        ("14:05", "fr", "14\u00a0h\u00a005 heure de Cayenne"),
        ("09:30", "en", "09:30 Cayenne time"),
        ("14:05", "en", "14:05 Cayenne time"),
    ],
)
def test_a_schedules_time_of_day_is_written_as_running_text_writes_hours(at, lang, expected):
    assert time_of_day(at, "America/Cayenne", lang) == expected


def test_a_next_run_names_its_weekday_and_a_list_of_them_is_set_apart_without_commas():
    runs = [datetime(2026, 12, 7, 8, 30, tzinfo=UTC), datetime(2026, 12, 1, 13, 5, tzinfo=UTC)]
    assert next_runs(runs, "Europe/Paris", "fr") == (
        "<!date^1796632200^{date_long_pretty} {time}|lundi 7 décembre 2026, 9\u00a0h\u00a030 heure de Paris>"
        " · <!date^1796130300^{date_long_pretty} {time}|mardi 1er décembre 2026, 14\u00a0h\u00a005 heure de Paris>"
    )
    assert next_runs(runs, "Europe/Paris", "en") == (
        "<!date^1796632200^{date_long_pretty} {time}|Monday 7 December 2026, 09:30 Paris time>"
        " · <!date^1796130300^{date_long_pretty} {time}|Tuesday 1 December 2026, 14:05 Paris time>"
    )


def test_every_time_in_the_prompt_and_the_days_thread_is_drawn_for_the_reader(prompted):
    prompt = prompted.prompt()
    for text in (prompt["text"], texts(prompt)):
        assert re.search(r"<!date\^\d+\^\{time\}\|12\u00a0h heure de Paris>", text), text
    thread = prompted.channel()[0]
    assert "<!date^" in texts(thread) and "|12\u00a0h heure de Paris>" in texts(thread)


@pytest.fixture
def eig7(workspace):
    workspace.fake.add_user("UCAYENNE", name="cay", tz="America/Cayenne", locale="fr-FR")
    workspace.fake.add_user("UDAKAR", name="dak", tz="Africa/Dakar", locale="fr-FR")
    workspace.say("create eig7 <#C100>")
    return workspace


def test_the_admin_is_told_once_of_a_fellow_far_from_the_cohorts_zone(eig7):
    text = eig7.say("add eig7 <@UCAYENNE> <@UDAKAR> <@UANA>")
    assert (
        "Fellows décalés de 3 heures ou plus du fuseau de la cohorte (Europe/Paris)\u00a0: <@UCAYENNE> (Cayenne, −4 h)."
        in text
    )
    assert "<@UDAKAR> (" not in text  # Dakar is one hour from Paris
    assert "avec /cohort standup eig7 zone=fellow, chaque fellow est interrogé" in text
    again = eig7.say("add eig7 <@UCAYENNE>")
    assert "décalés" not in again  # told once, when they join
    assert "décalés" not in eig7.say("add eig7 <@UMENTOR> as mentor")


def test_show_lists_far_fellows_to_those_who_manage_the_cohort(eig7):
    eig7.say("add eig7 <@UCAYENNE> <@UANA>")
    assert "<@UCAYENNE> (Cayenne, −4 h)" in texts(eig7.cohort("show eig7"))
    assert "décalés" not in texts(eig7.cohort("show eig7", user="UANA"))

"""Stand-ups in the digests: the week at a glance, moods, blockers and whether they were resolved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from domain.cohorts.records import CohortHoliday
from domain.digests.help import HelpWeek
from domain.digests.model import Audience, Said
from domain.digests.standup_sections import blockers_of_week, by_challenge, long_blockers, participation
from domain.digests.standups import blockers, fellow_weeks
from domain.peer_help.records import HelpRequest, HelpStatus
from domain.ritual_calendar import Days
from domain.standups.model import Absence, StandupSettings
from tests.domain.digests.digest_builders import COHORT, MONDAY, WEEK, entry, given, standups, week_data


def test_each_fellow_gets_a_cell_per_weekday():
    week = standups(
        [entry("F1", d, mood=3) for d in WEEK] + [entry("F2", WEEK[0]), entry("F2", WEEK[1], skipped=True)],
        [Absence("F3", WEEK[2], WEEK[4], "F3")],
    )
    days = Days(COHORT, None, (CohortHoliday(1, WEEK[3], WEEK[3]),))
    joined = {
        "F1": datetime(2026, 1, 5, tzinfo=UTC),
        "F2": datetime(2026, 1, 5, tzinfo=UTC),
        "F3": datetime(2026, 1, 5, tzinfo=UTC),
        "F4": datetime(2026, 3, 4, 8, tzinfo=UTC),
    }
    rows = {
        r.user_id: r
        for r in fellow_weeks(
            week, week_data({"standups": week}, days=days, joined=joined), ["F1", "F2", "F3", "F4"]
        )
    }
    assert (rows["F1"].cells, rows["F1"].answered, rows["F1"].expected) == ("✅✅✅✅✅", 5, 5)
    assert (rows["F2"].cells, rows["F2"].answered, rows["F2"].expected) == ("✅⏭️❌▫️❌", 1, 3)
    assert rows["F3"].cells == "❌❌🌴🌴🌴"
    assert rows["F4"].cells == "▫️▫️❌▫️❌"


def test_the_grid_covers_the_seven_days_up_to_the_digest_day():
    # A Wednesday digest: Thursday 26 and Friday 27 February, then Monday to Wednesday.
    week = standups([entry("F1", WEEK[0])], settings=StandupSettings(1, days=("mon", "wed", "fri")))
    data = week_data({"standups": week}, as_of=datetime(2026, 3, 4, 18, 0, tzinfo=UTC))
    [row] = fellow_weeks(week, data, ["F1"])
    assert row.cells == "▫️❌✅▫️❌"


def test_days_after_the_digest_is_written_are_blank():
    week = standups([entry("F1", WEEK[0])])
    data = week_data({"standups": week})
    early = replace(data, period=replace(data.period, as_of=datetime(2026, 3, 3, 12, 0, tzinfo=UTC)))
    [row] = fellow_weeks(week, early, ["F1"])
    assert row.cells == "✅❌▫️▫️▫️"


def test_the_mood_trend_compares_with_the_week_before():
    earlier = [entry("F1", d - timedelta(days=7), mood=2) for d in WEEK]
    week = standups(earlier + [entry("F1", d, mood=4) for d in WEEK] + [entry("F2", d, mood=3) for d in WEEK])
    rows = {r.user_id: r for r in fellow_weeks(week, week_data({"standups": week}), ["F1", "F2"])}
    assert (rows["F1"].mood, rows["F1"].previous_mood, rows["F1"].trend) == (4.0, 2.0, "↗")
    assert (rows["F2"].mood, rows["F2"].trend) == (3.0, "")


def test_a_blocker_lasts_until_an_answer_says_nothing_blocks():
    week = standups(
        [
            entry("F1", WEEK[0], "Pas d’accès aux données"),
            entry("F1", WEEK[1], "Toujours l’accès"),
            entry("F1", WEEK[2], "Rien"),
            entry("F1", WEEK[3], "La DSI ne répond pas"),
            entry("F2", WEEK[0], "RAS"),
        ]
    )
    found = blockers(week, week_data({"standups": week}), ["F1", "F2"])
    assert [(b.user_id, b.raised, b.last_seen, b.resolved_on, b.text) for b in found] == [
        ("F1", WEEK[0], WEEK[1], WEEK[2], "Toujours l’accès"),
        ("F1", WEEK[3], WEEK[3], None, "La DSI ne répond pas"),
    ]


def test_a_blocker_turned_into_a_resolved_help_request_is_resolved():
    week = standups([entry("F1", WEEK[0], "Besoin d’un avis juridique")])
    request = HelpRequest(
        7,
        1,
        "F1",
        "Avis juridique",
        "",
        (),
        HelpStatus.RESOLVED,
        datetime(2026, 3, 2, 10, tzinfo=UTC),
        origin="standup",
        ended_at=datetime(2026, 3, 3, 16, tzinfo=UTC),
    )
    [found] = blockers(week, week_data({"standups": week}), ["F1"], [request])
    assert found.resolved_on == WEEK[1]
    other = HelpRequest(
        8,
        1,
        "F1",
        "x",
        "",
        (),
        HelpStatus.RESOLVED,
        datetime(2026, 3, 2, 10, tzinfo=UTC),
        origin="ask",
        ended_at=datetime(2026, 3, 3, 16, tzinfo=UTC),
    )
    assert blockers(week, week_data({"standups": week}), ["F1"], [other])[0].resolved_on is None


def test_the_mentor_sections_show_text_only_for_fellows_who_share_it():
    week = standups([entry("F1", WEEK[0], "Accès refusé"), entry("F2", WEEK[1], "Serveur en panne")])
    data = week_data({"standups": week, "help": HelpWeek((), ())}, sharers={"F2"})
    section = blockers_of_week(given(data, ["F1", "F2"], Audience.MENTOR, "M1"))
    assert [line.text for line in section.lines] == [
        "{fellow}: reported on {raised}, still open",
        "{line} — “{text}”",
    ]
    assert section.lines[1].params["text"] == Said("Serveur en panne")
    assert "Accès refusé" not in repr(section)
    assert section.summary.params == {"open": 2, "resolved": 0}


def test_participation_lists_every_fellow_followed():
    week = standups([entry("F1", d, mood=4) for d in WEEK])
    section = participation(given(week_data({"standups": week}), ["F1", "F2"], Audience.MENTOR, "M1"))
    assert [line.params["fellow"] for line in section.lines] == ["<@F1>", "<@F2>"]
    assert section.summary.params == {"answered": 5, "expected": 10, "rate": 50}
    assert section.title.params["labels"].days == tuple(WEEK)  # the grid's days, for their labels


def test_without_stand_ups_the_digest_still_names_each_fellow_with_their_latest_sign_of_life():
    seen = {"F1": datetime(2026, 3, 4, 10, 0, tzinfo=UTC)}
    data = week_data({"standups": standups(settings=None), "activity": seen})
    section = participation(given(data, ["F1", "F2"], Audience.MENTOR, "M1"))
    assert [(line.text, line.params) for line in section.lines] == [
        ("{fellow}: last seen active on {day}", {"fellow": "<@F1>", "day": date(2026, 3, 4)}),
        ("{fellow}: no activity seen lately", {"fellow": "<@F2>"}),
    ]


def test_admins_see_participation_by_challenge():
    week = standups([entry("F1", d, mood=4) for d in WEEK] + [entry("F2", d, mood=2) for d in WEEK[:3]])
    section = by_challenge(given(week_data({"standups": week})))
    assert [
        (line.params["challenge"], line.params["rate"], line.params.get("mood")) for line in section.lines
    ] == [
        (Said("Données"), 0, None),
        (Said("IA santé"), 80, 3.0),
        (section.lines[2].params["challenge"], 0, None),
    ]
    assert section.lines[2].params["challenge"].text == "no challenge"


def test_admins_see_blockers_open_for_more_than_three_days():
    earlier = MONDAY - timedelta(days=4)
    week = standups(
        [
            entry("F1", earlier, "Pas de badge"),
            entry("F2", WEEK[3], "Attente VPN"),
            entry("F3", earlier, "Pas de poste"),
            entry("F3", WEEK[0], "rien"),
        ]
    )
    section = long_blockers(given(week_data({"standups": week})))
    assert [(line.params["fellow"], line.params["count"]) for line in section.lines] == [("<@F1>", 8)]
    assert section.lines[0].params["raised"] == date(2026, 2, 26)

"""The digests' other sections and their assembly: peer help, trainings, check-ins, isolation, readers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.features import SOURCES
from domain.checkins.model import CheckinAnswer, CheckinStatus, MentorCheckin
from domain.cohorts.model import MemberProfile, Membership, Role
from domain.cohorts.records import CohortHoliday
from domain.digests.activity import isolation, window_start
from domain.digests.checkins import checkins_of_cohort
from domain.digests.due import scopes
from domain.digests.help import HelpWeek, fellow_help, help_of_week, open_requests, week_start
from domain.digests.model import Audience, Scope, build_digest
from domain.digests.trainings import TrainingWeek, trainings_of_week, upcoming
from domain.peer_help.records import HelpRequest, HelpStatus, Offer
from domain.ritual_calendar import Days
from domain.standups.model import Absence
from domain.trainings.model import SessionStatus, Signup, SignupStatus, TrainingSession
from handlers.blocks.trainings.seats import seat_action
from tests.domain.digests.digest_builders import (
    COHORT,
    FRIDAY_16H,
    JOINED,
    WEEK,
    entry,
    given,
    standups,
    week_data,
)

# The digest sections of every feature, in the order of the list of features.
FEATURES = SOURCES.digest

TUESDAY = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def request(id_, asker, status, created=TUESDAY, ended=None, title="Revue de code"):
    return HelpRequest(id_, 1, asker, title, "", (), status, created, ended_at=ended)


def help_week() -> HelpWeek:
    requests = (
        request(1, "F1", HelpStatus.RESOLVED, ended=TUESDAY + timedelta(hours=5)),
        request(2, "F2", HelpStatus.OPEN, created=TUESDAY - timedelta(days=10)),
        request(3, "F2", HelpStatus.CLAIMED, created=TUESDAY + timedelta(days=1)),
        request(
            4,
            "F3",
            HelpStatus.RESOLVED,
            created=TUESDAY - timedelta(days=9),
            ended=TUESDAY - timedelta(days=8),
        ),
    )
    offers = (
        Offer(1, "F2", TUESDAY + timedelta(hours=1), credited=True),
        Offer(1, "F3", TUESDAY),
        Offer(3, "F1", TUESDAY + timedelta(days=1, hours=1)),
        Offer(4, "F1", TUESDAY - timedelta(days=9), credited=True),
    )
    return HelpWeek(requests, offers)


def test_help_given_and_received_within_the_week():
    data = week_data({"help": help_week()})
    start, end = week_start(data), data.period.as_of
    figures = {f: fellow_help(help_week(), f, start, end) for f in ("F1", "F2", "F3", "F4")}
    assert (figures["F1"].asked, figures["F1"].received, figures["F1"].given, figures["F1"].offers) == (
        1,
        1,
        0,
        1,
    )
    assert (figures["F2"].asked, figures["F2"].given, figures["F2"].offers) == (1, 1, 1)
    assert (figures["F3"].given, figures["F3"].offers) == (0, 1)
    assert not figures["F4"].any
    section = help_of_week(given(data, audience=Audience.MENTOR))
    assert [line.params["fellow"] for line in section.lines] == ["<@F1>", "<@F2>", "<@F3>"]
    assert section.summary.params == {"asked": 2, "count": 1}


def test_admins_see_the_open_requests_oldest_first():
    section = open_requests(given(week_data({"help": help_week()})))
    assert [
        (line.params["asker"], line.params["asked_on"], line.params["offers"]) for line in section.lines
    ] == [("<@F2>", date(2026, 2, 21), 0), ("<@F2>", date(2026, 3, 4), 1)]


def session(id_, facilitator, starts_at, status=SessionStatus.ANNOUNCED, title="Pandas"):
    return TrainingSession(
        id_, 1, facilitator, title, "", starts_at, 60, 10, "Salle 2", status, seats_taken=2
    )


def test_trainings_attended_and_given_this_week_and_to_come():
    sessions = (
        session(1, "F1", TUESDAY),
        session(2, "F3", FRIDAY_16H + timedelta(days=3)),
        session(3, "F4", TUESDAY, SessionStatus.CANCELLED),
        session(4, "F2", FRIDAY_16H + timedelta(days=20)),
    )
    signups = (
        Signup(1, "F2", SignupStatus.CONFIRMED, 1, TUESDAY),
        Signup(1, "F3", SignupStatus.CANCELLED, 2, TUESDAY),
        Signup(3, "F3", SignupStatus.CONFIRMED, 1, TUESDAY),
    )
    data = week_data({"trainings": TrainingWeek(sessions, signups)})
    section = trainings_of_week(given(data, audience=Audience.MENTOR))
    assert [
        (line.params["fellow"], line.params["attended"], line.params["given"]) for line in section.lines
    ] == [("<@F1>", 0, 1), ("<@F2>", 1, 0)]
    assert section.summary.params == {"count": 1}
    coming = upcoming(given(data), seat_action)
    assert [(line.params["facilitator"], line.params["seats"].params) for line in coming.lines] == [
        ("<@F3>", {"left": 8})
    ]
    assert [(a.label, a.action_id, a.value) for a in coming.actions] == [
        ("Sign me up", "training_signup", "2")
    ]


def checkin(mentor, round_day, status, rating=None, needs="", answered=None):
    answer = CheckinAnswer(rating, needs=needs) if rating else None
    return MentorCheckin(0, 1, mentor, round_day, status, answer, answered)


def test_admins_see_each_mentor_rating_what_they_missed_and_need():
    checkins = (
        checkin("M1", date(2026, 2, 16), CheckinStatus.MISSED),
        checkin("M1", date(2026, 3, 2), CheckinStatus.ANSWERED, 4, "Un accès", TUESDAY),
        checkin("M2", date(2026, 3, 2), CheckinStatus.OPEN),
        checkin(
            "M2", date(2026, 2, 16), CheckinStatus.ANSWERED, 2, "Vieux besoin", TUESDAY - timedelta(days=14)
        ),
    )
    section = checkins_of_cohort(given(week_data({"checkins": checkins})))
    texts = [(line.text, dict(line.params)) for line in section.lines]
    assert texts[0] == (
        "{mentor}: {rating}/5 on {day} · missed recently: {missed}",
        {"mentor": "<@M1>", "missed": 1, "rating": 4, "day": date(2026, 3, 3)},
    )
    assert texts[1][0] == "{mentor} needs: “{text}”" and texts[1][1]["text"].text == "Un accès"
    assert texts[2] == (
        "{mentor}: {rating}/5 on {day}",
        {"mentor": "<@M2>", "missed": 0, "rating": 2, "day": date(2026, 2, 17)},
    )
    assert len(texts) == 3  # the older need is not repeated
    assert section.summary.params == {"answered": 2, "missed": 1}


def test_the_isolation_window_counts_working_days_and_skips_days_away():
    days = Days(COHORT, None, (CohortHoliday(1, WEEK[3], WEEK[3]),))
    data = week_data({}, days=days)
    assert window_start(data) == date(2026, 2, 27)
    assert window_start(data, [Absence("F1", WEEK[0], WEEK[1], "F1")]) == date(2026, 2, 25)
    assert window_start(replace(data, isolation_days=1)) == WEEK[4]


def test_silent_fellows_are_flagged_with_their_last_activity():
    # F3, away all week, was last seen the Friday before: their window goes back past the days away.
    activity = {
        "F1": datetime(2026, 3, 5, 9, tzinfo=UTC),
        "F2": datetime(2026, 2, 20, 9, tzinfo=UTC),
        "F3": datetime(2026, 2, 27, 9, tzinfo=UTC),
    }
    joined = {"F1": JOINED, "F2": JOINED, "F3": JOINED, "F4": datetime(2026, 3, 4, tzinfo=UTC)}
    absent = standups(absences=[Absence("F3", WEEK[0], WEEK[4], "F3")])
    data = week_data({"activity": activity, "standups": absent}, joined=joined)
    section = isolation(given(data))
    assert [(line.params["fellow"], line.params.get("day")) for line in section.lines] == [
        ("<@F2>", date(2026, 2, 20))
    ]
    alone = isolation(given(replace(data, features={"activity": {}, "standups": standups()}), ["F3"]))
    assert alone.lines[0].params == {"fellow": "<@F3>", "count": 32}


def test_each_mentor_reads_the_fellows_of_their_challenges():
    data = week_data({}, profiles={"F2": MemberProfile("F2", "f2", deactivated=True)})
    readers = scopes(data, Audience.MENTOR)
    assert readers["M1"].fellows == ("F1",)
    assert readers["M2"].fellows == ("F1", "F3", "F4")
    assert list(scopes(data, Audience.ADMIN)) == ["A1"]
    lonely = week_data(
        {}, memberships=(Membership(1, "M9", Role.MENTOR, "vide"), Membership(1, "F1", Role.FELLOW, "ia"))
    )
    assert scopes(lonely, Audience.MENTOR) == {}
    assert list(scopes(lonely, Audience.ADMIN, {"UADMIN"})) == ["UADMIN"]


def test_a_digest_has_its_audience_sections_in_order_and_skips_missing_features():
    week = standups([entry("F1", d) for d in WEEK])
    data = week_data({"standups": week, "activity": {}, "checkins": (), "help": HelpWeek((), ())})
    mentor = build_digest(data, Scope("M1", Audience.MENTOR, ("F1",)), FEATURES)
    assert [s.key for s in mentor.sections] == ["participation", "blockers", "help"]
    admin = build_digest(data, Scope("A1", Audience.ADMIN, ("F1", "F2")), FEATURES)
    assert [s.key for s in admin.sections] == [
        "by_challenge",
        "long_blockers",
        "isolation",
        "checkins",
        "open_help",
    ]

"""A digest as one Slack message: translated, escaped, and summarised to fit Slack's limits."""

from __future__ import annotations

from datetime import timedelta

from bot.features import SOURCES
from bot.standin.block_kit import check_blocks
from domain.cohorts.model import Membership, Role
from domain.digests.help import HelpWeek
from domain.digests.model import Audience, Scope, build_digest
from domain.digests.trainings import TrainingWeek
from domain.peer_help.records import HelpRequest, HelpStatus
from domain.trainings.model import SessionStatus, TrainingSession
from handlers.blocks.digests.messages import phrase_text, render_digest
from tests.domain.digests.digest_builders import FRIDAY_16H, WEEK, entry, standups, week_data
from tests.support.rituals import text_of

FEATURES = SOURCES.digest


def sessions_to_come(count: int) -> TrainingWeek:
    """`count` sessions over the next two weeks, long titles, half of them full."""
    sessions = tuple(
        TrainingSession(
            n,
            1,
            "F001",
            f"Session {n} " + "y" * 140,
            "",
            FRIDAY_16H + timedelta(hours=2 + n),
            60,
            10,
            "Salle 2",
            SessionStatus.ANNOUNCED,
            seats_taken=10 if n % 2 else 3,
        )
        for n in range(count)
    )
    return TrainingWeek(sessions, ())


def big_cohort(fellows: int, blocker: str = "Pas d’accès à la base", sessions: int = 0):
    people = [f"F{n:03d}" for n in range(fellows)]
    memberships = tuple(Membership(1, p, Role.FELLOW, f"defi-{n % 30}") for n, p in enumerate(people))
    memberships += (Membership(1, "M0", Role.MENTOR, None), Membership(1, "A1", Role.ADMIN, None))
    entries = [
        entry(p, d, blocker if n % 3 == 0 else "rien", mood=3 + n % 2)
        for n, p in enumerate(people)
        for d in WEEK
    ]
    requests = tuple(
        HelpRequest(
            n, 1, p, f"Question {n} " + "x" * 120, "", (), HelpStatus.OPEN, FRIDAY_16H - timedelta(days=n % 9)
        )
        for n, p in enumerate(people)
    )
    features = {
        "standups": standups(entries),
        "activity": {},
        "checkins": (),
        "help": HelpWeek(requests, ()),
        "trainings": sessions_to_come(sessions),
    }
    return week_data(features, memberships=memberships, sharers=set(people)), tuple(people)


def sizes(message: dict) -> tuple[int, int, int]:
    texts = [len(b["text"]["text"]) for b in message["blocks"] if "text" in b]
    total = sum(texts) + sum(len(e["text"]) for b in message["blocks"] for e in b.get("elements", []))
    return len(message["blocks"]), max(texts), total


def test_a_small_digest_is_shown_whole():
    data, people = big_cohort(4)
    message = render_digest(build_digest(data, Scope("M0", Audience.MENTOR, people), FEATURES), "fr")
    text = text_of(message)
    assert message["blocks"][0]["type"] == "header"
    assert "<@F003> ✅✅✅✅✅ 5/5 · humeur 4,0" in text
    assert "de plus" not in text
    assert (
        "<@F000>\u00a0: signalé le 2 mars 2026, toujours en cours — «\u202fPas d’accès à la base\u202f»"
        in text
    )


def test_a_digest_too_big_for_one_message_is_summarised_within_limits():
    data, people = big_cohort(300, blocker="Bloqué " * 200)
    for audience, reader in ((Audience.MENTOR, "M0"), (Audience.ADMIN, "A1")):
        message = render_digest(build_digest(data, Scope(reader, audience, people), FEATURES), "en")
        blocks, longest, total = sizes(message)
        assert blocks <= 50 and longest <= 3000 and total <= 11_000
        assert check_blocks(message["blocks"], 50) == []
        text = text_of(message)
        assert "more." in text
    assert "of 1500 expected (100%)" in text_of(
        render_digest(build_digest(data, Scope("M0", Audience.MENTOR, people), FEATURES), "en")
    )


def test_free_text_is_escaped_and_cut():
    data, people = big_cohort(1, blocker="<!channel> & " + "très long " * 100)
    text = text_of(render_digest(build_digest(data, Scope("M0", Audience.MENTOR, people), FEATURES), "fr"))
    assert "&lt;!channel&gt; &amp; très long" in text
    assert "<!channel>" not in text
    assert "…" in text


def test_numbers_and_dates_read_right_in_each_language():
    data, people = big_cohort(2)
    digest = build_digest(data, Scope("A1", Audience.ADMIN, people), FEATURES)
    assert "Du 28 février au 6 mars 2026" in text_of(render_digest(digest, "fr"))
    english = text_of(render_digest(digest, "en"))
    assert "From 28 February to 6 March 2026" in english and "*defi-1*: 100% (5/5) · mood 4.0" in english


def test_many_sessions_to_come_each_with_its_button_still_fit_one_message():
    for fellows in (4, 300):
        data, people = big_cohort(fellows, sessions=120)
        for audience, reader in ((Audience.MENTOR, "M0"), (Audience.ADMIN, "A1")):
            digest = build_digest(data, Scope(reader, audience, people), FEATURES)
            message = render_digest(digest, "en")
            blocks, longest, total = sizes(message)
            assert blocks <= 50 and longest <= 3000 and total <= 11_000
            assert check_blocks(message["blocks"], 50) == []
            with_buttons = [b for b in message["blocks"] if "accessory" in b]
            assert with_buttons and all("Session" in b["text"]["text"] for b in with_buttons)
            labels = {b["accessory"]["text"]["text"] for b in with_buttons}
            assert labels <= {"Sign me up", "Join the waitlist"}
            text = text_of(message)
            titles = [phrase_text(s.title, "en", "Europe/Paris") for s in digest.sections]
            assert [title for title in titles if title not in text] == []  # every section keeps its place
            assert "120 sessions in the next two weeks." in text
            upcoming = text.split("Upcoming trainings")[1]
            assert f"…and {120 - len(with_buttons)} more." in upcoming


def test_the_sessions_buttons_are_cut_before_the_fellows_lines_that_fit():
    # A line with a button is a block of its own: when blocks run short, that list is the one cut.
    data, people = big_cohort(60, sessions=45)
    text = text_of(render_digest(build_digest(data, Scope("M0", Audience.MENTOR, people), FEATURES), "en"))
    before, upcoming = text.split("Upcoming trainings")
    assert "more." not in before and "<@F059>" in before
    assert "…and 34 more." in upcoming

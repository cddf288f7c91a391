"""Re-routing a request nobody offered on, and nudging its asker after a week: scheduled sends run by
`tick` with a manual clock, each sent once however many ticks run."""

from __future__ import annotations

from bot.features import tick_jobs
from domain.peer_help.due import REROUTE
from handlers import ids
from schedules.engine import tick
from schedules.help_nudge import HELP_NUDGE
from tests.handlers.peer_help import peer_help_helpers
from tests.handlers.peer_help.peer_help_helpers import HelpDesk, buttons

# Peer help's jobs as the tick runs them: the re-routing leaves out whoever is away from the stand-ups.
JOBS = [job for job in tick_jobs() if job.kind in (REROUTE, HELP_NUDGE.kind)]

desk = peer_help_helpers.desk  # a fixture, found by name


def _run(desk: HelpDesk, **advance) -> dict[str, dict[str, int]]:
    desk.ctx.clock.advance(**advance)
    return {report.kind: report.counts for report in tick(desk.ctx, desk.ctx.clock.now(), JOBS)}


def _skilled(desk: HelpDesk, *users: str) -> None:
    for user_id in users:
        desk.say("/skills", "add python", user_id)


def test_the_jobs_are_registered():
    assert [job.kind for job in JOBS] == [REROUTE, HELP_NUDGE.kind]


def test_a_request_without_offer_goes_to_the_next_best_after_24_hours_once(desk: HelpDesk):
    _skilled(desk, "UBEN", "UCHLOE", "UDAVID", "UEVA", "UFRED")
    desk.say("/skills", "add sql", "UEVA")
    request_id = desk.request("Requête lente", "UANA", skills="python")
    first = {u for u in ("UBEN", "UCHLOE", "UDAVID", "UEVA", "UFRED") if desk.fake.messages(u)}
    assert len(first) == 3
    assert _run(desk, hours=23, minutes=59)[REROUTE] == {}
    report = _run(desk, minutes=1)
    second = {u for u in ("UBEN", "UCHLOE", "UDAVID", "UEVA", "UFRED") if desk.fake.messages(u)} - first
    assert report[REROUTE] == {"sent": 3} and len(second) == 2, "two people left, and the asker"
    for user_id in second:
        assert buttons(desk.fake.messages(user_id)[-1]) == {ids.HELP_OFFER: str(request_id)}
    told = desk.dms("UANA")[-1]
    assert told.startswith("Personne n’a encore proposé son aide pour «\u202fRequête lente\u202f»")
    assert all(f"<@{user_id}>" in told for user_id in second)
    sent = desk.fake.count("chat.postMessage")
    assert _run(desk, minutes=1)[REROUTE] == {} and _run(desk, hours=30)[REROUTE] == {}
    assert desk.fake.count("chat.postMessage") == sent


def test_a_request_someone_offered_on_is_not_re_routed(desk: HelpDesk):
    _skilled(desk, "UBEN", "UCHLOE", "UDAVID", "UEVA")
    request_id = desk.request("Requête lente", "UANA", skills="python")
    desk.click(ids.HELP_OFFER, request_id, "UBEN")
    assert _run(desk, hours=25)[REROUTE] == {}


def test_the_delay_is_the_cohort_s_and_nobody_left_means_the_asker_is_told(desk: HelpDesk):
    desk.say("/cohort", "peerhelp eig7 reroute=2", "UADMIN")
    _skilled(desk, "UBEN")
    desk.request("Requête lente", "UANA", skills="python")
    assert _run(desk, hours=2)[REROUTE] == {"sent": 1}
    assert desk.dms("UANA")[-1].startswith(
        "Personne n’a encore proposé son aide pour «\u202fRequête lente\u202f», et personne d’autre"
    )
    assert len(desk.fake.messages("UBEN")) == 1


def test_a_rate_limited_re_route_is_sent_again_in_the_same_tick(desk: HelpDesk):
    _skilled(desk, "UBEN", "UCHLOE", "UDAVID", "UEVA")
    desk.request("Requête lente", "UANA", skills="python")
    desk.fake.rate_limit_next("chat.postMessage", times=2)
    desk.ctx.slack.retry_handlers.clear()  # the client's own 429 retry would hide the release
    assert _run(desk, hours=24)[REROUTE] == {"sent": 2}
    assert _run(desk, minutes=1)[REROUTE] == {}
    assert desk.fake.stats()["ratelimited"] == 2


def test_a_request_still_active_after_a_week_prompts_its_asker_once(desk: HelpDesk):
    _skilled(desk, "UBEN")
    claimed = desk.request("Déjà pris", "UANA", skills="python")
    desk.click(ids.HELP_OFFER, claimed, "UBEN")
    _run(desk, hours=1)
    done = desk.request("Vite réglé", "UCHLOE", skills="python")
    desk.resolve(done, "UCHLOE")
    assert _run(desk, days=6, hours=22)[HELP_NUDGE.kind] == {}
    assert _run(desk, hours=1)[HELP_NUDGE.kind] == {"sent": 1}
    nudge = desk.fake.messages("UANA")[-1]
    assert nudge["text"].startswith("Votre demande «\u202fDéjà pris\u202f» est ouverte depuis une semaine.")
    assert buttons(nudge) == {
        ids.HELP_RESOLVE: str(claimed),
        ids.HELP_REASK: str(claimed),
        ids.HELP_CLOSE: str(claimed),
    }
    assert _run(desk, hours=2)[HELP_NUDGE.kind] == {}
    assert not any("une semaine" in text for text in desk.dms("UCHLOE"))


def test_a_nudge_missed_for_days_is_recorded_not_sent(desk: HelpDesk):
    desk.request("Oubliée", "UANA")
    assert _run(desk, days=11)[HELP_NUDGE.kind] == {"missed": 1}
    assert not any("une semaine" in text for text in desk.dms("UANA"))

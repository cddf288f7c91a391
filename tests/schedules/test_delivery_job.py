"""A job of several kinds: planned in one unit of work, delivered kind after kind, counts relabelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain.calendar import local_date
from domain.scheduling import PlannedOccurrence
from schedules.delivery import DeliveryJob, Send
from schedules.engine import tick

DUE = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Greeting:
    words: str


def _planned(kind: str, recipients: tuple[str, ...], words: str) -> PlannedOccurrence[Greeting]:
    return PlannedOccurrence(
        kind,
        "cohort:demo",
        local_date(DUE, "Europe/Paris"),
        DUE,
        DUE + timedelta(hours=1),
        recipients,
        Greeting(words),
    )


def _render(planned: PlannedOccurrence[Greeting], recipient: str) -> dict:
    return {"text": f"{planned.payload.words} <@{recipient}>"}


def _plan(ctx, uow, now, guard):
    # Given in the reverse of the order of `sends`: the job follows `sends`.
    return {
        "demo_evening": [_planned("demo_evening", ("U1",), "Bonsoir")],
        "demo_morning": [_planned("demo_morning", ("U1", "U2"), "Bonjour")],
        "demo_unlisted": [_planned("demo_unlisted", ("U3",), "Salut")],
    }


JOB = DeliveryJob(
    "demo",
    _plan,
    {"demo_morning": Send(_render, "mornings"), "demo_evening": Send(_render), "demo_quiet": Send(_render)},
)


def test_each_kind_is_sent_in_the_order_of_its_sends_and_its_counts_carry_its_label(ctx, fake_slack):
    [_, report, _] = tick(ctx, DUE, [JOB])
    assert report.kind == "demo"
    assert list(report.counts.items()) == [("mornings sent", 2), ("sent", 1)]
    texts = [call.params["text"] for call in fake_slack.calls("chat.postMessage")]
    assert sorted(texts[:2]) == ["Bonjour <@U1>", "Bonjour <@U2>"] and texts[2:] == ["Bonsoir <@U1>"]


def test_a_kind_without_a_send_is_left_alone(ctx, fake_slack):
    tick(ctx, DUE, [JOB])
    assert "U3" not in {call.params["channel"] for call in fake_slack.calls("chat.postMessage")}
    with ctx.uow() as uow:
        assert uow.schedule.known("demo_unlisted", [local_date(DUE, "Europe/Paris")]) == {}


def test_a_second_tick_sends_nothing_again(ctx, fake_slack):
    tick(ctx, DUE, [JOB])
    [_, again, _] = tick(ctx, DUE, [JOB])
    assert again.counts == {} and fake_slack.count("chat.postMessage") == 3

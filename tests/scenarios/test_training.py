"""A peer training from proposal to feedback, the way a cohort lives it.

Ana proposes "Pandas pour les débutants" for two people; Ben clicks three times, Chloé takes the
last seat and David waits; Ben drops out and David gets his seat. The bot reminds everyone the
day before and an hour before, asks for feedback after, and two days later Ana reads every
answer at once, without names.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.features import tick_jobs
from bot.standin.payloads import select
from handlers import ids
from schedules.engine import tick
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import Trainings, proposal


@pytest.fixture
def trainings(ctx, fake_slack) -> Trainings:
    return Trainings(Workspace(ctx, fake_slack))


PARIS_14H = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)  # Tuesday 10 March, 14:00 in Paris


def seats(trainings, session_id) -> str:
    blocks = trainings.announcement(session_id)["blocks"]
    return next(b for b in blocks if b["type"] == "context")["elements"][0]["text"]


def sent_during(
    trainings, start: datetime, end: datetime, step: timedelta
) -> dict[str, list[tuple[str, datetime]]]:
    """Ticks every `step` from start to end: who received what (first words), and when."""
    received: dict[str, list[tuple[str, datetime]]] = {}
    at = start
    while at <= end:
        trainings.ctx.clock.set(at)
        before = trainings.fake.count("chat.postMessage")
        tick(
            trainings.ctx, at, [job for job in tick_jobs() if getattr(job, "kind", "").startswith("training")]
        )
        for call in trainings.fake.calls("chat.postMessage")[before:]:
            received.setdefault(call.params["channel"], []).append((call.params["text"][:30], at))
        at += step
    return received


def test_a_training_from_proposal_to_feedback(trainings):
    # Monday 2 March: Ana proposes a session in the cohort channel.
    assert trainings.command("propose", user="UANA", channel="C100") is None
    view = trainings.opened_view()
    assert (
        trainings.submit(proposal(capacity="2"), user="UANA", metadata=json.loads(view["private_metadata"]))
        is None
    )
    with trainings.ctx.uow() as uow:
        [session] = uow.trainings.involving("UANA", trainings.ctx.clock.now())
    assert session.starts_at == PARIS_14H and seats(trainings, session.id) == "*2 places restantes*"

    # Ben clicks three times: one seat, one invitation. Chloé takes the last seat; David waits.
    for _ in range(3):
        trainings.click(ids.TRAINING_SIGNUP, session.id, "UBEN")
    assert trainings.signups(session.id) == {"UBEN": "confirmed"} and len(trainings.files("UBEN")) == 1
    trainings.click(ids.TRAINING_SIGNUP, session.id, "UCHLOE")
    waiting = trainings.click(ids.TRAINING_SIGNUP, session.id, "UDAVID")
    assert "position 1 sur la liste d’attente" in waiting["text"]
    assert seats(trainings, session.id) == "*Complet · 1 personne en liste d’attente*"
    assert trainings.click(ids.TRAINING_SIGNUP, session.id, "UANA")["text"].startswith("Vous animez")

    # Wednesday: Ben cannot come after all; David gets the seat, a DM and his invitation.
    trainings.later(days=2)
    trainings.click(ids.TRAINING_CANCEL, session.id, "UBEN")
    assert trainings.signups(session.id) == {
        "UBEN": "cancelled",
        "UCHLOE": "confirmed",
        "UDAVID": "confirmed",
    }
    assert "Une place s’est libérée" in trainings.dms("UDAVID")[-1]
    [invite] = trainings.files("UDAVID")
    calendar = invite["content"].decode()
    assert invite["name"].endswith(".ics") and "DTSTART;TZID=Europe/Paris:20260310T140000" in calendar
    assert "DTEND;TZID=Europe/Paris:20260310T150000" in calendar and "BEGIN:VTIMEZONE" in calendar
    assert seats(trainings, session.id) == "*Complet*"

    # The scheduler ticks every five minutes from Monday noon to Tuesday evening.
    received = sent_during(
        trainings, PARIS_14H - timedelta(hours=25), PARIS_14H + timedelta(hours=2), timedelta(minutes=5)
    )
    for user in ("UANA", "UCHLOE", "UDAVID"):
        times = [at for _text, at in received[user]]
        assert times[:2] == [PARIS_14H - timedelta(hours=24), PARIS_14H - timedelta(hours=1)], user
    assert [at for _text, at in received["UCHLOE"]][2] == PARIS_14H + timedelta(
        hours=1
    )  # the feedback prompt
    assert len(received["UANA"]) == len(received["UCHLOE"]) == 3, "each reminder and prompt once"
    assert "UBEN" not in received

    # Chloé and David answer; each is thanked and told when feedback closes; Ana reads nothing yet.
    for user, rating, comment in (("UCHLOE", 5, "Très clair"), ("UDAVID", 4, None)):
        trainings.click(ids.TRAINING_FEEDBACK_OPEN, session.id, user, channel="D" + user)
        assert trainings.opened_view()["callback_id"] == ids.TRAINING_FEEDBACK
        answer = trainings.submit(
            {"rating": select(str(rating)), "comment": comment},
            user=user,
            metadata={"session": session.id},
            callback=ids.TRAINING_FEEDBACK,
        )
        assert answer is None
        assert trainings.dms(user)[-1].startswith("Merci\u00a0: votre avis sur *Pandas pour les débutants*")
        assert "|12 mars 2026, 15\u00a0h heure de Paris>" in trainings.dms(user)[-1]  # the end + 2 days
    assert not [m for m in trainings.fake.messages("UANA") if m.get("text", "").startswith("Avis sur")]

    # Thursday 15:00 in Paris, feedback closes: Ana gets every answer in one message, without names.
    received = sent_during(
        trainings, PARIS_14H + timedelta(hours=2), PARIS_14H + timedelta(days=3), timedelta(minutes=30)
    )
    assert [at for _text, at in received["UANA"]] == [PARIS_14H + timedelta(days=2, hours=1)]
    assert set(received) == {"UANA"}, "the summary goes to the facilitator only"
    [summary] = [m for m in trainings.fake.messages("UANA") if m.get("text", "").startswith("Avis sur")]
    shown = json.dumps(summary["blocks"], ensure_ascii=False)
    assert "2 réponses sur 2 participants" in shown and "Moyenne\u00a0: 4,5 / 5" in shown
    assert "> Très clair" in shown and "UCHLOE" not in shown

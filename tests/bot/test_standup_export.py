"""`cohortbot export` includes the stand-ups: the schedule, every answer and skip (their text for the
fellows who share it), the absences."""

from __future__ import annotations

import io
import json
from argparse import Namespace
from datetime import UTC, date, datetime

from bot import export
from domain.checkins.model import Share
from domain.standups.model import Absence, EntryStatus, StandupEntry
from tests.support.standup_world import StandupWorld


def test_the_export_has_the_stand_up_sections(ctx, fake_slack, clock, engine):
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort()
    world.people(cohort, "UANA", "UBEN")
    world.standup(cohort, remind_minutes=30)
    with ctx.uow() as uow:
        uow.standups.save_entry(
            StandupEntry(
                cohort.id,
                "UANA",
                date(2026, 3, 2),
                EntryStatus.ANSWERED,
                ("Revue", "Démo", "Accès refusé"),
                4,
                True,
                datetime(2026, 3, 2, 12, tzinfo=UTC),
            )
        )
        uow.standups.save_entry(
            StandupEntry(
                cohort.id,
                "UBEN",
                date(2026, 3, 2),
                EntryStatus.SKIPPED,
                submitted_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
            )
        )
        uow.standups.add_absence(Absence("UBEN", date(2026, 3, 9), date(2026, 3, 13), "UADMIN"), clock.now())
        uow.commit()
    out = io.StringIO()
    assert export.run(Namespace(cohort="eig7", format="json", out=None), engine, out) == 0
    data = json.loads(out.getvalue())
    assert data["standup_schedule"][0]["remind_minutes"] == 30
    assert [(e["slack_id"], e["status"], e["late"]) for e in data["standup_entries"]] == [
        ("UANA", "answered", "yes"),
        ("UBEN", "skipped", "no"),
    ]
    assert data["standup_entries"][0]["answers"] is None  # UANA keeps the default: figures only
    assert data["standup_absences"] == [
        {"slack_id": "UBEN", "first": "2026-03-09", "last": "2026-03-13", "set_by": "UADMIN"}
    ]
    with ctx.uow() as uow:
        uow.checkins.set_share("UANA", Share.TEXT, clock.now())
        uow.commit()
    out = io.StringIO()
    export.run(Namespace(cohort="eig7", format="json", out=None), engine, out)
    answers = json.loads(out.getvalue())["standup_entries"][0]["answers"]
    assert json.loads(answers) == ["Revue", "Démo", "Accès refusé"]
    out = io.StringIO()
    export.run(Namespace(cohort="eig7", format="csv", out=None), engine, out)
    assert (
        "standup_entries\ndate;slack_id;status;late;mood;answers;submitted_at\n2026-03-02;UANA"
        in out.getvalue()
    )

"""One cohort whose messages cannot be rendered: every other cohort's stand-ups, check-ins and
digests still go out, the failure is logged with ids only, and its admins hear of it once a day."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from bot.features import tick_jobs
from schedules import delivery
from schedules.engine import tick

MONDAY, TUESDAY = datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 3, tzinfo=UTC)
SECRET = "Projet confidentiel"


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


@pytest.fixture
def cohorts(workspace):
    for name, channel, fellows, mentor, admin in (
        ("eig7", "C100", ("UANA", "UBEN"), "UMENTOR", "UCOADMIN"),
        ("eig8", "C200", ("UCHLOE", "UDAVID"), "UEVA", "UADMIN8"),
    ):
        workspace.fake.add_user(admin, name=admin.lower(), tz="Europe/Paris", locale="fr-FR")
        workspace.say(f"create {name} <#{channel}>")
        workspace.say(f"add {name} " + " ".join(f"<@{f}>" for f in fellows))
        workspace.say(f"add {name} <@{mentor}> as mentor")
        workspace.say(f"add {name} <@{admin}> as admin")
        workspace.say(f"standup {name}")
        workspace.say(f"checkin {name} every=1 day=mon time=10:00")
        workspace.say(f"digest {name} day=mon time=16:00")
    with workspace.ctx.uow() as uow:
        return {name: uow.cohorts.by_name(name).id for name in ("eig7", "eig8")}


@pytest.fixture
def broken(cohorts, monkeypatch):
    """eig8's messages cannot be rendered, whatever their kind (a setting the renderers choke on)."""
    deliver_one = delivery._deliver_one

    def failing(ctx, now, item, known, render, token, report):
        if item.cohort_id == cohorts["eig8"] and item.kind != "failure_notice":

            def render(planned, recipient):
                raise ValueError(f"cannot render {SECRET}")

        return deliver_one(ctx, now, item, known, render, token, report)

    monkeypatch.setattr(delivery, "_deliver_one", failing)
    return cohorts["eig8"]


def received(fake, user: str) -> list[str]:
    """What the rituals sent the person: the welcome of someone just added is not one of them."""
    return [m["text"] for m in fake.messages(user) if not m["text"].startswith("Bienvenue dans la cohorte")]


def test_one_cohort_that_fails_leaves_the_others_work_going(workspace, clock, broken, caplog):
    fake = workspace.fake
    caplog.set_level(logging.DEBUG, logger="schedules")
    reports = []
    for when in (at(MONDAY, 8, 30), at(MONDAY, 9, 0), at(MONDAY, 9, 1), at(MONDAY, 15, 0)):
        clock.set(when)
        reports += tick(workspace.ctx, when, tick_jobs())

    # eig7 got everything: stand-up prompts and thread, the mentor's check-in, the digests.
    for fellow in ("UANA", "UBEN"):
        assert any("stand-up de eig7" in text for text in received(fake, fellow)), fellow
    assert any("eig7" in text for text in received(fake, "UMENTOR"))
    assert fake.messages("C100")
    digests = [r for r in reports if r.kind == "digests"]
    assert (
        sum(r["mentor digests sent"] for r in digests) == 1
        and sum(r["admin digests sent"] for r in digests) == 1
    )

    # eig8 got nothing but its admin's one notice for the day, in French, naming what failed.
    for person in ("UCHLOE", "UDAVID", "UEVA"):
        assert received(fake, person) == [], person
    assert fake.messages("C200") == []
    [notice] = received(fake, "UADMIN8")
    assert "*eig8*" in notice and "une fois par jour" in notice and "`standup_prompt`" in notice
    assert not any("eig8" in text for text in received(fake, "UCOADMIN"))

    # Each tick says what failed, by ids; the log too, never the error's text.
    failed = [failure for report in reports for failure in report.failures]
    assert failed and all(failure.cohort_id == broken and failure.error == "ValueError" for failure in failed)
    assert {failure.kind for failure in failed} >= {"standup_prompt", "checkin_prompt", "mentor_digest"}
    assert any(f"cohort {broken}" in report.line() for report in reports)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"cohort {broken}" in logged and SECRET not in logged

    # The next day: still failing, one more notice, and no more.
    for when in (at(TUESDAY, 8, 30), at(TUESDAY, 8, 31)):
        clock.set(when)
        tick(workspace.ctx, when, tick_jobs())
    assert len(received(fake, "UADMIN8")) == 2


def test_a_tick_with_a_failure_names_it_in_its_line_after_doing_the_rest(workspace, clock, broken, capsys):
    from bot.tick_lines import report_line

    clock.set(at(MONDAY, 8, 30))
    reports = tick(workspace.ctx, at(MONDAY, 8, 30), tick_jobs())
    lines = [report_line(report, "en") for report in reports if report.failures]
    assert lines and all("; failed: " in line for line in lines)
    assert any(f"(cohort {broken}, " in line for line in lines)
    assert all("en échec" in report_line(report, "fr") for report in reports if report.failures)


def test_one_cohort_whose_planning_fails_leaves_the_others_planned(workspace, clock, cohorts, monkeypatch):
    from domain.checkins import due as checkins_due
    from domain.standups import due as standups_due

    def breaking(original):
        def payload(store, candidate, *args):
            cohort = candidate.standup.cohort if hasattr(candidate, "standup") else candidate.cohort
            if cohort.id == cohorts["eig8"]:
                raise KeyError(SECRET)
            return original(store, candidate, *args)

        return payload

    monkeypatch.setattr(standups_due, "_payload", breaking(standups_due._payload))
    monkeypatch.setattr(checkins_due, "_payload", breaking(checkins_due._payload))
    reports = []
    for when in (at(MONDAY, 8, 30), at(MONDAY, 9, 0)):
        clock.set(when)
        reports += tick(workspace.ctx, when, tick_jobs())
    fake = workspace.fake
    assert all(any("stand-up de eig7" in text for text in received(fake, f)) for f in ("UANA", "UBEN"))
    assert any("eig7" in text for text in received(fake, "UMENTOR"))
    assert received(fake, "UCHLOE") == received(fake, "UEVA") == []
    failed = {(f.kind, f.cohort_id, f.error) for report in reports for f in report.failures}
    assert failed == {
        ("standup_thread", cohorts["eig8"], "KeyError"),
        ("standup_prompt", cohorts["eig8"], "KeyError"),
        ("checkin_prompt", cohorts["eig8"], "KeyError"),
        ("checkin_missed", cohorts["eig8"], "KeyError"),
    }
    [notice] = received(fake, "UADMIN8")
    assert "`checkin_prompt`" not in notice and "`standup_prompt`" in notice  # the day's first notice


def test_one_cohorts_help_request_or_training_that_cannot_be_planned_leaves_the_others(
    workspace, clock, cohorts, monkeypatch
):
    from domain.peer_help import due as help_due
    from domain.peer_help.records import NewHelpRequest
    from domain.trainings import due as trainings_due
    from domain.trainings.model import Proposal, SessionStatus, SignupStatus

    def breaking(original, cohort_of):
        def plan(*args, **kwargs):
            if cohort_of(*args) == cohorts["eig8"]:
                raise KeyError(SECRET)
            return original(*args, **kwargs)

        return plan

    monkeypatch.setattr(
        help_due, "view_of", breaking(help_due.view_of, lambda store, request: request.cohort_id)
    )
    monkeypatch.setattr(
        trainings_due,
        "planned",
        breaking(trainings_due.planned, lambda ritual, session, *rest: session.cohort_id),
    )
    asked = at(MONDAY, 8)
    with workspace.ctx.uow() as uow:
        for name, asker, guest in (("eig7", "UANA", "UBEN"), ("eig8", "UCHLOE", "UDAVID")):
            cohort_id = cohorts[name]
            uow.help.add(NewHelpRequest(cohort_id, asker, f"Aide {name}", "", ("python",), "ask", asked))
            proposal = Proposal(f"Atelier {name}", "…", at(MONDAY, 13), 60, 4, "Salle 1")
            session = uow.trainings.add(cohort_id, asker, proposal, SessionStatus.ANNOUNCED, asked)
            uow.trainings.join(session.id, guest, SignupStatus.CONFIRMED, asked)
            uow.trainings.take_seat(session.id)
        uow.commit()
    reports = []
    for when in (at(MONDAY, 12), at(TUESDAY, 9), at(TUESDAY, 12)):  # 1 h before; re-routing; 24 h later
        clock.set(when)
        reports += tick(workspace.ctx, when, tick_jobs())
    fake = workspace.fake
    assert any("Atelier eig7" in text for text in received(fake, "UBEN"))
    assert not any("Atelier eig8" in text for text in received(fake, "UDAVID"))
    failed = {(f.kind, f.cohort_id, f.error) for report in reports for f in report.failures}
    assert ("training_reminder_1h", cohorts["eig8"], "KeyError") in failed
    assert ("help_reroute", cohorts["eig8"], "KeyError") in failed
    assert {cohort for _kind, cohort, _error in failed} == {cohorts["eig8"]}
    assert any(r.kind == "help_reroute" and r["sent"] for r in reports), "eig7's request was re-routed"

"""Admins' reads in the audit log, and every mistake on the privacy sub-commands answered with nothing changed."""

from __future__ import annotations

import argparse
import io
import json
from datetime import UTC, datetime

import pytest

from bot import export
from domain.cohorts.records import AuditAction
from tests.support.rituals import Rituals


def _audit(ctx, name: str, action: AuditAction) -> list:
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name(name)
        return [e for e in uow.audit.all_of(cohort.id) if e.action == action]


def test_reading_someone_elses_history_is_traced_ones_own_is_not(prompted):
    prompted.standup("history", user="UANA")
    assert _audit(prompted.ctx, "eig7", AuditAction.READ) == []
    prompted.standup("history <@UBEN>", user="UANA")
    [read] = _audit(prompted.ctx, "eig7", AuditAction.READ)
    assert (read.actor, read.params["about"]) == ("UANA", "UBEN")
    shown = str(prompted.ws.cohort("show eig7")["blocks"])
    assert "a lu les stand-ups de <@UBEN>" in shown


def test_each_digest_sent_is_traced_once_with_the_fellows_it_covers(workspace, clock):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    workspace.say("digest eig7")
    rituals = Rituals(workspace, clock)
    friday = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    rituals.at(friday)
    rituals.at(friday)
    [traced] = [e for e in _audit(workspace.ctx, "eig7", AuditAction.DIGEST) if e.actor == "UMENTOR"]
    assert traced.params["about"] == ["UANA", "UBEN"]


def test_an_export_is_traced(workspace, engine):
    workspace.say("create eig7 <#C100>")
    args = argparse.Namespace(cohort="eig7", format="json", out=None)
    export.run(args, engine, io.StringIO())
    [exported] = _audit(workspace.ctx, "eig7", AuditAction.EXPORT)
    assert exported.actor == export.OPERATOR


@pytest.mark.parametrize(
    ("text", "user", "said"),
    [
        ("forget", "UADMIN", "Mentionnez la personne à effacer"),
        ("forget ana", "UADMIN", "n’est pas"),
        ("forget <@UANA> eig7 encore", "UADMIN", "Je ne comprends pas"),
        ("forget <@UANA>", "UCOADMIN", "Réservé à l’équipe du programme."),
        ("forget <@UNOBODY>", "UADMIN", "Le bot ne conserve rien sur <@UNOBODY>."),
        ("forget <@UANA> eig99", "UADMIN", "eig99"),
        ("retention eig7 text=0", "UADMIN", "de 1 à 120"),
        ("retention eig7 text=douze", "UADMIN", "de 1 à 120"),
        ("retention eig7 text=40 figures=12", "UADMIN", "figures=12 est inférieur à text=40"),
        ("retention eig7 keep=3", "UADMIN", "Option inconnue"),
        ("retention eig7", "UANA", "Réservé"),
        ("mydata tout", "UANA", "Je ne comprends pas"),
        ("privacy eig99", "UANA", "eig99"),
    ],
)
def test_mistakes_change_nothing(workspace, text, user, said):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    before = workspace.state()
    answer = workspace.say(text, user=user)
    assert said in answer
    assert workspace.state() == before


def test_retention_is_shown_and_changed_by_the_cohorts_admins(workspace):
    workspace.say("create eig7 <#C100> end=2026-06-30")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    shown = workspace.say("retention eig7", user="UCOADMIN")
    assert shown.startswith("Conservation pour eig7\u00a0: textes libres 6\u00a0mois") or "6 mois" in shown
    changed = workspace.say("retention eig7 text=3", user="UCOADMIN")
    assert "modifiée" in changed and "3 mois" in changed and "30 septembre 2026" in changed
    [entry] = _audit(workspace.ctx, "eig7", AuditAction.RETENTION)
    assert entry.params == {"text": 3, "figures": 36}


def test_the_program_team_erases_someone_in_one_cohort(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("create eig8 <#C200>")
    workspace.say("add eig7 <@UANA>")
    workspace.say("add eig8 <@UANA>")
    answer = workspace.say("forget <@UANA> eig7")
    assert answer.startswith("Effacés\u00a0: les textes libres et l’identité de <@UANA> (cohorte eig7)")
    assert ("UANA", "fellow", None) not in workspace.members("eig7")
    assert {m[0] for m in workspace.members("eig8")} == {"UANA"}


def test_the_home_tab_says_how_long_each_cohort_keeps_the_text(standups):
    from bot.standin.payloads import dispatch, event_callback

    standups.set_up()
    standups.ws.say("retention eig7 text=3 figures=24")
    published = standups.fake.count("views.publish")
    event = {"type": "app_home_opened", "user": "UANA", "tab": "home", "event_ts": "1700000002.000100"}
    dispatch(standups.ws.app, event_callback({**event, "channel": standups.fake.dm_channel("UANA")}))
    [publish] = standups.fake.calls("views.publish")[published:]
    shown = str(publish.params["view"]["blocks"])
    assert "Vos données" in shown
    assert (
        "vos textes libres sont supprimés 3 mois après la fin de la cohorte, les chiffres après 24 mois"
        in shown
    )
    assert "/cohort privacy" in shown and "/cohort mydata" in shown


def test_retention_periods_agree_with_their_number_of_months(workspace):
    workspace.say("create eig8 <#C200> lang=en")
    reply = workspace.say("retention eig8 text=1 figures=1")
    assert reply.startswith(
        "Retention for eig8 changed: free text 1 month after the cohort ends, figures and audit 1 month."
    )
    assert "set the retention: text 1 month, figures 1 month" in json.dumps(
        workspace.cohort("show eig8")["blocks"], ensure_ascii=False
    )
    workspace.say("create eig7 <#C100>")
    reply = workspace.say("retention eig7 text=1 figures=2")
    assert reply.startswith(
        "Conservation modifiée pour eig7\u00a0: textes libres 1 mois après la fin de la cohorte,"
        " chiffres et audit 2 mois."
    )
    assert "a fixé la conservation\u00a0: textes 1 mois, chiffres 2 mois" in json.dumps(
        workspace.cohort("show eig7")["blocks"], ensure_ascii=False
    )

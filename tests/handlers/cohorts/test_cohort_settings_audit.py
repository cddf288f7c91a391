"""Changes to a cohort's ritual settings are admin actions: audited and shown by `/cohort show`,
in the cohort's language, never as the option keys they were typed with."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from domain.cohorts.records import AuditAction, AuditEntry
from handlers.blocks.cohorts.show import audit_line

NB, NNB = "\u00a0", "\u202f"


def shown(workspace, name: str = "eig7") -> str:
    return json.dumps(workspace.cohort(f"show {name}"), ensure_ascii=False)


def test_ritual_settings_changes_are_in_the_audit_log(workspace):
    workspace.say("create eig7 <#C100|eig7>")
    workspace.say("standup eig7 days=mon-fri time=09:30")
    workspace.say("digest eig7 day=fri time=16:00 isolation=1")
    workspace.say("checkin eig7 off")
    audit = shown(workspace)
    assert (
        f"<@UADMIN> a changé les jours du stand-up{NB}: lundi, mardi, mercredi, jeudi et vendredi"
        f" · l’heure du stand-up{NB}: 9{NB}h{NB}30" in audit
    )
    assert (
        f"<@UADMIN> a changé le jour des résumés{NB}: vendredi, l’heure des résumés{NB}: 16{NB}h,"
        f" l’alerte isolement{NB}: après 1 jour ouvré sans activité" in audit
    )
    assert "<@UADMIN> a arrêté les points mentors" in audit
    assert "days=" not in audit and "time=" not in audit and "réglages" not in audit


def test_the_audit_log_of_an_english_cohort_reads_in_english(workspace):
    workspace.say("create promo-en <#C200|eig8> lang=en")
    workspace.say("standup promo-en time=9:30 remind=1 share=channel")
    workspace.say("digest promo-en isolation=3")
    audit = shown(workspace, "promo-en")
    assert (
        "<@UADMIN> changed the stand-up time: 09:30, the stand-up reminder: 1 minute after the prompt,"
        " where stand-up answers go: the channel" in audit
    )
    assert "<@UADMIN> changed the isolation alert: after 3 working days without activity" in audit


def test_a_refused_settings_change_is_not_audited(workspace):
    workspace.say("create eig7 <#C100|eig7>")
    workspace.say("standup eig7 time=09:30", user="UANA")
    assert "stand-up" not in shown(workspace).split("Dernières actions")[-1]


def _entry(action: AuditAction, actor: str = "UADMIN", **params: object) -> AuditEntry:
    return AuditEntry(1, actor, action, datetime(2026, 12, 1, 8, 30, tzinfo=UTC), params)


def test_entries_written_before_read_in_the_cohort_language_too():
    # Older entries kept the options as typed.
    entry = _entry(AuditAction.SETTINGS, ritual="standup", change="days=mon,tue time=09:30 mood=on")
    assert audit_line(entry, "fr", "Europe/Paris").endswith(
        f" · <@UADMIN> a changé les jours du stand-up{NB}: lundi et mardi,"
        f" l’heure du stand-up{NB}: 9{NB}h{NB}30, la question d’humeur{NB}: activée"
    )
    assert audit_line(
        _entry(AuditAction.SETTINGS, ritual="digest", change="off"), "en", "Europe/Paris"
    ).endswith("|1 Dec 2026, 09:30 Paris time> · <@UADMIN> turned off the digests")
    assert audit_line(
        _entry(AuditAction.SETTINGS, ritual="checkin", change="on"), "fr", "Europe/Paris"
    ).endswith("a lancé les points mentors")


def test_the_command_line_is_named_not_its_login():
    entry = _entry(AuditAction.IMPORT, actor="cli:root", added=2, changed=0, unchanged=1)
    assert audit_line(entry, "fr", "Europe/Paris").endswith(
        f"la ligne de commande a importé une liste de membres{NB}: 2 ajouts, 0 modification, 1 sans changement"
    )
    assert audit_line(entry, "en", "Europe/Paris").endswith(
        "the command line imported a roster: 2 added, 0 changed, 1 unchanged"
    )


def test_a_holiday_across_the_year_end():
    entry = _entry(AuditAction.HOLIDAY, first="2026-12-24", last="2027-01-01")
    assert audit_line(entry, "fr", "Europe/Paris").endswith(
        f"a ajouté un congé{NB}: du 24 décembre 2026 au 1er janvier 2027"
    )


def test_an_option_added_later_still_reads():
    entry = _entry(AuditAction.SETTINGS, ritual="standup", options={"pace": "slow"}, off=False)
    assert audit_line(entry, "fr", "Europe/Paris").endswith(f"a changé le stand-up, `pace`{NB}: slow")

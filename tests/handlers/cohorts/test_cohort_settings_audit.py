"""Changes to a cohort's ritual settings are admin actions: audited and shown by `/cohort show`."""

from __future__ import annotations

import json


def shown(workspace) -> str:
    return json.dumps(workspace.cohort("show eig7"), ensure_ascii=False)


def test_ritual_settings_changes_are_in_the_audit_log(workspace):
    workspace.say("create eig7 <#C100|eig7>")
    workspace.say("standup eig7 days=mon-fri time=09:30")
    workspace.say("digest eig7 day=fri time=16:00")
    workspace.say("checkin eig7 off")
    audit = shown(workspace)
    assert "a modifié les réglages «\u00a0standup\u00a0»\u00a0: days=mon,tue,wed,thu,fri time=09:30" in audit
    assert "«\u00a0digest\u00a0»\u00a0: day=fri time=16:00" in audit
    assert "«\u00a0checkin\u00a0»\u00a0: off" in audit


def test_a_refused_settings_change_is_not_audited(workspace):
    workspace.say("create eig7 <#C100|eig7>")
    workspace.say("standup eig7 time=09:30", user="UANA")
    assert "réglages" not in shown(workspace)

"""`/cohort` alone: the form to create a cohort or add members, checked field by field."""

from __future__ import annotations

import pytest

from bot.standin.payloads import block_action, dispatch, select
from handlers import ids

CREATE_INPUTS = ["name", "channel", "timezone", "lang", "country", "start", "end"]
ADD_INPUTS = ["cohort", "people", "role", "challenge"]


def inputs(view) -> list[str]:
    found = [block["block_id"] for block in view["blocks"] if block["type"] == "input"]
    assert all(
        block["element"]["action_id"] == ids.VALUE for block in view["blocks"] if block["type"] == "input"
    )
    return found


def create_values(**changes):
    values = {
        "name": "eig7",
        "channel": {"type": "conversations_select", "selected_conversation": "C100"},
        "timezone": select("America/Cayenne"),
        "lang": select("fr"),
        "country": "fr",
        "start": {"type": "datepicker", "selected_date": "2026-09-01"},
        "end": {"type": "datepicker", "selected_date": "2027-06-30"},
    }
    values.update(changes)
    return values


def add_values(people=("UANA", "UBEN"), cohort="eig7", role="fellow", challenge="Données ouvertes"):
    return {
        "cohort": select(cohort),
        "people": {"type": "multi_users_select", "selected_users": list(people)},
        "role": select(role),
        "challenge": challenge,
    }


def test_the_program_team_first_gets_the_create_form(workspace):
    view, answers = workspace.open_form()
    assert answers == []
    assert view["callback_id"] == ids.COHORT_FORM and view["private_metadata"] == ids.MODE_CREATE
    assert inputs(view) == CREATE_INPUTS
    assert view["title"]["text"] == "Cohortes"


def test_with_cohorts_the_form_adds_members_and_can_switch(workspace):
    workspace.say("create eig7 <#C100>")
    view, _ = workspace.open_form()
    assert view["private_metadata"] == ids.MODE_ADD and inputs(view) == ADD_INPUTS
    [switch] = [block for block in view["blocks"] if block["type"] == "actions"]
    assert switch["elements"][0]["action_id"] == ids.COHORT_FORM_MODE
    opened = workspace.fake.state.views[next(iter(workspace.fake.state.views))]
    action = block_action(
        ids.COHORT_FORM_MODE, ids.MODE_CREATE, user_id="UADMIN", action_type="static_select", view=opened
    )
    dispatch(workspace.app, action)
    [update] = workspace.fake.calls("views.update")
    assert update.ok and update.params["view"]["private_metadata"] == ids.MODE_CREATE


def test_a_cohort_admin_gets_the_add_form_for_their_cohort_only(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("create eig8 <#C200>")
    workspace.say("add eig8 <@UCOADMIN> as admin")
    view, _ = workspace.open_form(user="UCOADMIN")
    [cohorts] = [b["element"]["options"] for b in view["blocks"] if b.get("block_id") == "cohort"]
    assert [o["value"] for o in cohorts] == ["eig8"]
    assert not [block for block in view["blocks"] if block["type"] == "actions"]


def test_someone_who_manages_nothing_gets_a_refusal_not_a_form(workspace):
    view, answers = workspace.open_form(user="UEVA")
    assert view is None
    assert answers[0]["response_type"] == "ephemeral" and answers[0]["text"].startswith("Réservé")


@pytest.mark.parametrize(
    "changes,block,words",
    [
        ({"name": "promo 7"}, "name", "espace"),
        ({"name": "EIG6"}, "name", "existe déjà"),
        ({"timezone": select("Mars/Olympus")}, "timezone", "Fuseau horaire inconnu"),
        ({"country": "ZZ"}, "country", "Pays inconnu"),
        ({"end": {"type": "datepicker", "selected_date": "2026-06-30"}}, "end", "précède"),
        ({"channel": {"type": "conversations_select", "selected_conversation": None}}, "channel", "canal"),
    ],
)
def test_the_create_form_answers_field_by_field_before_any_slack_call(workspace, changes, block, words):
    workspace.say("create eig6 <#C200>")
    before, calls = workspace.state(), workspace.fake.count()
    answer = workspace.submit(ids.MODE_CREATE, create_values(**changes))
    assert answer["response_action"] == "errors" and list(answer["errors"]) == [block]
    assert words in answer["errors"][block]
    assert workspace.fake.count() == calls and workspace.state() == before


def test_the_create_form_creates_the_cohort_and_says_so_by_dm(workspace):
    assert workspace.submit(ids.MODE_CREATE, create_values()) is None
    [cohort] = workspace.state()[0]
    assert (cohort.name, cohort.timezone, cohort.country, str(cohort.end)) == (
        "eig7",
        "America/Cayenne",
        "FR",
        "2027-06-30",
    )
    assert workspace.fake.count("conversations.join") == 1
    assert workspace.dms()[0].startswith("Cohorte eig7 créée")


def test_the_add_form_adds_members_to_a_new_challenge(workspace):
    workspace.say("create eig7 <#C100>")
    assert workspace.submit(ids.MODE_ADD, add_values()) is None
    assert workspace.members("eig7") == {
        ("UANA", "fellow", "donnees-ouvertes"),
        ("UBEN", "fellow", "donnees-ouvertes"),
    }
    with workspace.ctx.uow() as uow:
        [challenge] = uow.cohorts.challenges(uow.cohorts.by_name("eig7").id)
    assert challenge.name == "Données ouvertes"
    assert "<@UANA> et <@UBEN> sont maintenant fellows de eig7" in workspace.dms()[-1]


@pytest.mark.parametrize(
    "values,block",
    [
        (add_values(people=()), "people"),
        (add_values(role="admin"), "challenge"),
        (add_values(challenge="!!!"), "challenge"),
        (add_values(cohort="nope"), "cohort"),
    ],
)
def test_the_add_form_answers_field_by_field(workspace, values, block):
    workspace.say("create eig7 <#C100>")
    before = workspace.state()
    answer = workspace.submit(ids.MODE_ADD, values)
    assert answer["response_action"] == "errors" and block in answer["errors"]
    assert workspace.state() == before


def test_the_add_form_refuses_someone_who_does_not_manage_the_cohort(workspace):
    workspace.say("create eig7 <#C100>")
    answer = workspace.submit(ids.MODE_ADD, add_values(), user="UEVA")
    assert answer["errors"]["cohort"].startswith("Réservé")


def test_a_bot_picked_in_the_form_is_refused_by_dm_and_nothing_changes(workspace):
    workspace.say("create eig7 <#C100>")
    before = workspace.state()
    assert workspace.submit(ids.MODE_ADD, add_values(people=("UANA", "U0BOT"))) is None
    assert workspace.state() == before
    assert "<@U0BOT> est un bot" in workspace.dms()[-1]

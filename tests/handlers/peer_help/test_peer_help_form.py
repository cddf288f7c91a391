"""The peer-help form: built pre-filled with the interface's ids, and read back field by field."""

from __future__ import annotations

from domain.peer_help.drafts import DETAILS_MAX, TITLE_MAX, HelpDraft, prefill_from_text
from handlers import ids
from handlers.blocks.peer_help.request import (
    FormContext,
    blocker_value,
    help_metadata,
    help_request_modal,
    parse_blocker_value,
    parse_help_metadata,
    parse_help_request,
)


def _values(**fields: str) -> dict:
    return {name: {ids.VALUE: {"type": "plain_text_input", "value": text}} for name, text in fields.items()}


def _inputs(view: dict) -> dict[str, dict]:
    return {block["block_id"]: block for block in view["blocks"] if block["type"] == "input"}


def test_the_form_carries_the_interface_ids_and_slack_limits():
    view = help_request_modal("en")
    assert view["callback_id"] == ids.HELP_REQUEST
    inputs = _inputs(view)
    assert list(inputs) == [ids.HELP_TITLE, ids.HELP_DETAILS, ids.HELP_SKILLS]
    assert all(block["element"]["action_id"] == ids.VALUE for block in inputs.values())
    assert inputs["title"]["optional"] is False and inputs["title"]["element"]["max_length"] == TITLE_MAX
    assert inputs["details"]["optional"] is True and inputs["details"]["element"]["multiline"] is True
    assert inputs["details"]["element"]["max_length"] == DETAILS_MAX
    assert inputs["skills"]["optional"] is True
    assert "initial_value" not in inputs["title"]["element"]


def test_the_form_opens_pre_filled_in_the_reader_language():
    view = help_request_modal(
        "fr", "Airflow plante", "Depuis hier…", "python, airflow", help_metadata(7, "standup")
    )
    inputs = _inputs(view)
    assert inputs["title"]["element"]["initial_value"] == "Airflow plante"
    assert inputs["details"]["element"]["initial_value"] == "Depuis hier…"
    assert inputs["skills"]["element"]["initial_value"] == "python, airflow"
    assert view["title"]["text"] == "Demander de l’aide"
    assert parse_help_metadata(view["private_metadata"]) == FormContext(7, "standup")


def test_a_fellow_of_several_cohorts_picks_one():
    view = help_request_modal("en", cohorts=[(1, "eig7"), (2, "eig8")], cohort_id=2)
    cohort = _inputs(view)[ids.COHORT_PICK]["element"]
    assert cohort["initial_option"]["value"] == "2"
    draft, errors = parse_help_request({**_values(title="Help"), ids.COHORT_PICK: {ids.VALUE: {}}})
    assert draft is None and ids.COHORT_PICK in errors


def test_the_submission_is_read_tidied_and_checked():
    values = _values(title="  Need   a SQL  review ", details=" see PR \n", skills="SQL, Data viz; sql ,")
    draft, errors = parse_help_request(values, help_metadata(3))
    assert errors == {}
    assert draft == HelpDraft("Need a SQL review", "see PR", ("SQL", "Data viz"), cohort_id=3)


def test_mistakes_are_named_by_block():
    values = _values(
        title="   ", details="x" * (DETAILS_MAX + 1), skills=", ".join(f"s{n}" for n in range(11))
    )
    draft, errors = parse_help_request(values)
    assert draft is None
    assert set(errors) == {ids.HELP_TITLE, ids.HELP_DETAILS, ids.HELP_SKILLS}
    _draft, errors = parse_help_request(_values(title="t" * (TITLE_MAX + 1)))
    assert errors[ids.HELP_TITLE].params == {"count": TITLE_MAX}


def test_unreadable_metadata_is_a_plain_ask():
    assert parse_help_metadata("") == FormContext(None, "ask")
    assert parse_help_metadata("{oops") == FormContext()
    assert parse_help_metadata('["x"]') == FormContext()
    assert parse_help_metadata(help_metadata(2, "reask", replaces=9)) == FormContext(2, "reask", 9)


def test_the_blocker_button_value_carries_the_cohort_and_the_blocker_within_slack_limits():
    assert parse_blocker_value(blocker_value(4, "Bloquée sur l’API")) == (4, "Bloquée sur l’API")
    long = blocker_value(4, 'é"' * 3000)
    assert len(long) <= 2000
    cohort, text = parse_blocker_value(long)
    assert cohort == 4 and text.startswith('é"') and len(text) > 900
    assert parse_blocker_value("just the text") == (None, "just the text")
    assert parse_blocker_value('{"cohort_id": 3, "text": "x"}') == (3, "x")
    assert parse_blocker_value(None) == (None, "")


def test_a_blocker_pre_fills_the_title_and_keeps_the_whole_text():
    assert prefill_from_text("  Who knows   Airflow? ") == ("Who knows Airflow?", "")
    title, details = prefill_from_text(
        "Stuck on the API\nThe token expires every hour and the doc says nothing."
    )
    assert title == "Stuck on the API" and details.startswith("Stuck on the API\nThe token")
    title, details = prefill_from_text("x" * 400)
    assert len(title) == TITLE_MAX and title.endswith("…") and details == "x" * 400

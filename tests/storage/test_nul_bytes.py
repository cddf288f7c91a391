"""NUL bytes typed or pasted into a form are removed before storage (PostgreSQL refuses them)."""

from __future__ import annotations

from handlers import ids
from storage.text import without_nul
from tests.handlers.peer_help.peer_help_helpers import HelpDesk


def test_a_help_request_with_nul_bytes_is_stored_without_them(ctx, fake_slack):
    desk = HelpDesk(ctx, fake_slack)
    desk.set_up()
    view = desk.ask("Revue\x00 SQL", "UANA")
    changes = {ids.HELP_TITLE: "Revue\x00 SQL", ids.HELP_DETAILS: "une\x00 requête\x00\x00 lente"}
    assert desk.submit(view, "UANA", **changes) is None
    with ctx.uow() as uow:
        [request] = uow.help.of_cohort(uow.cohorts.by_name("eig7").id)
    assert (request.title, request.details) == ("Revue SQL", "une requête lente")
    assert not fake_slack.internal_errors


def test_every_shape_of_parameters_is_cleaned():
    assert without_nul("a\x00b") == "ab"
    assert without_nul(("a\x00", 1, None, b"\x00")) == ("a", 1, None, b"\x00")
    assert without_nul({"title": "\x00t", "n": 2}) == {"title": "t", "n": 2}
    assert without_nul([{"title": "x\x00"}, {"title": "y"}]) == [{"title": "x"}, {"title": "y"}]

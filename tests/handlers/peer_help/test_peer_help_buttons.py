"""The request's buttons through the real Bolt app: offers claim it (once per helper), the asker or an admin
resolves it with credit or closes it; the channel message is updated in place, never posted again."""

from __future__ import annotations

from handlers import ids
from tests.handlers.peer_help import peer_help_helpers
from tests.handlers.peer_help.peer_help_helpers import HelpDesk, buttons

desk = peer_help_helpers.desk  # a fixture, found by name


def _asked(desk: HelpDesk) -> int:
    desk.say("/skills", "add python", "UBEN")
    return desk.request("Tests lents", "UANA", skills="python")


def _context(desk: HelpDesk) -> str:
    [message] = desk.channel()
    return " ".join(e["text"] for b in message["blocks"] if b["type"] == "context" for e in b["elements"])


def test_an_offer_updates_the_channel_message_and_tells_the_asker(desk: HelpDesk):
    request_id = _asked(desk)
    [noted] = desk.click(ids.HELP_OFFER, request_id, "UBEN")
    assert noted["text"].startswith("Merci\u202f! J’ai prévenu <@UANA>")
    desk.click(ids.HELP_OFFER, request_id, "UCHLOE")
    assert "En renfort\u00a0: <@UBEN>, <@UCHLOE>" in _context(desk)
    assert desk.fake.count("chat.update") == 2
    offers_told = [text for text in desk.dms("UANA") if "propose son aide" in text]
    assert [text.split(" ")[0] for text in offers_told] == ["<@UBEN>", "<@UCHLOE>"]


def test_a_double_click_on_offer_does_nothing_more(desk: HelpDesk):
    request_id = _asked(desk)
    desk.click(ids.HELP_OFFER, request_id, "UBEN")
    calls, dms = desk.fake.count(), len(desk.dms("UANA"))
    assert desk.click(ids.HELP_OFFER, request_id, "UBEN") == []
    assert desk.fake.count() == calls and len(desk.dms("UANA")) == dms
    assert [o.helper for o in desk.request_row(request_id)[1]] == ["UBEN"]


def test_offering_on_one_s_own_request_is_refused_plainly(desk: HelpDesk):
    request_id = _asked(desk)
    [refused] = desk.click(ids.HELP_OFFER, request_id, "UANA")
    assert refused["text"] == "C’est votre propre demande\u00a0: vous ne pouvez pas y proposer votre aide."
    assert desk.request_row(request_id)[1] == [] and desk.fake.count("chat.update") == 0


def test_the_asker_resolves_with_thanks_and_the_helpers_are_credited(desk: HelpDesk):
    request_id = _asked(desk)
    desk.click(ids.HELP_OFFER, request_id, "UBEN")
    desk.click(ids.HELP_OFFER, request_id, "UCHLOE")
    desk.click(ids.HELP_RESOLVE, request_id, "UANA")
    form = desk.opened()
    assert form["callback_id"] == ids.HELP_RESOLVE_FORM
    assert [o["value"] for o in form["blocks"][1]["element"]["initial_options"]] == ["UBEN", "UCHLOE"]
    assert desk.submit(form, "UANA", credited=["UBEN"], thanks="Merci pour le pair-debug !") is None
    [message] = desk.channel()
    assert buttons(message) == {}, "an ended request has no button left"
    assert "Résolue par <@UANA>." in _context(desk) and "Merci à <@UBEN>" in _context(desk)
    assert desk.dms("UBEN")[-1].endswith("Son message\u00a0: «\u202fMerci pour le pair-debug !\u202f»")
    assert not any("résolue" in text for text in desk.dms("UCHLOE"))
    assert "aides données\u00a0: 1" in desk.say("/skills", "", "UBEN")
    assert "aides données\u00a0: 0" in desk.say("/skills", "", "UCHLOE")


def test_a_thanks_too_long_is_refused_beside_its_field(desk: HelpDesk):
    request_id = _asked(desk)
    answer = desk.resolve(request_id, "UANA", thanks="x" * 1001)
    assert list(answer["errors"]) == ["thanks"]
    assert desk.request_row(request_id)[0].status.value == "open"


def test_resolving_someone_else_s_request_is_refused_unless_admin(desk: HelpDesk):
    request_id = _asked(desk)
    desk.click(ids.HELP_OFFER, request_id, "UBEN")
    opened = desk.fake.count("views.open")
    [refused] = desk.click(ids.HELP_RESOLVE, request_id, "UBEN")
    assert refused["text"].startswith("Seule la personne qui a demandé, ou un admin de la cohorte")
    assert desk.fake.count("views.open") == opened
    assert desk.resolve(request_id, "UCOADMIN") is None
    assert desk.request_row(request_id)[0].ended_by == "UCOADMIN"
    assert any(
        text.startswith("«\u202fTests lents\u202f» est maintenant résolue") for text in desk.dms("UANA")
    )


def test_acting_on_an_ended_request_says_so_and_changes_nothing(desk: HelpDesk):
    request_id = _asked(desk)
    [closed] = desk.click(ids.HELP_CLOSE, request_id, "UANA", channel=desk.fake.dm_channel("UANA"))
    assert closed["text"] == "«\u202fTests lents\u202f» est maintenant fermée."
    assert "Fermée par <@UANA>." in _context(desk)
    before = desk.request_row(request_id), desk.fake.count("chat.update")
    for action, user in ((ids.HELP_OFFER, "UBEN"), (ids.HELP_RESOLVE, "UANA"), (ids.HELP_CLOSE, "UANA")):
        [said] = desk.click(action, request_id, user)
        assert said["text"] == "Cette demande est fermée\u00a0: rien n’a changé."
    assert (desk.request_row(request_id), desk.fake.count("chat.update")) == before


def test_a_resolve_form_sent_twice_resolves_once(desk: HelpDesk):
    request_id = _asked(desk)
    desk.click(ids.HELP_RESOLVE, request_id, "UANA")
    form = desk.opened()
    assert desk.submit(form, "UANA") is None
    updates = desk.fake.count("chat.update")
    assert desk.submit(form, "UANA") is None
    assert desk.fake.count("chat.update") == updates
    assert desk.dms("UANA")[-1] == "Cette demande est déjà résolue\u00a0: rien n’a changé."


def test_asking_again_replaces_the_request(desk: HelpDesk):
    request_id = _asked(desk)
    desk.click(ids.HELP_REASK, request_id, "UANA", channel=desk.fake.dm_channel("UANA"))
    form = desk.opened()
    assert form["blocks"][0]["element"]["initial_value"] == "Tests lents"
    assert desk.submit(form, "UANA", title="Tests lents (pytest-xdist ?)") is None
    old, new = desk.channel()
    assert buttons(old) == {} and "Fermée par <@UANA>." in str(old["blocks"])
    assert buttons(new)[ids.HELP_OFFER] != str(request_id)
    assert "celle-ci la remplace" in desk.dms("UANA")[-1]
    [refused] = desk.click(ids.HELP_REASK, int(buttons(new)[ids.HELP_OFFER]), "UBEN")
    assert refused["text"].startswith("Seule la personne qui a demandé")

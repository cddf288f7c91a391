"""A fortnight of peer help in eig7: a question from /ask and a stand-up blocker reach the fellows who
know the skills, get claimed and resolved with credit (a double click counted once), and a request
nobody answers is re-routed after a day, then its asker nudged after a week."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

from bot import export
from bot.features import tick_jobs
from bot.standin.payloads import block_action, dispatch
from handlers import ids
from handlers.blocks.peer_help.request import blocker_value
from schedules.engine import tick
from tests.handlers.peer_help import peer_help_helpers
from tests.handlers.peer_help.peer_help_helpers import FELLOWS, HelpDesk, buttons

desk = peer_help_helpers.desk  # a fixture, found by name


def reached(desk: HelpDesk, request_id: int) -> set[str]:
    """The fellows whose DMs hold an offer button for this request."""
    return {
        user_id
        for user_id in FELLOWS
        for message in desk.fake.messages(user_id)
        if buttons(message).get(ids.HELP_OFFER) == str(request_id)
    }


def later(desk: HelpDesk, **delta) -> None:
    desk.ctx.clock.advance(**delta)
    tick(desk.ctx, desk.ctx.clock.now(), tick_jobs())


def test_a_fortnight_of_peer_help(desk: HelpDesk, engine):
    # Monday: the fellows say what they know.
    desk.say("/skills", "add Python, Data viz", "UBEN")
    desk.say("/skills", "add dataviz", "UCHLOE")
    desk.say("/skills", "add python, marchés publics", "UDAVID")
    desk.say("/skills", "add R, SQL", "UEVA")
    desk.say("/skills", "add python, R", "UFRED")
    desk.say("/skills", "add R", "UCHLOE")
    desk.say("/skills", "add r", "UBEN")

    # 1. Ana asks with /ask: the three Python fellows get it, from both challenges; nobody else.
    view = desk.ask("Comment tester un DAG Airflow ?", "UANA")
    assert desk.submit(view, "UANA", skills="python") is None
    airflow = int(buttons(desk.channel()[-1])[ids.HELP_OFFER])
    assert reached(desk, airflow) == {"UBEN", "UDAVID", "UFRED"}

    # 2. Eva's stand-up blocker becomes a request through the confirmation's button.
    with desk.ctx.uow() as uow:
        eig7 = uow.cohorts.by_name("eig7").id
    blocker = "L’export CSV casse les accents dans Excel, et le graphique du tableau de bord aussi"
    dispatch(
        desk.app,
        block_action(
            ids.STANDUP_BLOCKER_TO_HELP,
            blocker_value(eig7, blocker),
            user_id="UEVA",
            channel_id=desk.fake.dm_channel("UEVA"),
            trigger_id=desk.fake.new_trigger_id(),
        ),
    )
    form = desk.opened()
    assert form["blocks"][0]["element"]["initial_value"] == blocker
    assert desk.submit(form, "UEVA", skills="data-viz") is None
    export_request = int(buttons(desk.channel()[-1])[ids.HELP_OFFER])
    assert reached(desk, export_request) == {"UBEN", "UCHLOE"}

    # 3. Claimed: Ben double-clicks, David offers too; Ana hears of each helper once.
    desk.ctx.clock.advance(minutes=40)
    desk.click(ids.HELP_OFFER, airflow, "UBEN", channel=desk.fake.dm_channel("UBEN"))
    desk.click(ids.HELP_OFFER, airflow, "UBEN", channel=desk.fake.dm_channel("UBEN"))
    desk.click(ids.HELP_OFFER, airflow, "UDAVID")
    told = [text for text in desk.dms("UANA") if "propose son aide" in text]
    assert [text.split(" ")[0] for text in told] == ["<@UBEN>", "<@UDAVID>"]
    assert [o.helper for o in desk.request_row(airflow)[1]] == ["UBEN", "UDAVID"]
    desk.click(ids.HELP_OFFER, export_request, "UCHLOE")

    # 4. Resolved with thanks: the helpers are credited, the channel message updated in place.
    desk.ctx.clock.advance(hours=2)
    assert desk.resolve(airflow, "UANA", thanks="Merci à vous deux !") is None
    assert desk.resolve(export_request, "UEVA", credited=["UCHLOE"]) is None
    posts = desk.channel()
    assert len(posts) == 2 and all(buttons(post) == {} for post in posts)
    assert "Merci à <@UBEN>, <@UDAVID>" in json.dumps(posts[0]["blocks"], ensure_ascii=False)

    # 5. A request nobody answers: re-routed to the next best after 24 h, then its asker nudged at 7 days.
    view = desk.ask("Quel package R pour les cartes ?", "UDAVID")
    assert desk.submit(view, "UDAVID", skills="R") is None
    maps = int(buttons(desk.channel()[-1])[ids.HELP_OFFER])
    first = reached(desk, maps)
    assert len(first) == 3 and "UDAVID" not in first
    later(desk, hours=12)
    assert reached(desk, maps) == first
    later(desk, hours=12)
    assert reached(desk, maps) == {"UBEN", "UCHLOE", "UEVA", "UFRED"}
    assert "je l’ai aussi envoyée à" in desk.dms("UDAVID")[-1]
    later(desk, hours=1)
    later(desk, days=6)
    nudge = desk.fake.messages("UDAVID")[-1]
    assert "ouverte depuis une semaine" in nudge["text"] and ids.HELP_REASK in buttons(nudge)
    later(desk, days=1)
    assert sum("une semaine" in text for text in desk.dms("UDAVID")) == 1

    # 6. The figures: for the fellows in /skills, for the program team in the export.
    assert "aides données\u00a0: 1 · aides reçues\u00a0: 0" in desk.say("/skills", "", "UBEN")
    assert "aides reçues\u00a0: 1" in desk.say("/skills", "", "UANA")
    out = io.StringIO()
    export.run(SimpleNamespace(cohort="eig7", format="json", out=None), engine, out)
    history = json.loads(out.getvalue())
    figures = {row["slack_id"]: row for row in history["help_figures"]}
    assert (figures["UBEN"]["helps_given"], figures["UDAVID"]["helps_given"], figures["UFRED"]["offers"]) == (
        1,
        1,
        0,
    )
    assert figures["UANA"]["median_minutes_to_first_offer"] == 40
    assert figures["UANA"]["median_minutes_to_resolution"] == 160
    statuses = [(row["title"][:12], row["status"], row["credited"]) for row in history["help_requests"]]
    assert statuses == [
        ("Comment test", "resolved", "UBEN UDAVID"),
        ("L’export CSV", "resolved", "UCHLOE"),
        ("Quel package", "open", ""),
    ]

"""Personal data from the person's side: the notice, their file, erasure, a restored backup, retention."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import String, Text, select

from bot.features import PERSONAL_COLUMNS, metadata
from bot.privacy import forget, print_record, reapply_at_start
from bot.settings import load_settings
from bot.tombstones import FileTombstones
from domain.cohorts.records import AuditAction, AuditEntry
from handlers.blocks.cohorts.show import audit_line
from schedules.privacy import PURGE_JOB
from storage.db import make_engine
from storage.models import CohortRow
from storage.peer_help.tables import HelpRequestRow
from storage.standups.tables import StandupEntryRow

ANSWER = "Je bloque sur le modèle de données du ministère"
DETAILS = "Besoin d'aide sur PostGIS, mon fichier s'appelle ana-secret.geojson"
OTHER = "Réponse de Ben, qui reste"


def _seed(workspace, ctx) -> str:
    """eig7 with Ana and Ben, each with an answer (Ana's posted in the channel) and Ana's help request."""
    workspace.say("create eig7 <#C100> end=2026-06-30")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=sante")
    posted = ctx.slack.chat_postMessage(channel="C100", text=ANSWER)
    now = ctx.clock.now()
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        session = uow.session
        for user, text, ts in (("UANA", ANSWER, posted["ts"]), ("UBEN", OTHER, None)):
            session.add(
                StandupEntryRow(
                    cohort_id=cohort.id,
                    user_id=user,
                    local_date=date(2026, 3, 2),
                    status="answered",
                    answers=json.dumps([text]),
                    submitted_at=now,
                    post_channel="C100" if ts else None,
                    post_ts=ts,
                )
            )
        session.add(
            HelpRequestRow(
                cohort_id=cohort.id,
                asker="UANA",
                title="PostGIS",
                details=DETAILS,
                origin="ask",
                status="open",
                created_at=now,
            )
        )
        uow.commit()
    return posted["ts"]


def _copy(source, target) -> None:
    """SQLite's backup API: the copy holds what the write-ahead log holds too."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def _restore_postgres(engine, database_url) -> None:
    """PostgreSQL: the restored backup is played by putting Ana's rows back as they were."""
    ctx_rows = _SNAPSHOT[database_url]
    with engine.begin() as connection:
        for table in metadata().sorted_tables:
            if table.name in ctx_rows:
                connection.execute(table.delete())
                if ctx_rows[table.name]:
                    connection.execute(table.insert(), ctx_rows[table.name])


_SNAPSHOT: dict[str, dict[str, list[dict]]] = {}


def _snapshot(engine, database_url) -> None:
    """Every row of the tables that hold personal data, as a pg_dump would keep them."""
    names = {c.name for c in PERSONAL_COLUMNS} | {"erasure"}
    with engine.connect() as connection:
        _SNAPSHOT[database_url] = {
            t.name: [dict(r) for r in connection.execute(select(t)).mappings()]
            for t in metadata().sorted_tables
            if t.name in names
        }


def _everything_about(engine, user_id: str) -> dict[str, list[dict]]:
    """A full dump: every row of every table where some text column holds exactly `user_id`."""
    found: dict[str, list[dict]] = {}
    with engine.connect() as connection:
        for table in metadata().sorted_tables:
            columns = [c for c in table.c if isinstance(c.type, String | Text)]
            for row in connection.execute(select(table)).mappings():
                if any(row[c.name] == user_id for c in columns):
                    found.setdefault(table.name, []).append(dict(row))
    return found


def _texts_anywhere(engine, texts: tuple[str, ...]) -> list[str]:
    """Where any of `texts` is stored, as typed or as JSON writes it (accents escaped)."""
    needles = {form for text in texts for form in (text, json.dumps(text)[1:-1])}
    hits = []
    with engine.connect() as connection:
        for table in metadata().sorted_tables:
            columns = [c for c in table.c if isinstance(c.type, String | Text)]
            for row in connection.execute(select(table)).mappings():
                hits += [
                    f"{table.name}.{c.name}" for c in columns for n in needles if n in str(row[c.name] or "")
                ]
    return hits


def test_the_record_of_processing_comes_from_the_declarations():
    out = io.StringIO()
    settings = load_settings({"COHORTBOT_PRIVACY_CONTACT": "dpo@example.org"})
    print_record(settings, "en", out)
    text = out.getvalue()
    assert "dpo@example.org" in text
    for table in ("standup_entry", "help_request", "mentor_checkin", "training_feedback", "membership"):
        assert table in text
    assert "Your stand-up answers (free text)" in text and "6 months after the cohort ends" in text


def test_privacy_notice_names_what_is_kept_who_sees_it_and_the_contact(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    notice = workspace.cohort("privacy eig7", user="UANA")
    shown = json.dumps(notice["blocks"], ensure_ascii=False)
    assert "Vos réponses aux stand-ups (texte libre)" in shown
    assert "6 mois après la fin de la cohorte" in shown
    assert "dpo@example.org" in shown
    refused = workspace.say("privacy eig7", user="UBEN")
    assert refused.startswith("Visible uniquement")
    assert workspace.say("privacy eig7 de trop", user="UANA").endswith(
        "Utilisation\u00a0: /cohort privacy [NOM]"
    )


def test_welcome_once_farewell_and_who_is_not_in_the_channel(workspace, ctx, clock):
    from bot.features import tick_jobs
    from schedules.engine import tick

    workspace.fake.add_channel("C900", name="eig9", members=["UANA"])
    workspace.say("create eig9 <#C900>")
    reply = workspace.say("add eig9 <@UANA> <@UBEN> challenge=IA")
    assert "Pas encore dans <#C900>, invitez-les\u00a0: <@UBEN>." in reply
    tick(ctx, clock.now(), tick_jobs())
    [welcome] = workspace.fake.messages("UANA")
    assert welcome["text"].startswith("Bienvenue dans la cohorte eig9")
    body = json.dumps(welcome["blocks"], ensure_ascii=False)
    assert "en tant que fellow, défi" in body and "/standup" in body and "Vos réponses aux stand-ups" in body
    workspace.say("add eig9 <@UANA> as mentor")
    clock.advance(minutes=5)
    tick(ctx, clock.now(), tick_jobs())
    assert len(workspace.fake.messages("UANA")) == 1, "re-adding sends nothing new"
    workspace.say("remove eig9 <@UANA>")
    clock.advance(minutes=5)
    tick(ctx, clock.now(), tick_jobs())
    tick(ctx, clock.now(), tick_jobs())
    farewell = workspace.fake.messages("UANA")[1:]
    assert [m["text"] for m in farewell] == [
        "Vous ne faites plus partie de la cohorte eig9. Merci de votre participation."
    ]


def test_access_erasure_restore_and_retention(workspace, ctx, clock, engine, database_url, tmp_path):
    ts = _seed(workspace, ctx)
    # Access: the file holds exactly what the database held about Ana when she asked.
    dump = _everything_about(engine, "UANA")
    workspace.cohort("mydata", user="UANA")
    [upload] = [f for f in workspace.fake.state.files if f["name"].endswith(".json")]
    content = upload["content"]
    document = json.loads(content.decode() if isinstance(content, bytes) else content)
    assert set(document["tables"]) == set(dump)
    for table, rows in dump.items():
        assert len(document["tables"][table]) == len(rows), table
    assert OTHER not in json.dumps(document, ensure_ascii=False)
    assert DETAILS in json.dumps(document, ensure_ascii=False)

    backup = tmp_path / "before-erasure.db"
    if database_url.startswith("sqlite"):
        _copy(database_url.removeprefix("sqlite:///"), backup)
    else:
        _snapshot(engine, database_url)
    ctx.tombstones = FileTombstones(str(tmp_path / "erasures.jsonl"))

    # Erasure: none of her text anywhere, the figures still add up, her channel message says (removed).
    out = io.StringIO()
    forget(ctx, "UANA", None, "en", out)
    assert "pseudonym X" in out.getvalue()
    assert _texts_anywhere(engine, (ANSWER, DETAILS)) == []
    assert _everything_about(engine, "UANA") == {}
    assert _texts_anywhere(engine, ("UANA",)) == [], "her Slack id is nowhere, not even inside the audit log"
    with ctx.uow() as uow:
        entries = uow.session.scalars(select(StandupEntryRow)).all()
        assert sorted(e.status for e in entries) == ["answered", "answered"]
        assert OTHER in [json.loads(e.answers)[0] for e in entries if e.answers != "[]"]
    [edited] = [m for m in workspace.fake.messages("C100") if m["ts"] == ts]
    assert edited["text"] == "(supprimé)"

    # Starting the bot again finds the tombstone and nothing left to erase.
    reapply_at_start(ctx, "en")
    assert _texts_anywhere(engine, (ANSWER, DETAILS)) == []
    assert "UANA" not in (tmp_path / "erasures.jsonl").read_text()

    # A backup taken before the erasure is restored: starting the bot erases her again.
    if database_url.startswith("sqlite"):
        _copy(backup, database_url.removeprefix("sqlite:///"))
    else:
        _restore_postgres(engine, database_url)
    assert _texts_anywhere(engine, (ANSWER, DETAILS)) != []
    reapply_at_start(ctx, "en")
    assert _texts_anywhere(engine, (ANSWER, DETAILS)) == []
    assert _everything_about(engine, "UANA") == {}

    # Retention: six months after its end, the daily job deletes the cohort's text and tells the team.
    clock.set(datetime(2027, 1, 1, 2, 30, tzinfo=UTC))
    report = PURGE_JOB.run(ctx, clock.now())
    assert report["texts deleted"] == 1
    assert _texts_anywhere(make_engine(database_url), (OTHER,)) == []
    [told] = workspace.fake.messages("UADMIN")[-1:]
    assert "eig7" in told["text"] and "1 enregistrement" in told["text"]
    shown = json.dumps(workspace.cohort("show eig7")["blocks"], ensure_ascii=False)
    assert "`retention` a supprimé les textes libres échus (1 enregistrement)" in shown
    assert PURGE_JOB.run(ctx, clock.now() + timedelta(hours=1))["texts deleted"] == 0
    # Thirty-six months after the end, the cohort goes, figures and audit included.
    clock.set(datetime(2029, 7, 1, 2, 30, tzinfo=UTC))
    PURGE_JOB.run(ctx, clock.now())
    with ctx.uow() as uow:
        assert uow.session.scalars(select(CohortRow)).all() == []


@pytest.mark.parametrize(
    ("lang", "count", "ending"),
    [
        ("fr", 1, "a supprimé les textes libres échus (1 enregistrement)"),
        ("fr", 4, "a supprimé les textes libres échus (4 enregistrements)"),
        ("en", 1, "deleted the free text past its retention (1 record)"),
        ("en", 4, "deleted the free text past its retention (4 records)"),
    ],
)
def test_the_purges_audit_line_agrees_with_its_count(lang, count, ending):
    entry = AuditEntry(
        1, "retention", AuditAction.PURGE, datetime(2027, 1, 1, 2, 30, tzinfo=UTC), {"count": count}
    )
    assert audit_line(entry, lang, "Europe/Paris").endswith(f"`retention` {ending}")

"""`cohortbot import-roster` and `cohortbot export`, run in-process as an operator would run them."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from bot.cli import main
from domain.cohorts.model import NewCohort
from domain.cohorts.records import CohortHoliday

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def operator(monkeypatch, tmp_path, database_url, fake_slack):
    """The environment of an operator's shell, with a cohort eig7 and a fake Slack."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "COHORTBOT_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    monkeypatch.setenv("COHORTBOT_LANG", "en")
    return tmp_path


@pytest.fixture
def eig7(ctx):
    with ctx.uow() as uow:
        uow.cohorts.add(NewCohort("eig7", "Europe/Paris", "fr", "FR", date(2026, 9, 1), None), "C100", NOW)
        uow.commit()


def write(folder, text: str, name="roster.csv", encoding="utf-8") -> str:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def run(*args) -> int:
    return main(list(args))


def members(ctx) -> set[tuple]:
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        return {(m.user_id, m.role.value, m.challenge_slug) for m in uow.members.of_cohort(cohort.id)}


def test_id_rows_cost_no_look_up_and_a_second_import_changes_nothing(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_channel("C100", members=["U0ANA", "U0BEN", "U0CHLOE"])
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\n<@U0BEN|ben>,mentor,\nU0CHLOE,admin,\n")
    assert run("import-roster", path, "--cohort", "EIG7") == 0
    assert capsys.readouterr().out.strip() == "eig7: 3 added, 0 changed, 0 unchanged."
    assert members(ctx) == {("U0ANA", "fellow", "ia"), ("U0BEN", "mentor", None), ("U0CHLOE", "admin", None)}
    # No profile is read for an id row: the one call is the channel's member list.
    assert [call.method for call in fake_slack.calls()] == ["conversations.members"]
    with ctx.uow() as uow:
        audit = uow.audit.all_of(uow.cohorts.by_name("eig7").id)
    fake_slack.reset()
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert capsys.readouterr().out.strip() == "eig7: 0 added, 0 changed, 3 unchanged."
    assert fake_slack.count() == 0  # nobody placed, nobody to look for in the channel
    with ctx.uow() as uow:
        assert uow.audit.all_of(uow.cohorts.by_name("eig7").id) == audit
    assert audit[-1].actor.startswith("cli")


def test_people_imported_by_id_are_looked_up_once_as_they_are_welcomed(
    operator, eig7, ctx, fake_slack, capsys
):
    from bot.features import tick_jobs
    from schedules.engine import tick

    fake_slack.add_user("U0ANA", name="ana", tz="America/Cayenne", locale="fr-FR")
    fake_slack.add_user("U0BEN", name="ben", tz="Europe/Paris", locale="en-GB")
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\nU0BEN,fellow,IA\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert fake_slack.count("users.info") == 0
    imported = datetime.now(UTC)  # the command line runs on the wall clock
    for minutes in (1, 2):  # the welcomes, then a tick with nothing new
        ctx.clock.set(imported + timedelta(minutes=minutes))
        tick(ctx, ctx.clock.now(), tick_jobs())
    assert sorted(call.params["user"] for call in fake_slack.calls("users.info")) == ["U0ANA", "U0BEN"]
    assert all(fake_slack.messages(user) for user in ("U0ANA", "U0BEN")), "each is welcomed"
    with ctx.uow() as uow:
        profiles = uow.profiles.get_many(["U0ANA", "U0BEN"])
    assert [(p.display_name, p.timezone, p.lang) for p in (profiles["U0ANA"], profiles["U0BEN"])] == [
        ("ana", "America/Cayenne", "fr"),
        ("ben", "Europe/Paris", "en"),
    ]


# -- who is not in the cohort's channel -----------------------------------------------------------


def test_people_placed_outside_the_cohorts_channel_are_named_after_the_summary(
    operator, eig7, ctx, fake_slack, capsys
):
    fake_slack.add_channel("C100", members=["U0BEN"])
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\nU0BEN,fellow,IA\nU0CLO,mentor,\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert capsys.readouterr().out.splitlines() == [
        "eig7: 3 added, 0 changed, 0 unchanged.",
        "Not in the cohort's channel (C100) yet, invite them: U0ANA, U0CLO.",
    ]
    assert fake_slack.count("conversations.members") == 1 and fake_slack.count("users.info") == 0
    # Moved to another challenge: named again; unchanged rows are not looked for.
    fake_slack.reset()
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,Data\nU0BEN,fellow,IA\nU0CLO,mentor,\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert capsys.readouterr().out.splitlines() == [
        "eig7: 0 added, 1 changed, 2 unchanged.",
        "Not in the cohort's channel (C100) yet, invite them: U0ANA.",
    ]
    assert fake_slack.count() == 1


def test_the_channel_line_is_in_french_by_default(operator, eig7, ctx, fake_slack, capsys, monkeypatch):
    monkeypatch.delenv("COHORTBOT_LANG")
    fake_slack.add_channel("C100", members=[])
    assert (
        run(
            "import-roster", write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\n"), "--cohort", "eig7"
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines()[1] == (
        "Pas encore dans le canal de la cohorte (C100), invitez-les\u00a0: U0ANA."
    )


def test_everybody_in_the_channel_means_no_line(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_channel("C100", members=[f"U{index:05d}" for index in range(1500)])
    rows = "".join(f"U{index:05d},fellow,IA\n" for index in range(0, 1500, 100))
    assert run("import-roster", write(operator, "slack_id,role,challenge\n" + rows), "--cohort", "eig7") == 0
    assert capsys.readouterr().out.splitlines() == ["eig7: 15 added, 0 changed, 0 unchanged."]
    assert fake_slack.count("conversations.members") == 2  # one paging of 1,000 members a page


@pytest.mark.parametrize("refusal", ["channel_not_found", "not_in_channel"])
def test_a_channel_the_bot_cannot_read_means_no_line_and_the_import_stands(
    operator, eig7, ctx, fake_slack, capsys, refusal
):
    fake_slack.add_channel("C100", members=[])
    fake_slack.fail_next("conversations.members", refusal)
    assert (
        run(
            "import-roster", write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\n"), "--cohort", "eig7"
        )
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["eig7: 1 added, 0 changed, 0 unchanged."] and captured.err == ""
    assert members(ctx) == {("U0ANA", "fellow", "ia")}


def test_slack_failing_after_the_import_is_told_and_the_import_stands(
    operator, eig7, ctx, fake_slack, capsys, monkeypatch
):
    monkeypatch.setenv("COHORTBOT_LANG", "fr")
    fake_slack.add_channel("C100", members=[])
    fake_slack.fail_next("conversations.members", status=500, times=5)
    assert (
        run(
            "import-roster", write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\n"), "--cohort", "eig7"
        )
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["eig7\u00a0: 1 ajout, 0 modification, 0 sans changement."]
    assert captured.err.strip() == (
        "Import terminé\u202f; impossible de vérifier qui n’est pas dans le canal de la cohorte (http_500)."
    )
    assert members(ctx) == {("U0ANA", "fellow", "ia")}


def test_email_rows_cost_one_lookup_each(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.org", tz="America/Cayenne")
    fake_slack.add_user("U0BEN", name="ben", email="Ben@Example.org")
    path = write(operator, "email,role,challenge\nana@example.org,fellow,ia\nBEN@example.org,mentor,ia\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert fake_slack.count("users.lookupByEmail") == 2 and fake_slack.count("conversations.members") == 1
    assert fake_slack.count() == 3
    assert members(ctx) == {("U0ANA", "fellow", "ia"), ("U0BEN", "mentor", "ia")}
    with ctx.uow() as uow:
        ana = uow.profiles.get_many(["U0ANA"])["U0ANA"]
    assert (ana.display_name, ana.timezone) == ("ana", "America/Cayenne")


def test_a_rate_limited_look_up_is_waited_out(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.org")
    fake_slack.rate_limit_next("users.lookupByEmail", retry_after=1)
    path = write(operator, "email,role,challenge\nana@example.org,fellow,ia\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert fake_slack.count("users.lookupByEmail") == 2 and members(ctx) == {("U0ANA", "fellow", "ia")}


def test_a_spreadsheet_export_with_bom_and_semicolons(operator, eig7, ctx, capsys):
    text = "\ufeffSlack ID;Rôle;Challenge;Timezone\nU0ANA;Fellow;Données ouvertes;europe/brussels\n"
    text = text.replace("Rôle", "Role")
    path = write(operator, text, encoding="utf-8")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert members(ctx) == {("U0ANA", "fellow", "donnees-ouvertes")}
    with ctx.uow() as uow:
        assert uow.profiles.get_many(["U0ANA"])["U0ANA"].timezone == "Europe/Brussels"
    path = write(operator, text.replace("europe/brussels", "Asia/Tokyo"))
    assert run("import-roster", path, "--cohort", "eig7") == 0
    out = capsys.readouterr().out
    assert "eig7: 0 added, 1 changed, 0 unchanged.\nFellows 3 hours or more" in out  # Tokyo is far


def test_every_bad_row_is_reported_by_line_and_nothing_is_imported(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_user("U0BOT2", name="helper", email="bot@example.org", is_bot=True)
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.org")
    path = write(
        operator,
        "\n".join(
            [
                "email,role,challenge",
                "ana@example.org,fellow,ia",
                "nobody@example.org,fellow,ia",
                "bot@example.org,mentor,",
                "not-an-email,fellow,ia",
                "ana@example.org,mentor,",
                "chloe@example.org,boss,ia",
                "",
            ]
        ),
    )
    assert run("import-roster", path, "--cohort", "eig7") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == "The roster has mistakes, listed by line below; nothing was imported."
    # One pass: the file's own mistakes and the addresses Slack does not know, together.
    assert err[1:] == [
        "Line 3: No Slack user has the e-mail address nobody@example.org.",
        "Line 4: bot@example.org belongs to a bot: only people can be members of a cohort.",
        'Line 5: "not-an-email" is not an e-mail address.',
        "Line 6: ana@example.org is already listed on line 2.",
        'Line 7: Unknown role "boss": use fellow, mentor or admin.',
    ]
    assert members(ctx) == set()


def test_slack_look_ups_report_their_rows_too(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_user("U0BOT2", name="helper", email="bot@example.org", is_bot=True)
    fake_slack.add_user("U0GONE", name="gone", email="gone@example.org", deleted=True)
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.org")
    path = write(
        operator,
        "email,role,challenge\nana@example.org,fellow,ia\nnobody@example.org,fellow,ia\n"
        "bot@example.org,mentor,\ngone@example.org,fellow,ia\nu0ana.alias@example.org,fellow,\n",
    )
    assert run("import-roster", path, "--cohort", "eig7") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[1:] == [
        "Line 3: No Slack user has the e-mail address nobody@example.org.",
        "Line 4: bot@example.org belongs to a bot: only people can be members of a cohort.",
        "Line 5: gone@example.org belongs to a deactivated Slack account.",
        "Line 6: No Slack user has the e-mail address u0ana.alias@example.org.",
    ]
    assert members(ctx) == set()


def test_an_admin_with_a_challenge_is_a_bad_row(operator, eig7, ctx, capsys):
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,ia\nU0BEN,admin,ia\n")
    assert run("import-roster", path, "--cohort", "eig7") == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .splitlines()[1]
        .startswith("Line 3: An admin manages the whole cohort")
    )
    assert members(ctx) == set()


def test_mistakes_are_told_in_french_by_default(operator, eig7, monkeypatch, capsys):
    monkeypatch.delenv("COHORTBOT_LANG")
    path = write(operator, "slack_id,role,challenge\nnope,fellow,ia\n")
    assert run("import-roster", path, "--cohort", "eig7") == 2
    assert capsys.readouterr().err.splitlines()[1].startswith("Ligne 2")


@pytest.mark.parametrize(
    "cohort,text,expected",
    [
        ("nope", "slack_id,role,challenge\nU0ANA,fellow,ia\n", 'There is no cohort named "nope"'),
        ("eig7", "", "The file is empty"),
    ],
)
def test_one_line_for_a_mistake_about_the_whole_import(operator, eig7, capsys, cohort, text, expected):
    path = write(operator, text)
    assert run("import-roster", path, "--cohort", cohort) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("cohortbot: " + expected)


def test_email_rows_need_a_token(operator, eig7, monkeypatch, capsys):
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    assert (
        run(
            "import-roster",
            write(operator, "email,role,challenge\na@example.org,fellow,\n"),
            "--cohort",
            "eig7",
        )
        == 2
    )
    assert capsys.readouterr().err.startswith("cohortbot: SLACK_BOT_TOKEN: ")
    assert (
        run("import-roster", write(operator, "slack_id,role,challenge\nU0ANA,fellow,\n"), "--cohort", "eig7")
        == 0
    )


def test_a_large_file_shows_its_progress(operator, eig7, ctx, fake_slack, capsys):
    rows = []
    for index in range(600):
        fake_slack.add_user(f"U{index:05d}", email=f"p{index}@example.org")
        rows.append(f"p{index}@example.org,fellow,team-{index % 7}")
    path = write(operator, "email,role,challenge\n" + "\n".join(rows) + "\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == ["Rows checked: 500 of 600…"]
    assert captured.out.strip() == "eig7: 600 added, 0 changed, 0 unchanged."
    assert fake_slack.count("users.lookupByEmail") == 600 and len(members(ctx)) == 600


# -- export ----------------------------------------------------------------------------------------------


def test_export_writes_the_history_as_csv_and_json(operator, eig7, capsys):
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\nU0BEN,mentor,\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    capsys.readouterr()
    assert run("export", "--cohort", "EIG7", "--format", "json") == 0
    history = json.loads(capsys.readouterr().out)
    # The cohort's own sections come first; each feature (stand-ups, check-ins…) adds its own after them.
    assert list(history)[:5] == ["cohort", "challenges", "members", "holidays", "audit"]
    assert history["cohort"][0]["name"] == "eig7"
    assert {m["slack_id"] for m in history["members"]} == {"U0ANA", "U0BEN"}
    assert json.loads(history["audit"][0]["details"]) == {"added": 2, "changed": 0, "unchanged": 0}
    out = operator / "eig7.csv"
    assert run("export", "--cohort", "eig7", "--out", str(out)) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["cohort"] and rows[1][0] == "name" and rows[2][0] == "eig7"
    assert ["members"] in rows and ["audit"] in rows


def as_a_french_spreadsheet_reads(data: bytes) -> list[list[str]]:
    """The cells a French spreadsheet shows: UTF-8 told by its BOM, ";" between cells."""
    assert data.startswith(b"\xef\xbb\xbf"), "without a BOM, accents are read as Windows-1252"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def exported_instant(name: str, section: str, capsys) -> datetime:
    """When the first record of a section happened, as the JSON export gives it (UTC)."""
    capsys.readouterr()
    assert run("export", "--cohort", name, "--format", "json") == 0
    return datetime.fromisoformat(json.loads(capsys.readouterr().out)[section][0]["at"])


def test_a_french_cohort_exports_what_a_french_spreadsheet_opens_in_columns(operator, eig7, ctx, capsys):
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,sante\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        uow.cohorts.add_holiday(
            CohortHoliday(cohort.id, date(2026, 5, 14), date(2026, 5, 15), "Pont de l’Ascension")
        )
        uow.commit()
    out = operator / "eig7.csv"
    assert run("export", "--cohort", "eig7", "--out", str(out)) == 0
    rows = as_a_french_spreadsheet_reads(out.read_bytes())
    holidays = rows[rows.index(["holidays"]) + 1 :][:2]
    assert holidays == [["first", "last", "reason"], ["2026-05-14", "2026-05-15", "Pont de l’Ascension"]]
    audit = rows[rows.index(["audit"]) + 1 :][:2]
    assert audit[0] == ["at", "actor", "action", "details"]
    # The cohort's wall clock, to the second: no offset, no fraction for the spreadsheet to choke on.
    at = exported_instant("eig7", "audit", capsys)
    assert audit[1][0] == at.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M:%S")
    capsys.readouterr()
    assert run("export", "--cohort", "eig7") == 0
    # The same tables on standard output (the audit log has one export more by then).
    before_audit = rows.index(["audit"])
    assert (
        as_a_french_spreadsheet_reads(capsys.readouterr().out.encode("utf-8"))[:before_audit]
        == rows[:before_audit]
    )


def test_an_english_cohort_keeps_commas(operator, ctx, capsys):
    with ctx.uow() as uow:
        uow.cohorts.add(NewCohort("promo", "Europe/London", "en", "GB", date(2026, 9, 1), None), "C200", NOW)
        uow.commit()
    assert run("export", "--cohort", "promo") == 0
    text = capsys.readouterr().out
    assert not text.startswith("\ufeff") and text.splitlines()[1].startswith("name,channel_id,timezone")


def test_the_xlsx_export_has_one_sheet_per_table(operator, eig7, ctx, capsys):
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,=1+1\nU0BEN,mentor,\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        uow.cohorts.add_holiday(
            CohortHoliday(cohort.id, date(2026, 12, 24), date(2027, 1, 1), "=cmd|' /C calc'!A0")
        )
        uow.commit()
    out = operator / "eig7.xlsx"
    assert run("export", "--cohort", "eig7", "--format", "xlsx", "--out", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[:5] == ["cohort", "challenges", "members", "holidays", "audit"]
    members = workbook["members"]
    assert [cell.value for cell in members[1]][:3] == ["slack_id", "name", "role"]
    assert members["A1"].font.bold and members.freeze_panes == "A2"
    holidays = workbook["holidays"]
    assert [cell.value for cell in holidays[2]] == [
        datetime(2026, 12, 24),
        datetime(2027, 1, 1),
        "=cmd|' /C calc'!A0",
    ]
    # Text starting like a formula stays text: never run, shown as typed.
    assert holidays["C2"].data_type == "s" and holidays["C2"].quotePrefix
    audit = workbook["audit"]
    at = exported_instant("eig7", "audit", capsys).astimezone(ZoneInfo("Europe/Paris"))
    assert audit["A2"].value == at.replace(tzinfo=None, microsecond=0)
    assert audit["A2"].number_format == "yyyy-mm-dd hh:mm:ss"


def test_the_xlsx_export_needs_a_file(operator, eig7, capsys):
    assert run("export", "--cohort", "eig7", "--format", "xlsx") == 2
    assert "--out" in capsys.readouterr().err


def test_export_of_an_unknown_cohort_is_one_line(operator, capsys):
    assert run("export", "--cohort", "nope") == 2
    assert (
        capsys.readouterr().err.strip()
        == 'cohortbot: There is no cohort named "nope"; /cohort list shows them.'
    )


def test_the_operator_is_told_of_fellows_far_from_the_cohorts_zone(operator, eig7, ctx, capsys):
    path = write(
        operator,
        "slack_id,role,challenge,timezone\nU0ANA,fellow,IA santé,America/Cayenne\n"
        "U0BEN,fellow,IA santé,Africa/Dakar\nU0CLAIRE,mentor,IA santé,America/Cayenne\n",
    )
    assert run("import-roster", path, "--cohort", "eig7") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "Fellows 3 hours or more from the cohort's zone (Europe/Paris): U0ANA (Cayenne, −4 h)."
    assert "zone=fellow" in out[2]
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # told once


def test_a_french_spreadsheet_roster_imports(operator, eig7, ctx, fake_slack, capsys, monkeypatch):
    # As Excel in French saves "CSV UTF-8": a BOM, semicolons, French headers, Windows line ends.
    monkeypatch.setenv("COHORTBOT_LANG", "fr")
    fake_slack.add_user("U0AWA", name="awa", email="awa.ba@example.sn")
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.sn")
    text = "\r\n".join(
        [
            "Nom;Prénom;Courriel;Rôle;Défi;Fuseau horaire",
            "Ba;Awa;Awa.Ba@example.sn;Admin;;Africa/Dakar",
            "Diop;Ana;ana@example.sn;Fellow;Données ouvertes;",
            "",
        ]
    )
    path = write(operator, "\ufeff" + text)
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert capsys.readouterr().out.strip() == "eig7\u00a0: 2 ajouts, 0 modification, 0 sans changement."
    assert members(ctx) == {("U0AWA", "admin", None), ("U0ANA", "fellow", "donnees-ouvertes")}


def test_french_roster_mistakes_in_one_pass_in_french(operator, eig7, ctx, fake_slack, capsys, monkeypatch):
    monkeypatch.setenv("COHORTBOT_LANG", "fr")
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.sn")
    path = write(
        operator, "E-mail;Rôle;Défi\nana@example.sn;fellow;ia\nawa@autre-domaine.sn;fellow;ia\nana;coach;ia\n"
    )
    assert run("import-roster", path, "--cohort", "eig7") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[1:] == [
        "Ligne 3\u00a0: Aucun compte Slack n’a l’adresse e-mail awa@autre-domaine.sn.",
        "Ligne 4\u00a0: «\u202fana\u202f» n’est pas une adresse e-mail.",
        "Ligne 4\u00a0: Rôle inconnu «\u202fcoach\u202f»\u00a0: utilisez fellow, mentor ou admin.",
    ]
    assert members(ctx) == set()

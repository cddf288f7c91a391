"""`cohortbot import-roster` and `cohortbot export`, run in-process as an operator would run them."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest

from bot.cli import main
from domain.cohorts.model import NewCohort

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


def test_id_rows_cost_no_slack_call_and_a_second_import_changes_nothing(
    operator, eig7, ctx, fake_slack, capsys
):
    path = write(operator, "slack_id,role,challenge\nU0ANA,fellow,IA\n<@U0BEN|ben>,mentor,\nU0CHLOE,admin,\n")
    assert run("import-roster", path, "--cohort", "EIG7") == 0
    assert capsys.readouterr().out.strip() == "eig7: 3 added, 0 changed, 0 unchanged."
    assert members(ctx) == {("U0ANA", "fellow", "ia"), ("U0BEN", "mentor", None), ("U0CHLOE", "admin", None)}
    assert fake_slack.count() == 0
    with ctx.uow() as uow:
        audit = uow.audit.all_of(uow.cohorts.by_name("eig7").id)
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert capsys.readouterr().out.strip() == "eig7: 0 added, 0 changed, 3 unchanged."
    with ctx.uow() as uow:
        assert uow.audit.all_of(uow.cohorts.by_name("eig7").id) == audit
    assert audit[-1].actor.startswith("cli")


def test_email_rows_cost_one_lookup_each(operator, eig7, ctx, fake_slack, capsys):
    fake_slack.add_user("U0ANA", name="ana", email="ana@example.org", tz="America/Cayenne")
    fake_slack.add_user("U0BEN", name="ben", email="Ben@Example.org")
    path = write(operator, "email,role,challenge\nana@example.org,fellow,ia\nBEN@example.org,mentor,ia\n")
    assert run("import-roster", path, "--cohort", "eig7") == 0
    assert fake_slack.count("users.lookupByEmail") == 2 and fake_slack.count() == 2
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
    assert [line.split(":")[0] for line in err[1:]] == ["Line 5", "Line 6", "Line 7"]
    assert members(ctx) == set() and fake_slack.count() == 0


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
    assert captured.err.strip().splitlines() == ["500 of 600 rows checked…"]
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
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["cohort"] and rows[1][0] == "name" and rows[2][0] == "eig7"
    assert ["members"] in rows and ["audit"] in rows


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

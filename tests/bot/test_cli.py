"""The command line as an operator uses it: real processes, exit codes, one clear line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def cohortbot(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("SLACK_", "COHORTBOT_"))}
    clean = {key: value for key, value in clean.items() if "proxy" not in key.lower()}
    clean.pop("DATABASE_URL", None)
    clean["PYTHONPATH"] = str(ROOT)
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd or ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_token_is_one_line_and_exit_2(tmp_path):
    result = cohortbot("tick", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SLACK_BOT_TOKEN" in lines[0]
    assert "Traceback" not in result.stderr


def test_malformed_setting_names_it_in_english_when_asked(tmp_path):
    result = cohortbot("migrate", env={"PORT": "abc", "COHORTBOT_LANG": "en"}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "cohortbot: PORT: a port number from 1 to 65535"


def test_settings_errors_speak_french_by_default(tmp_path):
    result = cohortbot("migrate", env={"PORT": "abc"}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("cohortbot\u00a0: PORT\u00a0: ") and "65535" in result.stderr
    assert "a port number" not in result.stderr


def test_run_needs_a_signing_secret_in_http_mode(tmp_path):
    result = cohortbot("run", env={"SLACK_BOT_TOKEN": "xoxb-test"}, cwd=tmp_path)
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr


def test_dotenv_is_read_and_the_environment_wins(tmp_path):
    (tmp_path / ".env").write_text("PORT=abc\nCOHORTBOT_LANG=en\n", encoding="utf-8")
    assert cohortbot("migrate", cwd=tmp_path).returncode == 2
    result = cohortbot(
        "migrate", env={"PORT": "3001", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr


def test_migrate_creates_the_database(tmp_path):
    path = tmp_path / "cohortbot.db"
    result = cohortbot("migrate", env={"DATABASE_URL": f"sqlite:///{path}"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"occurrence", "delivery", "alembic_version"} <= tables


def test_default_database_is_a_sqlite_file_in_the_working_directory(tmp_path):
    assert cohortbot("migrate", cwd=tmp_path).returncode == 0
    assert (tmp_path / "cohortbot.db").exists()


def test_unreachable_database_is_a_clear_error(tmp_path):
    result = cohortbot("migrate", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}"})
    assert result.returncode == 2 and "DATABASE_URL" in result.stderr and "Traceback" not in result.stderr


def test_a_token_slack_rejects_exits_2(tmp_path, fake_slack):
    env = {
        "SLACK_BOT_TOKEN": "xoxb-invalid",
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
    }
    result = cohortbot("tick", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr and "invalid_auth" in result.stderr
    assert "Traceback" not in result.stderr
    result = cohortbot("run", env={**env, "SLACK_SIGNING_SECRET": "s", "PORT": "3999"}, cwd=tmp_path)
    assert result.returncode == 2 and "invalid_auth" in result.stderr


def test_tick_prints_one_line_per_kind_and_twice_sends_nothing(tmp_path, fake_slack):
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
    }
    first = cohortbot("tick", "--at", "2026-03-02T09:30:00+01:00", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    kinds = [line.split(":")[0].strip() for line in first.stdout.strip().splitlines()]
    assert len(kinds) == len(set(kinds)) and "housekeeping" in kinds
    second = cohortbot("tick", "--at", "2026-03-02T09:30:00+01:00", env=env, cwd=tmp_path)
    assert second.returncode == 0
    assert fake_slack.count("chat.postMessage") == 0


def test_tick_rejects_a_bad_instant(tmp_path):
    result = cohortbot("tick", "--at", "tomorrow", env={"SLACK_BOT_TOKEN": "xoxb-test"}, cwd=tmp_path)
    assert result.returncode == 2 and "ISO-8601" in result.stderr


def test_tick_at_without_an_offset_is_not_guessed(tmp_path):
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    result = cohortbot("tick", "--at", "2026-03-30T09:30", env=env, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        "cohortbot\u00a0: --at 2026-03-30T09:30:00 n’a pas de décalage horaire\u00a0: écrivez-le "
        "(2026-03-30T09:30+02:00) ou donnez le fuseau avec --tz Europe/Paris"
    )
    english = cohortbot("tick", "--at", "2026-03-30T09:30", env={**env, "COHORTBOT_LANG": "en"}, cwd=tmp_path)
    assert (
        english.returncode == 2
        and "has no offset" in english.stderr
        and "--tz Europe/Paris" in english.stderr
    )
    unknown = cohortbot("tick", "--at", "2026-03-30T09:30", "--tz", "Mars/Olympus", env=env, cwd=tmp_path)
    assert unknown.returncode == 2 and "Mars/Olympus" in unknown.stderr
    # 02:30 does not exist in Paris on 29 March 2026: the clocks jump from 02:00 to 03:00.
    gap = cohortbot("tick", "--at", "2026-03-29T02:30", "--tz", "Europe/Paris", env=env, cwd=tmp_path)
    assert gap.returncode == 2 and "+01:00 ou +02:00" in gap.stderr


def test_tick_at_a_local_time_in_a_zone(tmp_path, fake_slack):
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
    }
    result = cohortbot("tick", "--at", "2026-03-30T09:30", "--tz", "Europe/Paris", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "housekeeping\u00a0: " in result.stdout and "nothing to do" not in result.stdout
    english = cohortbot(
        "tick", "--at", "2026-03-30T09:30", "--tz", "Europe/Paris", env={**env, "COHORTBOT_LANG": "en"}
    )
    assert english.returncode == 0 and "housekeeping: " in english.stdout


def test_help_errors_and_summaries_follow_the_operator_language(tmp_path):
    french = cohortbot("--help").stdout
    assert french.startswith("utilisation\u00a0: cohortbot") and "affiche cette aide et quitte" in french
    assert "import-roster" in french and "applique les migrations" in french
    english = cohortbot("tick", "--help", env={"COHORTBOT_LANG": "en"}).stdout
    assert (
        english.startswith("usage: cohortbot tick") and "--tz ZONE" in english and "show this help" in english
    )
    wrong = cohortbot("export", "--format", "pdf", "--cohort", "eig7")
    assert (
        wrong.returncode == 2
        and "choix invalide\u00a0: 'pdf'" in wrong.stderr
        and "usage" not in wrong.stderr
    )
    migrated = cohortbot("migrate", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}"}, cwd=tmp_path)
    assert migrated.stdout.strip() == "migrations\u00a0: à jour"


def test_manifest_prints_yaml_for_both_modes():
    http = yaml.safe_load(cohortbot("manifest", "--url", "https://bot.example.org").stdout)
    assert http["settings"]["event_subscriptions"]["request_url"] == "https://bot.example.org/slack/events"
    socket = yaml.safe_load(cohortbot("manifest", "--socket").stdout)
    assert socket["settings"]["socket_mode_enabled"] is True


def test_backup_copies_a_live_database(tmp_path):
    path = tmp_path / "cohortbot.db"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    assert cohortbot("migrate", env=env, cwd=tmp_path).returncode == 0
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO direct_channel VALUES ('U1', 'D1')")
    result = cohortbot("backup", str(tmp_path / "copy.db"), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("SELECT channel_id FROM direct_channel").fetchone() == ("D1",)
    again = cohortbot("backup", str(tmp_path / "copy.db"), env=env, cwd=tmp_path)
    assert again.returncode == 2 and "copy.db" in again.stderr


def test_python_dash_m_bot_is_the_same_program():
    result = subprocess.run([sys.executable, "-m", "bot", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "tick" in result.stdout and "import-roster" in result.stdout


def test_manifest_without_a_mode_refuses_in_one_line():
    result = cohortbot("manifest")
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "--url" in line and "--socket" in line and "example.com" not in line
    english = cohortbot("manifest", env={"COHORTBOT_LANG": "en"})
    assert english.returncode == 2 and english.stderr.startswith(
        "cohortbot: manifest: give the bot's public URL"
    )


def test_manifest_refuses_a_bad_url():
    result = cohortbot("manifest", "--url", "bot.example.org", env={"COHORTBOT_LANG": "en"})
    assert result.returncode == 2 and "--url" in result.stderr and "Traceback" not in result.stderr


def test_an_app_token_slack_rejects_exits_2(tmp_path, fake_slack):
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_APP_TOKEN": "xapp-1-refused",
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "PORT": "3998",
        "COHORTBOT_LANG": "en",
    }
    result = cohortbot("run", env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "SLACK_APP_TOKEN: Slack rejected the token" in result.stderr and "Traceback" not in result.stderr
    assert fake_slack.count("apps.connections.open") == 1


@pytest.mark.parametrize(
    ("lang", "usage"), [("fr", "[--days N] [--html CHEMIN]"), ("en", "[--days N] [--html PATH]")]
)
def test_the_demos_help_speaks_the_operators_language(monkeypatch, capsys, lang, usage):
    from bot.cli import main

    monkeypatch.setenv("COHORTBOT_LANG", lang)
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    assert usage in capsys.readouterr().out

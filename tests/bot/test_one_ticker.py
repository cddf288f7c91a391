"""One ticker at a time across real processes; a killed ticker hands over at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bot.commands import TICK_SKIPPED as SKIPPED
from handlers.i18n import gettext
from storage.ticker import ticker_turn
from tests.bot.test_cli import ROOT, cohortbot

AT = "2026-03-02T09:30:00+01:00"
TICK_SKIPPED = gettext(SKIPPED, "fr")


def start_holder(database_url: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.support.ticker_holder", database_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_tick_is_skipped_while_another_process_ticks_and_runs_once_it_is_killed(
    database_url, engine, fake_slack, tmp_path
):
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": fake_slack.url, "DATABASE_URL": database_url}
    holder = start_holder(database_url)
    try:
        with ticker_turn(engine) as mine:
            assert not mine
        skipped = cohortbot("tick", "--at", AT, env=env, cwd=tmp_path)
        assert skipped.returncode == 0, skipped.stderr
        assert skipped.stdout.strip() == TICK_SKIPPED
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    deadline = time.monotonic() + 60
    while True:
        ticked = cohortbot("tick", "--at", AT, env=env, cwd=tmp_path)
        if ticked.stdout.strip() != TICK_SKIPPED or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert ticked.returncode == 0, ticked.stderr
    assert "housekeeping" in ticked.stdout


def test_the_turn_is_given_back_when_the_tick_ends(engine):
    with ticker_turn(engine) as mine:
        assert mine
    with ticker_turn(engine) as again:
        assert again

"""`cohortbot demo`: the week is played by the real bot against the stand-in, every step shows what
it announces (recipients and interactive ids), in the reader's language and zone, in under 30 s;
and its HTML page renders in a headless browser."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from datetime import UTC, datetime

import pytest

from bot.cli import main
from bot.demo import page, player, script, terminal
from bot.demo.mrkdwn import plain
from bot.demo.seen import zone_of
from bot.demo.stage import demo_settings, require_loopback
from domain.messages import DomainError
from handlers.i18n import format_clock

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def week() -> player.Week:
    return player.play("fr", 5)


def test_every_step_shows_what_it_announces_in_under_30_seconds(week):
    titles = [step.title for step in week.steps]
    assert [s.title for s in script.STEPS] == [t for t in titles if t != player.ON_SCHEDULE]
    assert {step.title: step.missing for step in week.steps if step.missing} == {}
    assert week.ok and week.seconds < 30
    assert all(step.shown for step in week.steps)


def test_what_people_read_is_plain_text_in_their_language(week):
    text = terminal.week_text(week)
    assert "━━ 1. Nadia, admin du programme, crée la cohorte — lundi 2 mars 2026 à 8\u00a0h\u00a030" in text
    assert "[Répondre] [Pas aujourd’hui]" in text
    assert "@Ana demande de l’aide" in text and "Mon accès à la base SIRENE est bloqué" in text
    # The import-roster command's own summary.
    assert "eig7" + NBSP + ": 5 ajouts, 0 modification, 0 sans changement." in text
    assert not re.search(r"<[@#!]|&lt;|&gt;|&amp;", text), "mrkdwn left unrendered"
    assert "Les résumés de la semaine partent — vendredi 6 mars 2026 à 16\u00a0h" in text


def test_times_are_shown_in_each_readers_zone(week):
    [prompts] = [step for step in week.steps if step.title == script.STEPS[4].title]
    local = {item.reader: format_clock(item.at, "fr", zone_of(item.reader)) for item in prompts.shown}
    assert local["UANA"] == "09:30" and local["UMOUSSA"] == "08:30"  # Paris, Dakar


def test_the_training_fills_and_leaves_one_on_the_waiting_list(week):
    [signups] = [step for step in week.steps if step.title == script.STEPS[13].title]
    places = {(item.reader, item.place) for item in signups.shown}
    assert {("UANA", "file"), ("UBEN", "file")} <= places and ("UMOUSSA", "file") not in places
    [waiting] = [item for item in signups.shown if item.reader == "UMOUSSA"]
    assert "liste d’attente" in " ".join(waiting.lines)


def test_the_command_line_plays_one_day_in_english(capsys):
    assert main(["demo", "--lang", "en", "--days", "1"]) == 0
    out = capsys.readouterr().out
    assert "Nadia, a program admin, creates the cohort — Monday, 2 March 2026, 08:30" in out
    assert "[Answer]" in out and "Chloé proposes a training" not in out


def test_the_command_line_refuses_a_number_of_days_outside_the_week(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--days", "9"])
    assert exit_.value.code == 2 and "--days" in capsys.readouterr().err


def test_a_proxy_in_the_environment_is_bypassed(monkeypatch, capsys):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nobody listens there
    monkeypatch.setenv("no_proxy", "example.org")
    assert main(["demo", "--days", "1"]) == 0
    assert "Le stand-up se clôt" in capsys.readouterr().out
    assert os.environ["no_proxy"] == "example.org" and "NO_PROXY" not in os.environ


def test_the_demo_reaches_nothing_but_this_machine(tmp_path):
    require_loopback("http://127.0.0.1:8123/api/")
    for url in ("https://slack.com/api/", "http://localhost.example.org/api/", "http://10.0.0.8/api/"):
        with pytest.raises(DomainError):
            demo_settings(tmp_path / "demo.db", url, "fr")


def test_mrkdwn_is_drawn_for_the_reader():
    names = {"UANA": "Ana", "C1": "eig7"}.__getitem__
    stamp = int(datetime(2026, 3, 5, 13, 0, tzinfo=UTC).timestamp())
    token = f"<!date^{stamp}^{{date_long_pretty}} {{time}}|5 mars>"
    assert plain(f"*Salut* <@UANA>, voir <#C1> à {token}", names, "fr", "Africa/Dakar") == (
        "Salut @Ana, voir #eig7 à jeudi 5 mars 2026 13:00"
    )
    assert plain(token, names, "fr", "Europe/Paris").endswith("14:00")
    assert (
        plain("a &lt;b&gt; &amp; <https://x.org|le lien> _vite_", names, "fr", "UTC")
        == "a <b> & le lien vite"
    )


# -- the HTML page, in a browser --------------------------------------------------------------------

BROWSER = shutil.which("chromium")
NO_BROWSER = "chromium is not installed: run `apt-get install chromium` (Debian) to render the demo's page"


def _browse(*flags: str, url: str) -> subprocess.CompletedProcess:
    command = [BROWSER or "chromium", "--headless", "--no-sandbox", "--disable-gpu", *flags, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_page_is_self_contained(week):
    html = page.week_page(week)
    assert not re.search(r"""(src|href)\s*=|@import|url\(|<script""", html)
    assert html.count("<section>") == 7  # the channel and six people


@pytest.mark.skipif(BROWSER is None, reason=NO_BROWSER)
def test_the_page_renders_in_headless_chromium(week, tmp_path):
    path = tmp_path / "demo.html"
    path.write_text(page.week_page(week), encoding="utf-8")
    shot = tmp_path / "demo.png"
    done = _browse(f"--screenshot={shot}", "--window-size=1600,1200", url=path.as_uri())
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert _png_size(data) == (1600, 1200) and len(data) > 50_000, "a blank page is a small PNG"
    dom = _browse("--dump-dom", url=path.as_uri()).stdout
    for text in ("#eig7", "Moussa", "Répondre", "Demander de l’aide à la cohorte", "Résumé admin · eig7"):
        assert text in dom, text

"""The week as one self-contained HTML page that reads like Slack: one conversation per person
(their DMs with the bot, the answers only they saw, the forms opened for them) and one for the
channel, each message under the step that caused it. No script, font or image is fetched: the
page works offline and shows the same text as the terminal."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from bot.demo.cast import CAST, CHANNEL
from bot.demo.player import Week
from bot.demo.seen import Shown, reader_label, zone_of
from bot.demo.terminal import PLACES, summary_line, when
from domain.messages import N_
from handlers.i18n import format_clock, gettext

TITLE = N_("cohortbot: a program week, as each person sees it")
WITH_BOT = N_("Direct messages with cohortbot")
CHANNEL_ABOUT = N_("The cohort's channel")
BOT = "cohortbot"

STYLE = """
body{margin:0;font:15px/1.45 -apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;
  background:#f4ede4;color:#1d1c1d}
header{background:#3f0e40;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.8}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:16px;padding:16px}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15);overflow:hidden}
section h2{margin:0;padding:10px 16px;font-size:17px;border-bottom:1px solid #ddd}
section h2 small{display:block;font-weight:normal;color:#616061;font-size:13px}
.step{margin:10px 16px 0;color:#616061;font-size:12px;border-top:1px solid #eee;padding-top:6px}
.msg{display:flex;gap:8px;padding:6px 16px}
.avatar{flex:none;width:36px;height:36px;border-radius:6px;background:#2eb67d;color:#fff;
  font-weight:bold;display:flex;align-items:center;justify-content:center}
.who b{margin-right:6px}.who span{color:#616061;font-size:12px}
.app{background:#e8e8e8;color:#616061;font-size:10px;padding:1px 3px;border-radius:2px;margin-right:6px}
.line{white-space:pre-wrap;margin:1px 0}
.buttons{margin-top:4px}.button{display:inline-block;border:1px solid #bbb;border-radius:4px;
  padding:2px 10px;margin:2px 6px 2px 0;font-weight:bold;font-size:13px}
.terminal{margin:6px 16px;padding:8px 10px;background:#1d1c1d;color:#e8e8e8;border-radius:6px;
  font:13px/1.4 Menlo,Consolas,monospace;white-space:pre-wrap}
.only_you .line,.only_you .who{color:#616061}.form{border:1px solid #ccc;border-radius:6px;
  padding:6px 10px;background:#fafafa}.edit .who span:last-child::after{content:" ✎"}
"""


def _message(item: Shown, lang: str) -> Iterator[str]:
    if item.place == "terminal":
        shell = escape("\n".join(item.lines))
        yield f'<pre class="terminal">{shell}</pre>'
        return
    time_text = format_clock(item.at, lang, zone_of(item.reader))
    place = gettext(PLACES[item.place], lang)
    yield f'<div class="msg {item.place}"><div class="avatar">c</div><div>'
    yield f'<div class="who"><b>{BOT}</b><span class="app">APP</span><span>{time_text} · {escape(place)}</span></div>'
    yield '<div class="form">' if item.place == "form" else "<div>"
    yield from (f'<p class="line">{escape(line)}</p>' for line in item.lines)
    if item.buttons:
        labels = "".join(f'<span class="button">{escape(label)}</span>' for label in item.buttons)
        yield f'<div class="buttons">{labels}</div>'
    yield "</div></div></div>"


def _conversation(reader: str, week: Week) -> Iterator[str]:
    about = CHANNEL_ABOUT if reader == CHANNEL else WITH_BOT
    yield f"<section><h2>{escape(reader_label(reader))}<small>{escape(gettext(about, week.lang))}</small></h2>"
    for step in week.steps:
        items = [item for item in step.shown if item.reader == reader]
        if items:
            yield f'<p class="step">{escape(gettext(step.title, week.lang))} · {escape(when(step, week.lang))}</p>'
            for item in items:
                yield from _message(item, week.lang)
    yield "</section>"


def week_page(week: Week) -> str:
    lang, title = week.lang, gettext(TITLE, week.lang)
    summary = summary_line(week)
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(title)}</h1><p>{escape(summary)}</p></header><main>",
    ]
    for reader in (CHANNEL, *(person.user_id for person in CAST)):
        parts += _conversation(reader, week)
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"

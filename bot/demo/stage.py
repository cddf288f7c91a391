"""The demo's stage: a temporary database, the Slack stand-in and the real bot served over HTTP on
127.0.0.1, a manual clock, and people whose clicks and forms reach the bot as Slack sends them
(signed requests). Nothing here knows a feature's internals: people act through the interactive
ids of the public interface, and what they see is read back from the stand-in.
"""

from __future__ import annotations

import io
import json
import os
import threading
from argparse import Namespace
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot import roster_import
from bot.clock import ManualClock
from bot.demo.cast import CAST, CHANNEL, Person
from bot.demo.form import filled
from bot.features import tick_jobs
from bot.server import make_server, wsgi_application
from bot.settings import Settings, load_settings
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, block_action, view_submission
from bot.standin.signing import interaction_body, post, sign, slash_command_body
from bot.standin.slack import SlackStandIn
from bot.wiring import build_runtime
from domain.messages import N_, DomainError
from schedules.engine import tick
from storage.db import make_engine
from storage.migrate import upgrade

SECRET = "demo-signing-secret"
TOKEN = "xoxb-demo"
LOOPBACK = "127.0.0.1"
NO_PROXY = ("no_proxy", "NO_PROXY")
NOT_LOOPBACK = N_("the demo talks to 127.0.0.1 only, not to {url}")
REFUSED = N_("the bot refused a step of the demo ({reason})")


def require_loopback(url: str) -> None:
    """The demo never reaches the network: every URL it is given must be on this machine."""
    if urlsplit(url).hostname != LOOPBACK:
        raise DomainError(NOT_LOOPBACK, url=url)


@contextmanager
def direct_to_loopback() -> Iterator[None]:
    """While the demo plays, calls to 127.0.0.1 bypass any proxy the environment names: a proxy
    would take the bot's calls to the stand-in off this machine, or fail them."""
    saved = {name: os.environ.get(name) for name in NO_PROXY}
    for name, value in saved.items():
        os.environ[name] = ",".join(part for part in (value, LOOPBACK) if part)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def demo_settings(database: Path, api_url: str, lang: str) -> Settings:
    require_loopback(api_url)
    env = {
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api_url,
        "DATABASE_URL": f"sqlite:///{database}",
        "COHORTBOT_ADMINS": ",".join(p.user_id for p in CAST if p.role == "admin"),
        "COHORTBOT_LANG": lang,
        "HOST": LOOPBACK,
        "LOG_LEVEL": "WARNING",
    }
    return load_settings(env, need_token=True, need_secret=True)


class Stage:
    def __init__(self, folder: Path, lang: str, start: datetime):
        self.folder, self.lang = folder, lang
        self.clock = ManualClock(start)
        self.standin = SlackStandIn().start()
        self.standin.valid_tokens = {TOKEN}
        self._people(lang)
        self.settings = demo_settings(folder / "demo.db", self.standin.url, lang)
        self.engine = make_engine(self.settings.database_url)
        upgrade(self.engine)
        self.ctx = build_runtime(self.settings, self.clock, self.engine).ctx
        self.ctx.slack.proxy = None  # slack_sdk's own proxy from the environment ignores no_proxy
        app = create_app(self.ctx, signing_secret=SECRET, listener_executor=InlineExecutor())
        application = wsgi_application(app, lambda: True, signing_secret=SECRET)
        self._server = make_server(application, LOOPBACK, 0)
        threading.Thread(target=self._server.run, name="demo-bot", daemon=True).start()
        self.events_url = f"http://{LOOPBACK}:{self._server.effective_port}/slack/events"
        self.sender: dict[str, str] = {}  # response_url or trigger_id -> the person who acted
        self.typed: dict[str, dict[str, Any]] = {}  # view id -> what the person entered in that form

    def _people(self, lang: str) -> None:
        locale = "fr-FR" if lang == "fr" else "en-GB"
        for person in CAST:
            self.standin.add_user(
                person.user_id,
                name=person.handle,
                real_name=person.name,
                display_name=person.name,
                tz=person.zone,
                locale=locale,
            )
        members = [p.user_id for p in CAST]
        self.standin.add_channel(CHANNEL, name="eig7", members=members, is_member=True)

    def close(self) -> None:
        self._server.close()
        self.standin.stop()
        self.engine.dispose()

    # -- time ------------------------------------------------------------------------------------

    def tick(self, at: datetime) -> None:
        self.clock.set(at)
        tick(self.ctx, at, tick_jobs())

    def ticks_until(self, end: datetime, every: timedelta) -> list[datetime]:
        """The instants between now (excluded) and `end` (excluded) on the ticking grid."""
        now, instants = self.clock.now(), []
        at = now - timedelta(minutes=now.minute % 15, seconds=now.second) + every
        while at < end:
            instants.append(at)
            at += every
        return instants

    # -- what people do --------------------------------------------------------------------------

    def command(self, person: Person, command: str, text: str = "") -> None:
        url, trigger = self.standin.new_response_url(), self.standin.new_trigger_id()
        self.sender[url] = self.sender[trigger] = person.user_id
        fields = {"user_name": person.handle, "channel_name": "eig7"}
        self._send(slash_command_body(command, text, person.user_id, CHANNEL, url, trigger, **fields))

    def click(self, person: Person, action_id: str) -> None:
        """Presses the newest button with this id in the person's DMs or the cohort channel."""
        channel, message, block_id, element = self._button(person, action_id)
        url, trigger = self.standin.new_response_url(), self.standin.new_trigger_id()
        self.sender[url] = self.sender[trigger] = person.user_id
        payload = block_action(
            action_id,
            element.get("value"),
            person.user_id,
            trigger,
            block_id=block_id,
            channel_id=channel,
            message=message,
            response_url=url,
        )
        self._send(interaction_body(payload))

    def submit(self, person: Person, answers: dict[str, Any]) -> None:
        """Fills and submits the form the bot last opened for this person."""
        view = self.opened(person)
        self.typed[view["id"]] = answers
        values, action_ids = filled(view, answers)
        payload = view_submission(
            view["callback_id"],
            values,
            person.user_id,
            view.get("private_metadata", ""),
            action_ids=action_ids,
            view_id=view["id"],
        )
        answer = self._send(interaction_body(payload))
        if answer.strip():
            errors = json.loads(answer).get("errors")
            if errors:
                raise DomainError(REFUSED, reason=json.dumps(errors, ensure_ascii=False))

    def import_roster(self, csv_text: str) -> list[str]:
        """`cohortbot import-roster roster.csv --cohort eig7`, as the operator sees it."""
        path = self.folder / "roster.csv"
        path.write_text(csv_text, encoding="utf-8")
        out = io.StringIO()
        args = Namespace(file=str(path), cohort="eig7")
        roster_import.run(args, self.settings, self.engine, self.clock, out=out, err=out)
        return out.getvalue().splitlines()

    # -- reading the stand-in --------------------------------------------------------------------

    def opened(self, person: Person) -> dict:
        for call in reversed(self.standin.calls()):
            trigger = str(call.params.get("trigger_id", ""))
            opens = call.method in ("views.open", "views.push") and call.ok
            if opens and self.sender.get(trigger) == person.user_id:
                return (call.response or {})["view"]
        raise DomainError(REFUSED, reason=f"no form open for {person.name}")

    def _button(self, person: Person, action_id: str) -> tuple[str, dict, str, dict]:
        for channel in (self.standin.dm_channel(person.user_id), CHANNEL):
            for message in reversed(self.standin.messages(channel)):
                for block in message.get("blocks") or []:
                    for element in _elements(block):
                        if element.get("action_id") == action_id:
                            return channel, message, block.get("block_id", "actions"), element
        raise DomainError(REFUSED, reason=f"no {action_id} button for {person.name}")

    def _send(self, body: str) -> str:
        status, _headers, text = post(self.events_url, body, sign(SECRET, body))
        if status != 200:
            raise DomainError(REFUSED, reason=f"HTTP {status}")
        return text


def _elements(block: dict) -> list[dict]:
    if block.get("type") == "actions":
        return list(block.get("elements") or [])
    accessory = block.get("accessory")
    return [accessory] if isinstance(accessory, dict) else []

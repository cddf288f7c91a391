"""What each person saw after a step, read back from the Slack stand-in: the messages posted in
their DMs or the channel, the ones edited, the answers only they could see, the forms opened for
them and the files sent to them. One `Shown` each, in plain text and in the reader's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.demo.cast import CHANNEL, by_id
from bot.demo.form import as_filled
from bot.demo.mrkdwn import block_lines, plain
from bot.demo.stage import Stage
from bot.standin.slack import Call, SlackStandIn

CHANNEL_NAME = "#eig7"
CHANNEL_ZONE = "Europe/Paris"


@dataclass(frozen=True)
class Shown:
    reader: str  # the person's user id, or the channel's id
    place: str  # "dm", "channel", "edit", "only_you", "form", "file" or "terminal"
    at: datetime
    lines: tuple[str, ...]
    buttons: tuple[str, ...]
    ids: tuple[str, ...]  # action and callback ids: what the interface calls them


@dataclass
class Mark:
    """How far the stand-in's record had been read."""

    calls: int = 0
    responses: int = 0


def name_of(user_id: str) -> str:
    person = by_id(user_id)
    return person.name if person else (CHANNEL_NAME[1:] if user_id == CHANNEL else user_id)


def reader_label(reader: str) -> str:
    return CHANNEL_NAME if reader == CHANNEL else name_of(reader)


def zone_of(reader: str) -> str:
    person = by_id(reader)
    return person.zone if person else CHANNEL_ZONE


def _ids(blocks: list, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    found = [
        element.get("action_id", "")
        for block in blocks
        for element in [*(block.get("elements") or []), block.get("accessory") or {}]
        if isinstance(element, dict) and element.get("type") == "button"
    ]
    return (*extra, *found)


def shown(reader: str, place: str, at: datetime, body: dict, lang: str, extra_ids=()) -> Shown:
    zone = zone_of(reader)

    def read(text: str) -> str:
        return plain(text, name_of, lang, zone)

    blocks = body.get("blocks") or []
    lines: list[str] = []
    buttons: list[str] = []
    if body.get("title"):
        lines.append(read(str(body["title"].get("text", ""))))
    for block in blocks:
        more, labels = block_lines(block, read)
        lines += more
        buttons += labels
    if not lines:
        lines = [read(str(body.get("text", "")))]
    if body.get("submit"):
        buttons.append(str(body["submit"].get("text", "")))
    return Shown(reader, place, at, tuple(lines), tuple(buttons), _ids(blocks, tuple(extra_ids)))


def _reader_of_channel(standin: SlackStandIn, channel: str) -> str:
    """A DM is read by its person; a channel is its own reader."""
    return standin.dm_user(channel) or channel


def _from_call(standin: SlackStandIn, call: Call, stage: Stage, at: datetime) -> list[Shown]:
    params, sender, lang = call.params, stage.sender, stage.lang
    if call.method in ("chat.postMessage", "chat.update"):
        reader = _reader_of_channel(standin, str((call.response or {}).get("channel", params.get("channel"))))
        place = "edit" if call.method == "chat.update" else ("channel" if reader == CHANNEL else "dm")
        return [shown(reader, place, at, params, lang)]
    if call.method == "chat.postEphemeral":
        return [shown(str(params.get("user")), "only_you", at, params, lang)]
    trigger = str(params.get("trigger_id", ""))
    if call.method in ("views.open", "views.push") and trigger in sender:
        view_id = (call.response or {}).get("view", {}).get("id", "")
        view = as_filled(params["view"], stage.typed.get(view_id, {}))
        return [shown(sender[trigger], "form", at, view, lang, (view.get("callback_id", ""),))]
    if call.method == "files.completeUploadExternal":
        return _files(standin, params, at)
    return []


def read_news(stage: Stage, mark: Mark, at: datetime) -> list[Shown]:
    """Everything shown since `mark`, in the order the stand-in received it; `mark` moves past it."""
    standin = stage.standin
    calls, responses = standin.calls(), standin.responses()
    news: list[tuple[float, Shown]] = [
        (call.time, item)
        for call in calls[mark.calls :]
        if call.ok
        for item in _from_call(standin, call, stage, at)
    ]
    for response in responses[mark.responses :]:
        reader = stage.sender.get(response.url)
        if reader and isinstance(response.body, dict) and response.status == 200:
            news.append((response.time, shown(reader, "only_you", at, response.body, stage.lang)))
    mark.calls, mark.responses = len(calls), len(responses)
    return [item for _time, item in sorted(news, key=lambda pair: pair[0])]


def _files(standin: SlackStandIn, params: dict, at: datetime) -> list[Shown]:
    channel = str(params.get("channel_id") or "")
    reader = _reader_of_channel(standin, channel)
    names = [str(f.get("title") or f.get("id")) for f in params.get("files") or [] if isinstance(f, dict)]
    return [Shown(reader, "file", at, (f"📎 {name}",), (), ()) for name in names]

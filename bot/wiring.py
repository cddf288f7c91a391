"""Builds the context (clock, database, Slack client, holidays) from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from bot.features import PERSONAL_COLUMNS, SOURCES
from bot.holidays import CountryHolidays
from bot.settings import Settings
from bot.slack import make_client
from bot.tombstones import FileTombstones
from domain.ports import Clock
from handlers.context import Context
from schedules.pacing import Pacer
from storage.db import make_engine, make_session_factory, read_only
from storage.uow import unit_of_work_factory


@dataclass
class Runtime:
    ctx: Context
    engine: Engine


def build_runtime(settings: Settings, clock: Clock, engine: Engine | None = None) -> Runtime:
    engine = engine or make_engine(settings.database_url)
    # One pacer for every post of the process: a 429 anywhere pauses them all.
    pacer = Pacer(per_minute=settings.posts_per_minute)
    ctx = Context(
        clock=clock,
        uow=unit_of_work_factory(make_session_factory(engine), PERSONAL_COLUMNS),
        slack=make_client(settings.bot_token, settings.api_url, pacer=pacer),
        holidays=CountryHolidays(),
        admins=settings.admins,
        default_lang=settings.default_lang,
        pacer=pacer,
        read_uow=unit_of_work_factory(make_session_factory(read_only(engine)), PERSONAL_COLUMNS),
        data_declarations=SOURCES.declarations,
        redraws_after_erasure=SOURCES.redraws_after_erasure,
        privacy_contact=settings.privacy_contact,
        tombstones=FileTombstones(settings.erasures_path),
    )
    return Runtime(ctx=ctx, engine=engine)

"""Settings from the environment, validated once, exactly as the interface describes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from domain.messages import N_
from schedules.pacing import DEFAULT_POSTS_PER_MINUTE

LANGUAGES = ("fr", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
MAX_POSTS_PER_MINUTE = 10_000
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


class SettingsError(Exception):
    """A setting is missing or malformed; `variable` names it, `expected` says what is wanted.

    `expected` is a catalog source text; `params` fill its placeholders once translated.
    """

    def __init__(self, variable: str, expected: str, **params: object):
        super().__init__(f"{variable}: {expected.format(**params)}")
        self.variable = variable
        self.expected = expected
        self.params = params


@dataclass(frozen=True)
class Settings:
    bot_token: str | None
    signing_secret: str | None
    app_token: str | None
    api_url: str
    database_url: str
    host: str
    port: int
    admins: frozenset[str]
    scheduler_on: bool
    default_lang: str
    log_level: str
    # The ceiling of scheduled posts per minute, for the process that ticks.
    posts_per_minute: int = DEFAULT_POSTS_PER_MINUTE
    # COHORTBOT_SLACK_DEBUG=1: slack_sdk and slack_bolt log at LOG_LEVEL too, bodies included.
    slack_debug: bool = False
    # COHORTBOT_PRIVACY_CONTACT: whom people write to about their data (the privacy notice names it).
    privacy_contact: str | None = None
    # COHORTBOT_ERASURES: the file erasures are also kept in, so they outlive a restored backup.
    erasures_path: str = "cohortbot-erasures.jsonl"

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _token(env, name: str, prefix: str, required: bool) -> str | None:
    value = _get(env, name)
    if value is None:
        if required:
            raise SettingsError(name, N_("required: a token starting with {prefix}"), prefix=prefix)
        return None
    if not value.startswith(prefix):
        raise SettingsError(name, N_("a token starting with {prefix}"), prefix=prefix)
    return value


def database_url(env: Mapping[str, str]) -> str:
    value = _get(env, "DATABASE_URL") or "sqlite:///cohortbot.db"
    if value.startswith("postgres://"):
        value = "postgresql://" + value[len("postgres://") :]
    try:
        url = make_url(value)
    except ArgumentError:
        raise SettingsError(
            "DATABASE_URL", N_("a database URL such as sqlite:///cohortbot.db or postgresql://user@host/name")
        ) from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise SettingsError("DATABASE_URL", N_("a sqlite:/// or postgresql:// URL"))
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        value = url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return value


def _api_url(env) -> str:
    value = _get(env, "SLACK_API_URL") or "https://slack.com/api/"
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SettingsError("SLACK_API_URL", N_("an http(s) URL such as https://slack.com/api/"))
    return value if value.endswith("/") else value + "/"


def _port(env) -> int:
    value = _get(env, "PORT") or "3000"
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise SettingsError("PORT", N_("a port number from 1 to 65535"))
    return int(value)


def _posts_per_minute(env) -> int:
    value = _get(env, "COHORTBOT_POSTS_PER_MINUTE") or str(DEFAULT_POSTS_PER_MINUTE)
    if not value.isdigit() or not 1 <= int(value) <= MAX_POSTS_PER_MINUTE:
        raise SettingsError(
            "COHORTBOT_POSTS_PER_MINUTE",
            N_("a whole number of posts per minute from 1 to {most}"),
            most=MAX_POSTS_PER_MINUTE,
        )
    return int(value)


def _admins(env) -> frozenset[str]:
    value = _get(env, "COHORTBOT_ADMINS") or ""
    ids = [part.strip() for part in value.split(",") if part.strip()]
    for user_id in ids:
        if not USER_ID.match(user_id):
            raise SettingsError(
                "COHORTBOT_ADMINS",
                N_("comma-separated Slack user IDs such as U012AB3CD (got {value})"),
                value=user_id,
            )
    return frozenset(ids)


def _choice(env, name: str, default: str, choices: tuple[str, ...], upper: bool = False) -> str:
    value = _get(env, name) or default
    value = value.upper() if upper else value.lower()
    if value not in choices:
        raise SettingsError(name, N_("one of {choices}"), choices=", ".join(choices))
    return value


def load_settings(env: Mapping[str, str], *, need_token: bool = False, need_secret: bool = False) -> Settings:
    """Read and check every setting; `need_*` say what the command about to run requires."""
    app_token = _token(env, "SLACK_APP_TOKEN", "xapp-", required=False)
    bot_token = _token(env, "SLACK_BOT_TOKEN", "xoxb-", required=need_token)
    secret = _get(env, "SLACK_SIGNING_SECRET")
    if need_secret and app_token is None and secret is None:
        raise SettingsError(
            "SLACK_SIGNING_SECRET", N_("required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)")
        )
    return Settings(
        bot_token=bot_token,
        signing_secret=secret,
        app_token=app_token,
        api_url=_api_url(env),
        database_url=database_url(env),
        host=_get(env, "HOST") or "0.0.0.0",
        port=_port(env),
        admins=_admins(env),
        scheduler_on=_choice(env, "COHORTBOT_SCHEDULER", "on", ("on", "off")) == "on",
        default_lang=_choice(env, "COHORTBOT_LANG", "fr", LANGUAGES),
        log_level=_choice(env, "LOG_LEVEL", "INFO", LOG_LEVELS, upper=True),
        slack_debug=_choice(env, "COHORTBOT_SLACK_DEBUG", "0", ("0", "1")) == "1",
        privacy_contact=_get(env, "COHORTBOT_PRIVACY_CONTACT"),
        erasures_path=_get(env, "COHORTBOT_ERASURES") or "cohortbot-erasures.jsonl",
        posts_per_minute=_posts_per_minute(env),
    )

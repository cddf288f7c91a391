"""Settings come from the environment exactly as the interface says."""

from __future__ import annotations

import pytest

from bot.settings import SettingsError, load_settings

GOOD = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


def test_defaults():
    settings = load_settings({})
    assert settings.api_url == "https://slack.com/api/"
    assert settings.database_url == "sqlite:///cohortbot.db"
    assert (settings.host, settings.port) == ("0.0.0.0", 3000)
    assert settings.admins == frozenset()
    assert settings.scheduler_on and settings.default_lang == "fr" and settings.log_level == "INFO"
    assert not settings.socket_mode
    assert settings.posts_per_minute == 500


def test_every_variable_is_read():
    settings = load_settings(
        {
            **GOOD,
            "SLACK_APP_TOKEN": "xapp-1",
            "SLACK_API_URL": "http://127.0.0.1:9000/api",
            "DATABASE_URL": "postgres://u@h/db",
            "HOST": "127.0.0.1",
            "PORT": "8080",
            "COHORTBOT_ADMINS": "U01, U02",
            "COHORTBOT_SCHEDULER": "off",
            "COHORTBOT_LANG": "EN",
            "LOG_LEVEL": "debug",
            "COHORTBOT_POSTS_PER_MINUTE": "6000",
        },
        need_token=True,
        need_secret=True,
    )
    assert settings.socket_mode and settings.app_token == "xapp-1"
    assert settings.api_url == "http://127.0.0.1:9000/api/"
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    assert settings.port == 8080 and settings.host == "127.0.0.1"
    assert settings.admins == {"U01", "U02"}
    assert not settings.scheduler_on and settings.default_lang == "en" and settings.log_level == "DEBUG"
    assert settings.posts_per_minute == 6000


@pytest.mark.parametrize(
    ("env", "variable", "need"),
    [
        ({}, "SLACK_BOT_TOKEN", {"need_token": True}),
        ({"SLACK_BOT_TOKEN": "xoxp-user"}, "SLACK_BOT_TOKEN", {}),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET", {"need_token": True, "need_secret": True}),
        ({"SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN", {}),
        ({"SLACK_API_URL": "slack.com"}, "SLACK_API_URL", {}),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL", {}),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL", {}),
        ({"PORT": "http"}, "PORT", {}),
        ({"PORT": "70000"}, "PORT", {}),
        ({"COHORTBOT_ADMINS": "U01,bob"}, "COHORTBOT_ADMINS", {}),
        ({"COHORTBOT_SCHEDULER": "maybe"}, "COHORTBOT_SCHEDULER", {}),
        ({"COHORTBOT_LANG": "de"}, "COHORTBOT_LANG", {}),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL", {}),
        ({"COHORTBOT_POSTS_PER_MINUTE": "0"}, "COHORTBOT_POSTS_PER_MINUTE", {}),
        ({"COHORTBOT_POSTS_PER_MINUTE": "fast"}, "COHORTBOT_POSTS_PER_MINUTE", {}),
        ({"COHORTBOT_POSTS_PER_MINUTE": "20000"}, "COHORTBOT_POSTS_PER_MINUTE", {}),
    ],
)
def test_a_bad_setting_names_the_variable(env, variable, need):
    with pytest.raises(SettingsError) as caught:
        load_settings(env, **need)
    assert caught.value.variable == variable
    assert caught.value.expected


def test_socket_mode_needs_no_signing_secret():
    settings = load_settings(
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, need_token=True, need_secret=True
    )
    assert settings.signing_secret is None


def test_slack_debugging_is_off_unless_asked_for_on_its_own():
    assert not load_settings({"LOG_LEVEL": "DEBUG"}).slack_debug
    assert load_settings({"COHORTBOT_SLACK_DEBUG": "1"}).slack_debug
    assert not load_settings({"COHORTBOT_SLACK_DEBUG": "0"}).slack_debug
    with pytest.raises(SettingsError) as refused:
        load_settings({"COHORTBOT_SLACK_DEBUG": "yes"})
    assert refused.value.variable == "COHORTBOT_SLACK_DEBUG"

"""The app manifest is one Slack accepts, and declares exactly what the interface needs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from bot.manifest import BOT_EVENTS, COMMANDS, PLACEHOLDER_URL, SCOPES, build_manifest, manifest_yaml

# slackapi/manifest-schema (MIT), the v1 schema; it only refers to its own definitions.
SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "manifest.schema.1.0.0.json").read_text(encoding="utf-8")
)
INTERFACE_COMMANDS = {"/cohort", "/standup", "/ask", "/skills", "/training", "/checkin", "/pairing"}
BASE_URL = "https://cohortbot.example.org"
MODES = {
    "http": {"url": BASE_URL},
    "http-placeholder": {},
    "socket": {"socket": True},
}


@pytest.fixture(params=list(MODES))
def manifest(request) -> dict:
    return build_manifest(**MODES[request.param])


def _strings(node, path="") -> list[tuple[str, str]]:
    """Every (path, string value) in a nested manifest."""
    if isinstance(node, dict):
        return [item for key, value in node.items() for item in _strings(value, f"{path}.{key}")]
    if isinstance(node, list):
        return [item for index, value in enumerate(node) for item in _strings(value, f"{path}[{index}]")]
    return [(path, node)] if isinstance(node, str) else []


def test_the_schema_is_a_valid_draft7_schema():
    errors = Draft7Validator(Draft7Validator.META_SCHEMA).iter_errors(SCHEMA)
    assert not [error.message for error in errors]


def test_manifest_validates_against_the_v1_schema(manifest):
    errors = sorted(Draft7Validator(SCHEMA).iter_errors(manifest), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors)


def test_yaml_round_trips_and_validates():
    for kwargs in MODES.values():
        text = manifest_yaml(**kwargs)
        assert yaml.safe_load(text) == build_manifest(**kwargs)
        Draft7Validator(SCHEMA).validate(yaml.safe_load(text))
    assert "Gérer" in manifest_yaml()


def test_metadata_is_v1_1(manifest):
    assert manifest["_metadata"] == {"major_version": 1, "minor_version": 1}


def test_every_interface_command_is_declared_and_escaped(manifest):
    commands = manifest["features"]["slash_commands"]
    assert {command["command"] for command in commands} == INTERFACE_COMMANDS
    assert len(commands) == len(INTERFACE_COMMANDS)
    for command in commands:
        assert command["should_escape"] is True
        assert command["description"].strip()
        assert len(command["command"]) <= 32
        assert len(command["description"]) <= 2000
        assert len(command.get("usage_hint", "")) <= 1000


def test_commands_are_reusable_without_urls():
    assert {command["command"] for command in COMMANDS} == INTERFACE_COMMANDS
    assert all("url" not in command for command in COMMANDS)
    build_manifest(url=BASE_URL)
    assert all("url" not in command for command in COMMANDS)


def test_socket_mode_declares_no_url_anywhere():
    manifest = build_manifest(url=BASE_URL, socket=True)
    assert manifest["settings"]["socket_mode_enabled"] is True
    urls = [(path, value) for path, value in _strings(manifest) if path.endswith("url") or "://" in value]
    assert urls == []
    assert manifest["settings"]["interactivity"] == {"is_enabled": True}


def test_http_mode_sends_everything_to_slack_events():
    manifest = build_manifest(url=BASE_URL + "/")
    expected = BASE_URL + "/slack/events"
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert manifest["settings"]["event_subscriptions"]["request_url"] == expected
    assert manifest["settings"]["interactivity"]["request_url"] == expected
    assert [command["url"] for command in manifest["features"]["slash_commands"]] == [expected] * len(
        COMMANDS
    )
    urls = [value for path, value in _strings(manifest) if path.endswith("url")]
    assert urls and all(url.endswith("/slack/events") for url in urls)


def test_http_mode_without_url_uses_the_placeholder():
    manifest = build_manifest()
    assert manifest["settings"]["event_subscriptions"]["request_url"] == PLACEHOLDER_URL + "/slack/events"


def test_a_base_url_already_ending_in_slack_events_is_not_doubled():
    manifest = build_manifest(url=BASE_URL + "/slack/events/")
    assert manifest["settings"]["interactivity"]["request_url"] == BASE_URL + "/slack/events"


@pytest.mark.parametrize("url", ["cohortbot.example.org", "ftp://example.org", "https://"])
def test_a_url_that_is_not_http_is_refused(url):
    with pytest.raises(ValueError):
        build_manifest(url=url)


def test_scopes_are_exactly_the_documented_ones(manifest):
    assert manifest["oauth_config"]["scopes"]["bot"] == list(SCOPES)
    assert "user" not in manifest["oauth_config"]["scopes"]
    assert all(reason.strip() for reason in SCOPES.values())
    assert set(SCOPES) == {
        "chat:write",
        "commands",
        "im:history",
        "im:write",
        "users:read",
        "users:read.email",
        "channels:history",
        "groups:history",
        "channels:join",
        "channels:read",
        "groups:read",
        "files:write",
        "mpim:write",
        "mpim:history",
    }


def test_events_features_and_settings(manifest):
    features, settings = manifest["features"], manifest["settings"]
    assert settings["event_subscriptions"]["bot_events"] == list(BOT_EVENTS)
    assert set(BOT_EVENTS) == {"app_home_opened", "message.im", "user_change"}
    assert features["app_home"] == {
        "home_tab_enabled": True,
        "messages_tab_enabled": True,
        "messages_tab_read_only_enabled": False,
    }
    assert features["bot_user"] == {"display_name": "cohortbot", "always_online": True}
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["org_deploy_enabled"] is False
    assert settings["token_rotation_enabled"] is False


def test_names_respect_slack_limits(manifest):
    assert 1 <= len(manifest["display_information"]["name"]) <= 35
    assert len(manifest["display_information"]["description"]) <= 140
    assert re.fullmatch(r"[a-z0-9._-]{1,80}", manifest["features"]["bot_user"]["display_name"])


def test_a_custom_name_gives_a_valid_bot_handle():
    manifest = build_manifest(name="Cohortbot Staging")
    assert manifest["display_information"]["name"] == "Cohortbot Staging"
    assert manifest["features"]["bot_user"]["display_name"] == "cohortbot-staging"
    Draft7Validator(SCHEMA).validate(manifest)
    with pytest.raises(ValueError):
        build_manifest(name="x" * 36)

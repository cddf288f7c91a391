"""Every feature of the registry is wired, whole: its listeners are on the app, its jobs in the tick,
its `/cohort` sub-commands in `/cohort` and its help, its lines in `/cohort show`, its export and
digest sections in the export and the digests, its commands, scopes and events in the manifest, its
tables in the metadata. A piece declared and not wired, or wired and not declared, fails here."""

from __future__ import annotations

import dataclasses
import io
import json
from argparse import Namespace

import pytest
from slack_bolt import BoltRequest, BoltResponse

from bot import export
from bot.feature import Feature
from bot.features import EVERYTHING, FEATURES, SOURCES, metadata, tick_jobs
from bot.manifest import build_manifest
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, block_action, event_callback, slash_command, view_submission
from handlers.i18n import gettext
from schedules.engine import tick
from storage.models import Base
from tests.handlers.cohorts.cohort_helpers import Workspace

IDS = [feature.name for feature in EVERYTHING]

# What a feature has none of, and why. Any other piece missing from a record fails the test below:
# a new feature, or a new kind of piece, says here on purpose what it leaves out.
WITHOUT: dict[str, dict[str, str]] = {
    "commands": {
        "infrastructure": "not a feature people talk to",
        "digests": "configured by /cohort digest, read in DMs",
        "home": "the Home tab is opened, not typed",
        "privacy": "its commands are /cohort sub-commands",
    },
    "actions": {
        "infrastructure": "no message of its own",
        "digests": "a digest has no button",
        "privacy": "its messages have no button",
    },
    "views": {
        "infrastructure": "no form",
        "digests": "no form",
        "home": "the Home tab's buttons open no form",
        "pairing": "its buttons answer in place, with no form",
        "privacy": "no form",
    },
    "events": {
        "infrastructure": "sees every event through the middleware",
        "peer_help": "commands and buttons only",
        "trainings": "commands and buttons only",
        "checkins": "commands and buttons only",
        "pairing": "commands and buttons only",
        "digests": "sent by the tick",
        "privacy": "commands and the tick only",
    },
    "scopes": {
        "standups": "sends DMs and reads them back with the infrastructure's scopes",
        "checkins": "sends DMs with the infrastructure's scopes",
        "peer_help": "sends DMs and posts with the infrastructure's scopes",
        "digests": "sends DMs with the infrastructure's scopes",
        "home": "views.publish needs no scope of its own",
        "privacy": "sends DMs and files with the other features' scopes",
    },
    "jobs": {"cohorts": "nothing runs on a schedule", "home": "published when opened"},
    "cohort_subcommands": {"infrastructure": "no setting", "home": "no setting"},
    "show_lines": {
        "infrastructure": "not a ritual",
        "cohorts": "show is the cohort's own view",
        "peer_help": "runs on requests, not on a schedule",
        "trainings": "runs on sessions, not on a schedule",
        "home": "not a ritual",
        "privacy": "not a ritual",
    },
    "export_sections": {
        "infrastructure": "keeps no history of a cohort",
        "digests": "its schedule is shown by /cohort show; what it sent is the other features' data",
        "home": "keeps nothing",
        "privacy": "keeps no history of a cohort: /cohort mydata gives a person theirs",
    },
    "digest": {
        "infrastructure": "nothing to report",
        "cohorts": "the digest is about the cohort's rituals",
        "digests": "the digest is made of the others' sections",
        "home": "keeps nothing",
        "privacy": "nothing to report",
    },
    "home": {
        "infrastructure": "not shown to people",
        "cohorts": "someone's cohorts head the Home tab itself",
        "home": "draws the other features' sections",
    },
    "away": {
        name: "keeps no absences: only the stand-ups know who is away"
        for name in (
            "infrastructure",
            "cohorts",
            "checkins",
            "peer_help",
            "trainings",
            "pairing",
            "digests",
            "home",
            "privacy",
        )
    },
    "tables": {"home": "reads the other features' tables"},
    "personal_data": {
        "home": "keeps nothing",
        "privacy": "keeps hashes of erased ids (never the ids) and each cohort's retention periods",
    },
    "redraws_after_erasure": {
        "infrastructure": "posts nothing people wrote",
        "cohorts": "its messages show no one's words",
        "standups": "each answer is its own post, blanked on erasure",
        "checkins": "mentors' notes are quoted only in digests",
        "peer_help": "each request is its own post, blanked on erasure",
        "pairing": "its group messages show no one's words",
        "digests": "a sent digest is that week's snapshot; the next ones no longer quote the person",
        "home": "drawn afresh each time it is opened",
        "privacy": "its messages show no one's words",
    },
}
PIECES = [f.name for f in dataclasses.fields(Feature) if f.name not in ("name", "register")]


def _requests(feature: Feature) -> list[tuple[str, dict]]:
    """A request Slack would send for each command, action, view and event the feature declares."""
    found = [(c.command, slash_command(c.command)) for c in feature.commands]
    found += [(action, block_action(action)) for action in feature.actions]
    found += [(view, view_submission(view, {})) for view in feature.views]
    for event in feature.events:
        kind, _, channel_type = event.partition(".")  # "message.im": messages in the bot's DMs
        found.append(
            (
                event,
                event_callback({"type": kind, **({"channel_type": channel_type} if channel_type else {})}),
            )
        )
    return found


def _matches(listener, body: dict) -> bool:
    return listener.matches(req=BoltRequest(body=body, mode="socket_mode"), resp=BoltResponse(status=200))


@pytest.fixture
def app(ctx):
    return create_app(ctx, signing_secret=None, socket_mode=True, listener_executor=InlineExecutor())


def test_a_record_must_say_who_listens():
    required = [
        f.name
        for f in dataclasses.fields(Feature)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    assert required == ["name", "register"]
    with pytest.raises(TypeError):
        Feature("half")  # type: ignore[call-arg]


@pytest.mark.parametrize("piece", PIECES)
def test_no_feature_lacks_a_piece_unless_it_says_why(piece):
    assert piece in WITHOUT, f"a new kind of piece, {piece}: say which features have none, and why"
    for feature in EVERYTHING:
        value = getattr(feature, piece)
        has = bool(value(SOURCES)) if callable(value) else bool(value)
        if feature.name in WITHOUT[piece]:
            assert not has, f"{feature.name} has {piece} now: take it out of WITHOUT"
        else:
            assert has, f"{feature.name} declares no {piece}, and WITHOUT does not say why"


def test_the_features_are_the_list_with_the_infrastructure_first():
    assert EVERYTHING[0].name == "infrastructure" and EVERYTHING[1:] == FEATURES
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_declared_command_action_view_and_event_has_a_listener(app, feature):
    for name, body in _requests(feature):
        assert any(_matches(listener, body) for listener in app._listeners), (
            f"{feature.name}: no listener for {name}"
        )


def test_each_listener_answers_something_a_feature_declares(app):
    declared = [body for feature in EVERYTHING for _, body in _requests(feature)]
    for listener in app._listeners:
        assert any(_matches(listener, body) for body in declared), f"a listener nobody declares: {listener}"


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_job_runs_in_the_tick_in_the_order_of_the_features(ctx, clock, feature):
    reports = [report.kind for report in tick(ctx, clock.now(), tick_jobs())]
    expected = [job.kind for f in EVERYTHING for job in f.jobs(SOURCES)]
    assert reports[1:-1] == expected  # between reconciling abandoned claims and closing past grace
    assert all(job.kind in reports for job in feature.jobs(SOURCES))


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_digest_section_is_in_the_digest_job(feature):
    digest_jobs = [job for job in tick_jobs() if job.kind == "digests"]
    assert len(digest_jobs) == 1
    parts = digest_jobs[0].features  # type: ignore[attr-defined]
    assert all(part in parts for part in feature.digest)
    assert list(parts) == [part for f in EVERYTHING for part in f.digest]


@pytest.fixture
def workspace(ctx, fake_slack) -> Workspace:
    workspace = Workspace(ctx, fake_slack)
    workspace.say("create eig7 <#C100|eig7> tz=Europe/Paris")
    return workspace


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_sub_command_is_parsed_and_in_the_help(workspace, feature):
    help_text = json.dumps(workspace.cohort("help"), ensure_ascii=False)
    for name, sub in feature.cohort_subcommands.items():
        assert SOURCES.cohort_subcommands[name] is sub
        shown = (
            gettext(sub.guide.example, "fr")
            if sub.guide
            else gettext(sub.usage, "fr").split(":", 1)[1].strip()
        )
        assert name == "help" or shown in help_text, f"{feature.name}: /cohort {name} is not in the help"
        answer = workspace.say(f"{name} nope-nope")
        assert gettext('Unknown sub-command "{name}".', "fr", name=name) not in answer


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_show_line_is_in_cohort_show(workspace, feature):
    shown = json.dumps(workspace.cohort("show eig7"), ensure_ascii=False)
    for line in feature.show_lines:
        assert gettext(line.source.not_scheduled, "fr") in shown, (
            f"{feature.name}: {line.source.kind} not shown"
        )


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_export_section_is_in_the_export(workspace, engine, feature):
    out = io.StringIO()
    assert export.run(Namespace(cohort="eig7", format="json", out=None), engine, out) == 0
    names = list(json.loads(out.getvalue()))
    with workspace.ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        expected = [build(uow, cohort).name for f in EVERYTHING for build in f.export_sections]
        mine = [build(uow, cohort).name for build in feature.export_sections]
    assert names == expected
    assert all(name in names for name in mine)


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_command_scope_and_event_is_in_the_manifest(feature):
    manifest = build_manifest(socket=True)
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert {c.command for c in feature.commands} <= commands
    assert set(feature.scopes) <= scopes
    assert set(feature.events) <= events
    if feature.commands:
        assert "commands" in scopes


def test_the_manifest_asks_for_nothing_no_feature_declares():
    manifest = build_manifest(socket=True)
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [
        c.command for f in EVERYTHING for c in f.commands
    ]
    declared = {scope for f in EVERYTHING for scope in f.scopes} | {"commands"}
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == declared
    events = {event for f in EVERYTHING for event in f.events}
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == events


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_home_section_is_given_to_the_home_tab(feature):
    keys = [section.source.key for section in SOURCES.home]
    assert len(set(keys)) == len(keys), "two Home sections with one key"
    assert all(section in SOURCES.home for section in feature.home)
    # The Home listener is given exactly the gathered sections, in the order of the features.
    assert list(SOURCES.home) == [section for f in EVERYTHING for section in f.home]


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_away_source_is_given_to_peer_help_routing(feature):
    reroutes = [job for job in tick_jobs() if job.kind == "help_reroute"]
    assert len(reroutes) == 1
    away = reroutes[0].plan.away  # type: ignore[attr-defined]
    assert all(source in away for source in feature.away)
    assert list(away) == [source for f in EVERYTHING for source in f.away] == list(SOURCES.away)


def _tables(module) -> set[str]:
    return {
        value.__table__.name
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Base) and hasattr(value, "__table__")
    }


@pytest.mark.parametrize("feature", EVERYTHING, ids=IDS)
def test_each_table_is_in_the_metadata_and_every_table_has_a_feature(feature):
    for module in feature.tables:
        assert _tables(module), f"{feature.name}: {module.__name__} defines no table"
        assert _tables(module) <= set(metadata().tables)
    owned = {table for f in EVERYTHING for module in f.tables for table in _tables(module)}
    assert set(metadata().tables) == owned

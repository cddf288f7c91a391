"""What each `cohortbot` command does, once the settings are known."""

from __future__ import annotations

import logging
import signal
import sqlite3
import sys
import threading
from contextlib import closing
from pathlib import Path

from slack_sdk.errors import SlackApiError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot import demo, export, privacy, roster_import
from bot.clock import ManualClock, SystemClock
from bot.features import tick_jobs
from bot.manifest import manifest_yaml
from bot.private_files import create_private_new_file
from bot.settings import Settings
from bot.tick_lines import report_line
from bot.wiring import build_runtime
from domain.messages import N_, NP_, DomainError, Message
from handlers.blocks.slack_errors import error_code
from handlers.i18n import gettext
from schedules.engine import tick
from storage import migrate as migrations
from storage.db import DatabaseHealth, make_engine
from storage.ticker import ticker_turn

log = logging.getLogger("cohortbot")
# Another tick (a scheduler or cron) holds the ticker's turn; what is due is done by it or next time.
TICK_SKIPPED = N_("tick: skipped, another process is ticking")
MANIFEST_MODE = N_(
    "manifest: give the bot's public URL with --url https://… (HTTP), or --socket (Socket Mode)"
)
MIGRATED = N_("migrations: up to date")
BACKED_UP = N_("backup: {source} copied to {target}")
WAITING = NP_(
    "tick: {count} waiting for Slack's rate limit window, sent at the next tick",
    "tick: {count} waiting for Slack's rate limit window, sent at the next tick",
)


class CommandFailed(Exception):
    """A mistake the operator can fix: printed as one line, exit status 2, no traceback."""

    def __init__(self, message: Message, **params: object):
        super().__init__(message.format(**params))
        self.message = message
        self.params = params


def add_feature_commands(sub, lang: str) -> None:
    """Commands that belong to features register their own arguments here, their help in `lang`."""
    roster_import.add_arguments(sub, lang)
    export.add_arguments(sub, lang)
    demo.add_arguments(sub, lang)
    privacy.add_arguments(sub, lang)


def dispatch(args, settings: Settings) -> int:
    handler = {
        "run": run,
        "tick": run_tick,
        "migrate": run_migrate,
        "manifest": print_manifest,
        "backup": backup,
        "import-roster": run_import_roster,
        "export": run_export,
        "demo": run_demo,
        "privacy-record": print_privacy_record,
        "forget": run_forget,
    }[args.command]
    return handler(args, settings)


def run_import_roster(args, settings: Settings) -> int:
    engine = apply_migrations(settings)
    try:
        return roster_import.run(args, settings, engine, SystemClock())
    except DomainError as error:
        raise CommandFailed(error.message, **error.params) from None
    finally:
        engine.dispose()


def run_export(args, settings: Settings) -> int:
    engine = apply_migrations(settings)
    try:
        return export.run(args, engine)
    except DomainError as error:
        raise CommandFailed(error.message, **error.params) from None
    finally:
        engine.dispose()


def print_privacy_record(args, settings: Settings) -> int:
    return privacy.print_record(settings, settings.default_lang)


def run_forget(args, settings: Settings) -> int:
    engine = apply_migrations(settings)
    runtime = build_runtime(settings, SystemClock(), engine)
    try:
        return privacy.forget(runtime.ctx, args.user_id, args.cohort, settings.default_lang)
    except DomainError as error:
        raise CommandFailed(error.message, **error.params) from None
    finally:
        engine.dispose()


def run_demo(args, settings: Settings) -> int:
    """The demo reads no setting: its database, its Slack and its clock are its own."""
    try:
        return demo.run(args)
    except DomainError as error:
        raise CommandFailed(error.message, **error.params) from None


def print_manifest(args, settings: Settings) -> int:
    if not args.url and not args.socket:
        raise CommandFailed(MANIFEST_MODE)
    try:
        manifest = manifest_yaml(url=args.url, socket=args.socket)
    except ValueError:
        raise CommandFailed(N_("--url: an http(s) URL such as https://bot.example.org")) from None
    sys.stdout.write(manifest)
    return 0


def apply_migrations(settings: Settings):
    engine = make_engine(settings.database_url)
    try:
        if migrations.pending(engine):
            migrations.upgrade(engine)
    except OperationalError as error:
        raise database_failed(error) from None
    return engine


def database_failed(error: OperationalError) -> CommandFailed:
    # psycopg's reasons span several lines; the operator gets one.
    reason = " ".join(str(error.orig).split())
    return CommandFailed(N_("DATABASE_URL: cannot open the database ({reason})"), reason=reason)


def run_migrate(args, settings: Settings) -> int:
    apply_migrations(settings)
    print(gettext(MIGRATED, settings.default_lang))
    return 0


def check_token(client) -> dict:
    """auth.test once at start: a rejected token is a configuration mistake, not a crash."""
    try:
        return client.auth_test()
    except SlackApiError as error:
        raise CommandFailed(
            N_("SLACK_BOT_TOKEN: Slack rejected the token ({reason})"),
            reason=error_code(error),
        ) from None
    except OSError as error:
        raise CommandFailed(N_("SLACK_API_URL: cannot reach Slack ({reason})"), reason=str(error)) from None


def run_tick(args, settings: Settings) -> int:
    engine = apply_migrations(settings)
    clock = ManualClock(args.at) if args.at else SystemClock()
    runtime = build_runtime(settings, clock, engine)
    check_token(runtime.ctx.slack)
    try:
        with ticker_turn(engine) as mine:
            if not mine:
                print(gettext(TICK_SKIPPED, settings.default_lang))
                return 0
            reports = tick(runtime.ctx, clock.now(), tick_jobs())
    except SlackApiError as error:
        raise CommandFailed(
            N_("SLACK_BOT_TOKEN: Slack rejected the token ({reason})"),
            reason=error_code(error),
        ) from None
    except OperationalError as error:
        # The database went away or stalled mid-tick: what was not confirmed is done next time.
        raise database_failed(error) from None
    for report in reports:
        print(report_line(report, settings.default_lang))
    waiting = sum(report.waiting for report in reports)
    if waiting:
        print(gettext(WAITING, settings.default_lang, count=waiting))
    # The tick did its work: what failed or waits is named in its lines (and failures are told to
    # the cohort's admins), and the next tick takes it up again.
    return 0


def run(args, settings: Settings) -> int:
    from bot.scheduler import start_scheduler
    from bot.server import make_server, wsgi_application
    from bot.slack import create_app

    engine = apply_migrations(settings)
    runtime = build_runtime(settings, SystemClock(), engine)
    check_token(runtime.ctx.slack)
    privacy.reapply_at_start(runtime.ctx, settings.default_lang)
    app = create_app(runtime.ctx, signing_secret=settings.signing_secret, socket_mode=settings.socket_mode)
    scheduler = start_scheduler(runtime.ctx, engine) if settings.scheduler_on else None
    socket_handler = None
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        socket_handler = SocketModeHandler(app, settings.app_token, web_client=_app_level_client(settings))
        try:
            socket_handler.connect()
        except SlackApiError as error:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            raise CommandFailed(
                N_("SLACK_APP_TOKEN: Slack rejected the token ({reason})"),
                reason=error_code(error),
            ) from None
        # Socket Mode needs no public URL; the HTTP port still answers health checks.
        application = wsgi_application(None, DatabaseHealth(engine))
    else:
        application = wsgi_application(app, DatabaseHealth(engine), signing_secret=settings.signing_secret)
    server = make_server(application, settings.host, settings.port)
    _stop_on_sigterm(server)
    mode = "Socket Mode" if settings.socket_mode else f"HTTP on {settings.host}:{server.effective_port}"
    log.info("cohortbot serving Slack (%s); scheduler %s", mode, "on" if scheduler else "off")
    try:
        server.run()
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        if socket_handler is not None:
            socket_handler.close()
    return 0


def _app_level_client(settings: Settings):
    """Socket Mode opens its connection with the app-level token, through SLACK_API_URL too."""
    from bot.slack import make_client

    return make_client(settings.app_token, settings.api_url)


def _stop_on_sigterm(server) -> None:
    if threading.current_thread() is not threading.main_thread():
        return

    def stop(_signum, _frame):
        log.info("stopping")
        server.close()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)


def backup(args, settings: Settings) -> int:
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise CommandFailed(N_("backup copies SQLite databases; for PostgreSQL use pg_dump"))
    source_path = Path(url.database)
    if not source_path.exists():
        raise CommandFailed(N_("DATABASE_URL: no database file at {path}"), path=str(source_path))
    target = Path(args.path)
    if target.is_symlink() or target.exists() or not target.parent.is_dir():
        raise CommandFailed(N_("{path}: choose a new file in an existing folder"), path=str(target))
    try:
        create_private_new_file(str(target))
    except FileExistsError:
        raise CommandFailed(N_("{path}: choose a new file in an existing folder"), path=str(target)) from None
    except OSError as error:
        raise CommandFailed(export.CANNOT_WRITE, path=str(target), reason=_reason(error)) from None
    _copy_database(source_path, target)
    print(gettext(BACKED_UP, settings.default_lang, source=source_path, target=target))
    return 0


def _copy_database(source_path: Path, target: Path) -> None:
    """SQLite's online backup API copies a consistent snapshot while the bot keeps writing."""
    try:
        with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise CommandFailed(export.CANNOT_WRITE, path=str(target), reason=str(error)) from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)

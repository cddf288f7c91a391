"""`cohortbot run` in HTTP mode on SQLite against a local Slack stand-in, for the benchmarks
that measure the real process (ack latency, memory under a flood)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.standin.slack import SlackStandIn

ROOT = Path(__file__).resolve().parents[1]
SECRET = "benchmark-secret"


@dataclass(frozen=True)
class RunningBot:
    pid: int
    host: str
    port: int
    standin: SlackStandIn

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_healthy(base: str, process: subprocess.Popen, timeout: float = 30) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"cohortbot run exited with status {process.returncode}")
        try:
            with opener.open(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("cohortbot run did not become healthy")


@contextmanager
def running_bot(scheduler: bool = True) -> Iterator[RunningBot]:
    """`cohortbot run` on a free port, in a fresh working directory, until the block ends."""
    standin = SlackStandIn().start()
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="cohortbot-bench-")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=standin.url,
        DATABASE_URL=f"sqlite:///{workdir}/cohortbot.db",
        HOST="127.0.0.1",
        PORT=str(port),
        LOG_LEVEL="WARNING",
        COHORTBOT_SCHEDULER="on" if scheduler else "off",
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=workdir,
        env=env,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    try:
        bot = RunningBot(process.pid, "127.0.0.1", port, standin)
        wait_healthy(bot.base, process)
        yield bot
    finally:
        process.terminate()
        process.wait(timeout=10)
        standin.stop()

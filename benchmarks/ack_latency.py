"""Ack latency of signed slash commands over real HTTP against `cohortbot run`, and idle memory.

Starts a fake Slack Web API and `cohortbot run` (HTTP mode, SQLite), then 8 concurrent clients
send signed `/cohort help` commands. Prints p50, p99 and max latency, and the resident memory
of the bot when idle and after the load.

    .venv/bin/python -m benchmarks.ack_latency [--requests 2000] [--clients 8]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bot.standin.signing import post, sign, slash_command_body
from bot.standin.slack import SlackStandIn

ROOT = Path(__file__).resolve().parents[1]
SECRET = "benchmark-secret"


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
            raise SystemExit(f"cohortbot run exited: {process.stderr.read()}")
        try:
            with opener.open(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("cohortbot run did not become healthy")


def client(base: str, fake: SlackStandIn, count: int, latencies: list[float], errors: list[str]) -> None:
    for _ in range(count):
        body = slash_command_body("/cohort", "help", user_id="UBENCH", response_url=fake.new_response_url())
        headers = sign(SECRET, body)
        started = time.perf_counter()
        status, _headers, _text = post(base + "/slack/events", body, headers)
        latencies.append((time.perf_counter() - started) * 1000)
        if status != 200:
            errors.append(str(status))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    fake = SlackStandIn().start()
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="cohortbot-bench-")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.url,
        DATABASE_URL=f"sqlite:///{workdir}/cohortbot.db",
        HOST="127.0.0.1",
        PORT=str(port),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=workdir, env=env, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, process)
        time.sleep(3)
        idle = rss_mb(process.pid)
        latencies: list[float] = []
        errors: list[str] = []
        per_client = args.requests // args.clients
        threads = [
            threading.Thread(target=client, args=(base, fake, per_client, latencies, errors))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        loaded = rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)
        fake.stop()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(
        f"requests: {len(latencies)} from {args.clients} concurrent clients in {elapsed:.1f} s "
        f"({len(latencies) / elapsed:.0f}/s), non-200: {len(errors)}"
    )
    print(
        f"ack latency: p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms"
    )
    print(f"resident memory: idle {idle:.0f} MB, after the load {loaded:.0f} MB")


if __name__ == "__main__":
    main()

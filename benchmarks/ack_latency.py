"""Ack latency of signed slash commands over real HTTP against `cohortbot run`, and idle memory.

Starts a fake Slack Web API and `cohortbot run` (HTTP mode, SQLite), then 8 concurrent clients
send signed `/cohort help` commands. Prints p50, p99 and max latency, and the resident memory
of the bot when idle and after the load.

    .venv/bin/python -m benchmarks.ack_latency [--requests 2000] [--clients 8]
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

from benchmarks.running_bot import SECRET, rss_mb, running_bot
from bot.standin.signing import post, sign, slash_command_body
from bot.standin.slack import SlackStandIn


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
    with running_bot() as bot:
        time.sleep(3)
        idle = rss_mb(bot.pid)
        latencies: list[float] = []
        errors: list[str] = []
        per_client = args.requests // args.clients
        threads = [
            threading.Thread(target=client, args=(bot.base, bot.standin, per_client, latencies, errors))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        loaded = rss_mb(bot.pid)
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

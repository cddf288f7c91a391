"""Resident memory of `cohortbot run` while unsigned clients send very large bodies.

Starts a fake Slack Web API and `cohortbot run` (HTTP mode, SQLite), measures the bot's resident
memory when idle, then sends concurrent unsigned 50 MB requests, once with `Content-Length` and
once chunked, sampling the bot's resident memory until they are all answered.

    .venv/bin/python -m benchmarks.unsigned_flood [--clients 10] [--megabytes 50]
"""

from __future__ import annotations

import argparse
import socket
import threading
import time

from benchmarks.running_bot import rss_mb, running_bot

BLOCK = b"a" * 65536


def send_large(host: str, port: int, size: int, chunked: bool) -> int:
    """Sends an unsigned body of `size` bytes as fast as the bot takes it; returns the bytes sent."""
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: bot\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n"
    )
    chunk = b"%x\r\n" % len(BLOCK) + BLOCK + b"\r\n" if chunked else BLOCK
    sent = 0
    with socket.create_connection((host, port), timeout=10) as connection:
        try:
            connection.sendall(head.encode())
            while sent < size:
                connection.sendall(chunk)
                sent += len(BLOCK)
        except OSError:
            pass  # the bot answered 413 and closed the connection: that is the point
    return sent


def peak_rss_during(pid: int, clients: int, size: int, chunked: bool, host: str, port: int):
    """(peak resident MB, bytes the clients managed to send) while `clients` send at once."""
    sent: list[int] = []
    threads = [
        threading.Thread(target=lambda: sent.append(send_large(host, port, size, chunked)))
        for _ in range(clients)
    ]
    peak = rss_mb(pid)
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        peak = max(peak, rss_mb(pid))
        time.sleep(0.005)
    # A server that buffers bodies parses them after the clients are done: keep watching.
    settled = time.monotonic() + 1
    while time.monotonic() < settled:
        peak = max(peak, rss_mb(pid))
        time.sleep(0.005)
    return peak, sum(sent)


def measure(clients: int, megabytes: int) -> dict[str, float]:
    """Idle and peak resident memory (MB) of the bot for both kinds of flood."""
    size = megabytes * 1024 * 1024
    with running_bot(scheduler=False) as bot:
        pid, host, port = bot.pid, bot.host, bot.port
        time.sleep(1)
        idle = rss_mb(pid)
        figures = {"idle": idle}
        for chunked in (False, True):
            peak, sent = peak_rss_during(pid, clients, size, chunked, host, port)
            name = "chunked" if chunked else "content-length"
            figures[name] = peak
            figures[name + " sent MB"] = sent / 1024 / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--megabytes", type=int, default=50)
    args = parser.parse_args()
    figures = measure(args.clients, args.megabytes)
    print(f"resident memory idle: {figures['idle']:.1f} MB")
    for name in ("content-length", "chunked"):
        print(
            f"{args.clients} concurrent unsigned {args.megabytes} MB requests ({name}): "
            f"peak {figures[name]:.1f} MB (+{figures[name] - figures['idle']:.1f} MB), "
            f"{figures[name + ' sent MB']:.1f} MB sent before the bot closed the connections"
        )


if __name__ == "__main__":
    main()

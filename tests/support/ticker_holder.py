"""A ticker in the middle of a long tick: holds the ticker's turn until it is killed.

Usage: python -m tests.support.ticker_holder DATABASE_URL
"""

from __future__ import annotations

import sys
import time

from storage.db import make_engine
from storage.ticker import ticker_turn


def main() -> None:
    engine = make_engine(sys.argv[1])
    with ticker_turn(engine) as mine:
        print("holding" if mine else "refused", flush=True)
        time.sleep(600)


if __name__ == "__main__":
    main()

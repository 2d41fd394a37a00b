"""Fallback replay measurement: `python -m benchmarks._replay CONFIG` prints one JSON line.

Used only when `monitor replay` itself fails, so the benchmark still reports what the
projections cost. It does what `projections.rebuild` does, except that the tables are
dropped and recreated before the transaction instead of inside it (where the schema
script's implicit COMMIT ends the transaction early). Results say which method was used.
"""
from __future__ import annotations

import json
import sys
import time

from monitor.app import Monitor
from monitor.config import load
from monitor.log import projections


def main(config: str) -> None:
    with Monitor(load(config)) as mon:
        store = mon.store
        t = time.perf_counter()
        projections.drop(store.conn)
        projections.ensure(store.conn)
        n = 0
        with store.transaction() as tx:
            chunk = []
            for ev in store.read(0, batch=5000):
                chunk.append(ev)
                if len(chunk) >= 5000:
                    projections.project(tx.conn, chunk)
                    n += len(chunk)
                    chunk = []
            projections.project(tx.conn, chunk)
            n += len(chunk)
        dt = time.perf_counter() - t
    print(json.dumps({"events": n, "seconds": dt}))


if __name__ == "__main__":
    main(sys.argv[1])

"""The daemon's log lines on stderr: readable by default, one JSON object per line for machines.

Callers pass structured facts as `extra={"fields": {...}}`; the text format shows the
message, the JSON format shows the message plus those fields.
"""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone
from typing import Any

LOGGER = "monitor.daemon"


class JsonFormatter(logging.Formatter):
    """One object per record: time, level, message, and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            out.update(fields)
        if record.exc_info:
            out["traceback"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def setup(fmt: str = "text", level: int = logging.INFO) -> logging.Logger:
    """Send every `monitor.*` logger (daemon, notifications, digest) to stderr in one format.

    Returns the daemon's own logger. Repeated calls replace the handler.
    """
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(message)s", "%Y-%m-%d %H:%M:%S"))
    for name, lvl in (("monitor", level), ("apscheduler", logging.WARNING), ("watchdog", logging.WARNING)):
        lg = logging.getLogger(name)
        lg.setLevel(lvl)  # library chatter ("job executed") is noise at INFO
        lg.propagate = False
        for h in list(lg.handlers):
            lg.removeHandler(h)
        lg.addHandler(handler)
    return logging.getLogger(LOGGER)

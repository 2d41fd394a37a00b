"""Alert delivery: the scheduled digest email and immediate notifications.

The daemon calls `add_digest_job(scheduler, config)` and `attach_notifier(monitor, config)`;
the command line calls `digest.prepare` (preview) and `digest.run` (send now). The two entry
points are imported lazily so `monitor digest` does not pay for loading Apprise.
"""
from __future__ import annotations

from typing import Any

__all__ = ["add_digest_job", "attach_notifier"]


def __getattr__(name: str) -> Any:
    if name == "add_digest_job":
        from .schedule import add_digest_job

        return add_digest_job
    if name == "attach_notifier":
        from .immediate import attach_notifier

        return attach_notifier
    raise AttributeError(name)

"""`monitor retry`: put files from inbox/failed back through, e.g. after raising read.max_bytes.

Runs in its own process next to a running daemon if need be: the event log serialises
the writers, and moves into processed/ never overwrite.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dispositions import REASON_SUFFIX, Dispositions, move_into, write_reason
from .paths import FAILED, ignored_name


@dataclass(slots=True)
class RetryOutcome:
    """One file's second chance."""

    file: str
    status: str
    reason: str | None
    moved_to: str | None

    def line(self) -> str:
        where = f" -> {self.moved_to}" if self.moved_to else ""
        return f"{self.file}: {self.status}" + (f": {self.reason}" if self.reason else "") + where

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "status": self.status, "reason": self.reason, "moved_to": self.moved_to}


def failed_files(inbox: Path) -> list[Path]:
    """The files waiting in inbox/failed, without their reason notes."""
    folder = inbox / FAILED
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir())
            if not p.name.endswith(REASON_SUFFIX) and not ignored_name(p.name) and (p.is_symlink() or p.is_file())]


def pick(inbox: Path, name: str) -> Path:
    """FILE as given: a name in inbox/failed or a path to one there."""
    folder = inbox / FAILED
    base = Path(name).name.removesuffix(REASON_SUFFIX)
    candidate = folder / base
    if not base or not os.path.lexists(candidate):
        raise LookupError(f"no file named {base!r} in {folder}")
    return candidate


def retry(monitor: Any, inbox: Path, on_success: str, files: list[Path]) -> list[RetryOutcome]:
    """Ingest each file again (a rejected file is read anew); success files it and drops its note."""
    disp = Dispositions(inbox, on_success)
    out: list[RetryOutcome] = []
    for path in files:
        note = path.with_name(path.name + REASON_SUFFIX)
        result = monitor.ingest_path(path, retry=True)
        if result.status in ("recorded", "duplicate"):
            # "leave" would leave it in failed/, which is not where a success belongs.
            where = disp.succeeded(path) if on_success != "leave" else move_into(path, inbox)
            if os.path.lexists(note):
                os.unlink(note)
            moved = str(where.relative_to(inbox)) if where is not None else None
            out.append(RetryOutcome(path.name, result.status, result.reason, moved))
        else:
            if os.path.lexists(path):
                write_reason(note, path.name, result.reason or "it could not be processed")
            out.append(RetryOutcome(path.name, result.status, result.reason, None))
    return out

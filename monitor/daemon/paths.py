"""Which paths in the inbox are candidate articles, and how to list them.

One rule set shared by the event handler, the start-up scan and the periodic rescan, so a
file the watcher ignores is never picked up by a scan either (and the other way round).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

PROCESSED = "processed"
FAILED = "failed"
OWN_FOLDERS = frozenset({PROCESSED, FAILED})

# Names that tools use while a file is still being written or that carry desktop metadata.
TEMP_SUFFIXES = (".part", ".tmp", ".crdownload")
TEMP_PREFIXES = ("~$", "._")


def ignored_name(name: str) -> bool:
    """Hidden files, temporary download/editor names and desktop metadata are never articles."""
    low = name.lower()
    return name.startswith(".") or name.startswith(TEMP_PREFIXES) or low.endswith(TEMP_SUFFIXES)


class InboxFilter:
    """Decides whether a path under the inbox should be read."""

    def __init__(self, inbox: Path, *, recursive: bool) -> None:
        self.inbox = Path(os.path.abspath(inbox))
        self.recursive = recursive

    def relative(self, path: str | os.PathLike[str]) -> tuple[str, ...] | None:
        """The path's parts below the inbox, or None when it is not inside it."""
        p = os.path.abspath(os.fspath(path))
        root = os.fspath(self.inbox)
        if not p.startswith(root + os.sep):
            return None
        return tuple(p[len(root) + 1:].split(os.sep))

    def wanted(self, path: str | os.PathLike[str]) -> bool:
        """True for a file name we should try to read (the file's type is checked later)."""
        parts = self.relative(path)
        if not parts:
            return False
        if parts[0] in OWN_FOLDERS and len(parts) > 1:
            return False
        if len(parts) > 1 and not self.recursive:
            return False
        return not any(ignored_name(p) for p in parts)

    def wanted_dir(self, path: str | os.PathLike[str]) -> bool:
        """Folders a recursive scan descends into: not hidden, not our own."""
        if not self.recursive:
            return False
        parts = self.relative(path)
        if not parts:
            return False
        if parts[0] in OWN_FOLDERS:
            return False
        return not any(ignored_name(p) for p in parts)

    def scan(self, top: Path | None = None) -> Iterator[Path]:
        """Every wanted entry below `top` (default: the inbox); symbolic links are listed, never followed."""
        stack = [Path(top) if top is not None else self.inbox]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if self.wanted_dir(entry.path):
                            stack.append(Path(entry.path))
                        continue
                except OSError:
                    continue
                if self.wanted(entry.path):
                    yield Path(entry.path)

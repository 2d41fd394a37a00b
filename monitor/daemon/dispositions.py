"""What happens to a file in the inbox once its fate is committed to the log.

Files are moved, never copied, and a name clash never overwrites anything: the newcomer
gets " (2)", " (3)", ... before its extension. A symbolic link is moved as the link itself.
A rejected file's `.reason.txt` is written before the file is moved, so a crash in between
leaves at worst a stray note, never a failed file without its reason.
"""
from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from .paths import FAILED, PROCESSED

REASON_SUFFIX = ".reason.txt"


def _names(name: str) -> Iterator[str]:
    """name, then 'stem (2).ext', 'stem (3).ext', ..."""
    yield name
    stem, dot, ext = name.rpartition(".")
    if not stem:
        stem, dot, ext = name, "", ""
    n = 2
    while True:
        yield f"{stem} ({n}){dot}{ext}"
        n += 1


def _taken(folder: Path, name: str, with_reason: bool) -> bool:
    if os.path.lexists(folder / name):
        return True
    return with_reason and os.path.lexists(folder / (name + REASON_SUFFIX))


def _link_or_rename(src: Path, dest: Path) -> None:
    """Move src to dest only if dest does not exist (a hard link then unlink refuses to replace)."""
    try:
        os.link(src, dest, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EACCES):
            raise
        # Filesystems without hard links: the check-then-rename gap only matters against
        # other writers into our own folders, and only one daemon runs per state folder.
        if os.path.lexists(dest):
            raise FileExistsError(errno.EEXIST, "exists", str(dest)) from None
        os.rename(src, dest)
        return
    os.unlink(src)


def _same_file(a: Path, b: Path) -> bool:
    """Both names are hard links to one file (never true for two copies with equal bytes)."""
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def move_into(src: Path, folder: Path, *, reason: str | None = None) -> Path:
    """Move src into folder under a free name; with a reason, write NAME.reason.txt first."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in _names(src.name):
        if _same_file(src, folder / name):
            # a move cut short between its link and its unlink (kill -9): finish it, no second copy
            os.unlink(src)
            return folder / name
        if _taken(folder, name, reason is not None):
            continue
        if reason is not None:
            write_reason(folder / (name + REASON_SUFFIX), src.name, reason)
        try:
            _link_or_rename(src, folder / name)
        except FileExistsError:
            if reason is not None:
                _unlink_quietly(folder / (name + REASON_SUFFIX))
            continue
        return folder / name
    raise OSError(errno.ENOSPC, "no free name", str(folder))  # _names never ends; this satisfies the type checker


def write_reason(path: Path, original: str, reason: str) -> None:
    """A plain-words note next to a rejected file, written atomically."""
    when = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
    text = (f"{original} was not recorded as an article.\n\n"
            f"Why: {reason}\n\n"
            f"When: {when}\n\n"
            "To try again after fixing the cause (for example raising read.max_bytes), run:\n"
            f"    monitor retry \"{path.name[:-len(REASON_SUFFIX)]}\"\n")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".reason-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(Path(tmp))
        raise


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class Dispositions:
    """Where files go after processing, per `[daemon] on_success`."""

    def __init__(self, inbox: Path, on_success: str) -> None:
        self.inbox = inbox
        self.processed = inbox / PROCESSED
        self.failed = inbox / FAILED
        self.on_success = on_success

    def succeeded(self, path: Path) -> Path | None:
        """Recorded (or already known): move, delete or leave it; returns where it went."""
        if self.on_success == "leave":
            return path
        if self.on_success == "delete":
            os.unlink(path)
            return None
        return move_into(path, self.processed)

    def rejected(self, path: Path, reason: str) -> Path:
        """Could not become an article: into failed/, next to why."""
        return move_into(path, self.failed, reason=reason)

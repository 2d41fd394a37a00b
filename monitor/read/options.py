"""What the reader accepts; the app builds this from config.toml."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    extensions: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".eml")
    max_bytes: int = 5_000_000

"""The `work` fixture: a temporary monitor folder whose daemon subprocesses are always killed."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.daemon.support import Workdir


@pytest.fixture
def work(tmp_path: Path) -> Iterator[Workdir]:
    w = Workdir(tmp_path)
    try:
        yield w
    finally:
        w.kill_all()

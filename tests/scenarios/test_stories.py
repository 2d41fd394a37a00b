"""Whole stories through the command line: every expected alert is raised, every silence kept."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scenarios.stories import QUAKE, STORIES, Pair, Story


def _monitor(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "monitor", "--config", str(workdir / "config.toml"), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=workdir, timeout=300)


def _run(tmp_path: Path, story: Story, reverse: bool = False) -> list[dict]:
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    (tmp_path / "inbox").mkdir()
    (tmp_path / "state").mkdir()
    files = tmp_path / "files"
    files.mkdir()
    paths = []
    for doc in reversed(story.docs) if reverse else story.docs:
        p = files / doc.name
        p.write_text(doc.text(), encoding="utf-8")
        paths.append(str(p))
    done = _monitor(tmp_path, "ingest", *paths)
    assert done.returncode == 0, done.stderr
    out = _monitor(tmp_path, "alerts", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout or "[]")


def _side(side: dict, doc: str, quote: str) -> bool:
    text = " ".join((side.get("text") or "").split())
    return os.path.basename(side.get("article") or "") == doc and quote in (side.get("sentence") or "") \
        and bool(text) and (quote in text or text in quote)


def _raised(alerts: list[dict], pair: Pair, check_kind: bool = True) -> bool:
    for a in alerts:
        if check_kind and a["kind"] != pair.kind:
            continue
        if _side(a["old"], pair.old_doc, pair.old_quote) and _side(a["new"], pair.new_doc, pair.new_quote):
            return True
        if pair.kind == "contradiction" and _side(a["new"], pair.old_doc, pair.old_quote) \
                and _side(a["old"], pair.new_doc, pair.new_quote):
            return True
    return False


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_story_raises_each_expected_alert_and_nothing_else(tmp_path: Path, story: Story) -> None:
    alerts = _run(tmp_path, story)
    missing = [p for p in story.expected if not _raised(alerts, p)]
    assert not missing, f"missed: {missing}\nraised: {[(a['old']['text'], a['new']['text']) for a in alerts]}"
    loud = [p for p in story.silent if _raised(alerts, p, check_kind=False)]
    assert not loud, f"should be silent: {loud}"
    unexpected = [a for a in alerts if not any(_raised([a], p) for p in story.expected)]
    assert not unexpected, f"alerts nobody expected: {[(a['old']['text'], a['new']['text']) for a in unexpected]}"
    for a in alerts:
        assert a["explanation"] and a["label"] and a["change"]


def test_newest_first_raises_no_alert_between_articles(tmp_path: Path) -> None:
    alerts = _run(tmp_path, QUAKE, reverse=True)
    across = [a for a in alerts if a["old"]["article"] != a["new"]["article"]]
    assert not across, [(a["old"]["text"], a["new"]["text"]) for a in across]

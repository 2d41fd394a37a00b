"""Front matter: metadata a user states at the top of a text file.

A `---` block is read with a tiny `key: value` parser (the keys we honour are flat
strings, so PyYAML would be a dependency for nothing); a `+++` block is TOML and goes
through the standard library's tomllib. Unknown keys are ignored, a malformed block is
treated as article text rather than lost.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field

KEYS = ("title", "source", "published", "url")
_ALIASES = {"date": "published", "publisher": "source", "link": "url"}
_YAML = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # offset just past the closing fence: text[:end] is the block
    values: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _as_text(value: object) -> str | None:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    return None


def parse(text: str) -> FrontMatter | None:
    """The front matter at the very top of `text`, or None when there is none."""
    if not text.startswith(("---", "+++")):
        return None
    raw: dict[str, object] = {}
    problems: list[str] = []
    m = _YAML.match(text)
    if m:
        for line in m.group(1).splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            kv = _LINE.match(line)
            if kv:
                raw[kv.group(1).lower()] = _unquote(kv.group(2))
    else:
        m = _TOML.match(text)
        if not m:
            return None
        try:
            raw = {k.lower(): v for k, v in tomllib.loads(m.group(1)).items()}
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"the +++ front matter is not valid TOML ({exc}); it was ignored")
            raw = {}
    values: dict[str, str] = {}
    for key, value in sorted(raw.items(), key=lambda kv: kv[0] in _ALIASES):  # canonical keys first
        key = _ALIASES.get(key, key)
        text_value = _as_text(value)
        if key in KEYS and text_value and key not in values:
            values[key] = text_value
    return FrontMatter(m.end(), values, tuple(problems))

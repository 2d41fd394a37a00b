"""The hand-written to_dict of the models the log stores: every field, in field order, as asdict gave."""
from __future__ import annotations

import dataclasses
from datetime import date

from monitor.models import DatedEvent, Figure, Period


def test_figure_to_dict_is_asdict() -> None:
    p = Period(date(2024, 3, 1), date(2024, 3, 31), "2024-03", "relative")
    for f in (Figure(12.0, "count", "12", 3, 5, "About 12 died.", 0),
              Figure(1.5, "percent", "1.5%", 0, 4, "s", 0, "range", 1.0, 2.0, 30.0, "members", p, "increase",
                     ("projection", "target"))):
        want = dataclasses.asdict(f)
        want["period"] = f.period.to_dict() if f.period else None
        want["tags"] = list(f.tags)
        got = f.to_dict()
        assert list(got) == [x.name for x in dataclasses.fields(Figure)]
        assert repr(got) == repr(want)


def test_dated_event_to_dict_is_asdict() -> None:
    e = DatedEvent("Sweden joined in March.", "in March", "2024-03", 14, 22, "Sweden", "join", None)
    assert list(e.to_dict()) == [x.name for x in dataclasses.fields(DatedEvent)]
    assert repr(e.to_dict()) == repr(dataclasses.asdict(e))

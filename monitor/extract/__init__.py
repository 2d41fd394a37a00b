"""Pure extraction: figures and dated events from an article's text.

`extract` has no I/O and no global mutable state; it runs in linear time in the length
of the text (see the docstrings of `sentences`, `figures` and `timex` for why).
"""
from __future__ import annotations

from datetime import date

from monitor.models import DatedEvent, Extraction, Figure

from .events import build_events
from .figures import find_figures
from .periods import choose_period, clause_bounds, clause_of, statement_tags
from .sentences import split_sentences
from .tokens import Candidates
from .timex import Timex, find_timexes, last_explicit_year, resolve

EXTRACTOR_VERSION = "1.1.0"

__all__ = ["EXTRACTOR_VERSION", "extract", "split_sentences", "resolve", "find_timexes", "Timex"]


def extract(text: str, published: date) -> Extraction:
    """Every figure and dated event in `text`, an article published on `published`."""
    figures: list[Figure] = []
    events: list[DatedEvent] = []
    cands = Candidates(text)
    recent_years: list[int | None] = [None, None]
    for ss, se in split_sentences(text):
        reference = recent_years[-1] or recent_years[-2]
        tx_c = Candidates.within(cands.timex, ss, se)
        timexes = find_timexes(text, published, ss, se, reference, tx_c, cands.low) if tx_c else []
        recent_years = [recent_years[-1], last_explicit_year(timexes)]
        if timexes:
            events.extend(build_events(text, ss, se, timexes))
        fg_c = Candidates.within(cands.figure, ss, se)
        if not fg_c:
            continue
        found = find_figures(text, ss, se, [(t.start, t.end) for t in timexes], fg_c, cands.low)
        if not found:
            continue
        sentence = text[ss:se]
        bounds = clause_bounds(text, ss, se)
        clauses_with_fig: dict[int, bool] = {}
        for f in found:
            clauses_with_fig[clause_of(bounds, f.start)] = True
        ref = reference or last_explicit_year(timexes)
        for f in found:
            own = clause_of(bounds, f.start)
            others = {k: v for k, v in clauses_with_fig.items() if k != own}
            period = choose_period(f.start, f.end, bounds, timexes, others, published, ref,
                                   "past_state" in f.tags)
            c_end = bounds[own + 1] if own + 1 < len(bounds) else se
            tags = tuple(dict.fromkeys(f.tags + statement_tags(cands.low, bounds[own], c_end)))
            if "target" not in tags and "projection" not in tags and "proposal" not in tags:
                tags = tuple(dict.fromkeys(tags + tuple(statement_tags(cands.low, ss, se))))
            figures.append(Figure(
                value=f.value, unit=f.unit, text=text[f.start:f.end], start=f.start, end=f.end,
                sentence=sentence, sentence_start=ss, qualifier=f.qualifier, low=f.low, high=f.high,
                total=f.total, counted=f.counted, period=period, change=f.change, tags=tags,
            ))
    return Extraction(figures=figures, events=events, version=EXTRACTOR_VERSION)

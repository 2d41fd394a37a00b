"""The contract with the app: deterministic ids, JSON-safe features, one decision per claim, purity, speed."""
from __future__ import annotations

import copy
import json

from monitor.claims import CLAIMS_VERSION, make_claims, reconcile
from monitor.models import Claim
from tests.claims.helpers import article, fig, period

TEXT = ("Regional carriers flew 1.2 million passengers in May, the aviation authority said. "
        "Budget airlines carried 640,000 of them, up from 590,000 a year earlier. "
        "Only 14 of the 22 airports met the punctuality target in May. "
        "The authority said last month that 12 of the 22 airports were expected to meet the punctuality target.")


def _figures() -> list:
    return [fig(TEXT, "1.2 million", 1.2e6, period=period("2025-05")),
            fig(TEXT, "640,000", 640000, period=period("2025-05")),
            fig(TEXT, "590,000", 590000, period=period("2024-05"), change="baseline"),
            fig(TEXT, "14 of the 22", 14, total=22, period=period("2025-05")),
            fig(TEXT, "12 of the 22", 12, total=22)]


def test_claims_are_deterministic_and_json_safe() -> None:
    art = article("air.txt", TEXT, "2025-06-10", "Ledger")
    a, b = make_claims(art, _figures()), make_claims(art, _figures())
    assert [c.to_dict() for c in a] == [c.to_dict() for c in b]
    assert CLAIMS_VERSION
    for c in a:
        assert c.claim_id == f"{art.sha256[:16]}-{c.figure_index}"
        assert c.buckets and len(c.buckets) <= 8 and all(isinstance(x, str) for x in c.buckets)
        assert c.key and c.label
        again = Claim.from_dict(json.loads(json.dumps(c.to_dict())))
        assert again.features == c.features


def test_one_decision_per_claim_in_order_without_touching_inputs() -> None:
    art = article("air.txt", TEXT, "2025-06-10", "Ledger")
    new = make_claims(art, _figures())
    before = [copy.deepcopy(c.to_dict()) for c in new]
    decisions = reconcile(new, [])
    assert [d.claim.claim_id for d in decisions] == [c.claim_id for c in new]
    assert [c.to_dict() for c in new] == before
    kinds = {d.claim.text: d.kind for d in decisions}
    assert kinds["590,000"] == "history"
    assert kinds["14 of the 22"] == "update"  # said last month -> now, within the article
    assert all("decision" in d.claim.features for d in decisions)


def test_said_last_month_dates_the_statement() -> None:
    art = article("air.txt", TEXT, "2025-06-10")
    claims = {c.text: c for c in make_claims(art, _figures())}
    assert claims["12 of the 22"].as_of.isoformat() == "2025-05-10"
    assert claims["14 of the 22"].as_of.isoformat() == "2025-06-10"


def test_twenty_figures_against_a_hundred_candidates_leave_the_known_claims_untouched() -> None:
    """The app keeps recorded claims in memory across articles, so reconcile must never change them.

    (How long this takes is measured in benchmarks/, not asserted here.)
    """
    text = " ".join(f"Sector {chr(65 + i)} employed {1000 + 10 * i} workers in the region of Harlow in May, "
                    f"the labour office said." for i in range(20))
    figures = [fig(text, f"{1000 + 10 * i}", 1000 + 10 * i, period=period("2025-05")) for i in range(20)]
    old = article("old.txt", text.replace("May", "April"), "2025-05-02")
    old_figs = [fig(old.text, f"{1000 + 10 * i}", 1000 + 10 * i, period=period("2025-04")) for i in range(20)]
    known = [c for _ in range(5) for c in make_claims(old, old_figs)]
    before = [c.to_dict() for c in known]
    sigs: dict[str, object] = {}
    for i in range(3):
        art = article(f"new{i}.txt", text + " " * i, "2025-06-02")
        new = make_claims(art, figures)
        decisions = reconcile(new, known, sigs)  # type: ignore[arg-type]
        assert [d.claim.claim_id for d in decisions] == [c.claim_id for c in new]
        assert decisions == reconcile(new, known)  # the signature cache changes nothing
    assert [c.to_dict() for c in known] == before and set(sigs) <= {c.claim_id for c in known}

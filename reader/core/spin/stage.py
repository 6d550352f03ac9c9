"""Run the spin detectors in order and rank what they found."""

from __future__ import annotations

from dataclasses import replace

from reader.core.spin import quotations, sourcing
from reader.core.spin.context import Detector, Finding, SpinContext

# Each detector is a pure function of the context; the order only breaks ties.
DETECTORS: tuple[Detector, ...] = (sourcing.find, quotations.find)

# A headline is what most readers read, often all they read: its changes come first.
HEADLINE_BOOST = 1.3


def find_spin(ctx: SpinContext) -> tuple[Finding, ...]:
    """Every detector's findings, weightiest first; a span reported twice is kept once."""
    found: list[Finding] = []
    for detector in DETECTORS:
        for finding in detector(ctx):
            if ctx.in_headline(finding.side, finding.start):
                finding = _in_headline(finding)
            found.append(finding)
    found.sort(key=lambda f: (-f.weight, f.side != "right", f.start, f.end))
    seen: set[tuple[str, int, int]] = set()
    ranked = []
    for finding in found:
        key = (finding.side, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            ranked.append(finding)
    return tuple(ranked)


def _in_headline(finding: Finding) -> Finding:
    return replace(
        finding,
        weight=min(1.0, finding.weight * HEADLINE_BOOST),
        why=f"headline: {finding.why}",
    )

"""Run the spin detectors in order and rank what they found."""

from __future__ import annotations

from dataclasses import replace

from reader.core.spin import facts, loaded, negation, omission, quotations, sourcing
from reader.core.spin.context import Detector, Finding, SpinContext

# Each detector is a pure function of the context. Where two report the same words
# the earlier one's finding is kept: the more specific reading ("reporting verb
# changed: said -> claimed" rather than "verb of saying added: claimed").
DETECTORS: tuple[Detector, ...] = (
    quotations.find,
    facts.find,
    negation.find,
    sourcing.find,
    loaded.find,
    omission.find,
)

# A headline is what most readers read, often all they read: its changes come first.
HEADLINE_BOOST = 1.3


def find_spin(ctx: SpinContext) -> tuple[Finding, ...]:
    """Every detector's findings, weightiest first; the same words reported twice are kept once.

    Only identical spans are merged: overlapping findings of different kinds
    (a loaded verb that is also a reporting verb changed) both stay.
    """
    found: dict[tuple[str, int, int], Finding] = {}
    for detector in DETECTORS:
        for finding in detector(ctx):
            if ctx.in_headline(finding.side, finding.start):
                finding = _in_headline(finding)
            if finding.counterpart is not None:
                # A counterpart is read, and written into every finding's JSON:
                # never a whole endless block.
                narrowed = ctx.narrowed(finding.side, finding.start, finding.counterpart)
                if narrowed != finding.counterpart:
                    finding = replace(finding, counterpart=narrowed)
            found.setdefault((finding.side, finding.start, finding.end), finding)
    return tuple(sorted(found.values(), key=lambda f: (-f.weight, f.side != "right", f.start)))


def _in_headline(finding: Finding) -> Finding:
    return replace(
        finding,
        weight=min(1.0, finding.weight * HEADLINE_BOOST),
        why=f"headline: {finding.why}",
    )

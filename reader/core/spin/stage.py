"""Run the spin detectors in order and rank what they found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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

# Detectors that read no quotation pair: ``compare`` runs them while the worker
# process is still finding and pairing the quotations.
WITHOUT_QUOTES: tuple[Detector, ...] = (facts.find,)

# A headline is what most readers read, often all they read: its changes come first.
HEADLINE_BOOST = 1.3


def run_detectors(ctx: SpinContext, detectors: Iterable[Detector]) -> dict[Detector, list[Finding]]:
    """What each of ``detectors`` finds, as ``find_spin`` takes it from an earlier call."""
    return {detector: detector(ctx) for detector in detectors}


def find_spin(
    ctx: SpinContext, found_before: Mapping[Detector, list[Finding]] | None = None
) -> tuple[Finding, ...]:
    """Every detector's findings, weightiest first; the same words reported twice are kept once.

    Only identical spans are merged: overlapping findings of different kinds
    (a loaded verb that is also a reporting verb changed) both stay.
    ``found_before`` holds what ``run_detectors`` found on this context: those
    detectors are not run again, and the result is the same.
    """
    found_before = found_before or {}
    found: dict[tuple[str, int, int], Finding] = {}
    for detector in DETECTORS:
        findings = found_before.get(detector)
        for finding in detector(ctx) if findings is None else findings:
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

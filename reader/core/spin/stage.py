"""Run the spin detectors in order and rank what they found."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

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

# Detectors in two parts: the first reads no quotation pair, so ``compare`` runs
# it while the worker process is still finding and pairing the quotations; the
# second gets its result once the pairs are in the context.
TWO_PARTS: dict[
    Detector, tuple[Callable[[SpinContext], Any], Callable[[SpinContext, Any], list[Finding]]]
] = {
    facts.find: (facts.find, lambda _ctx, found: found),
    loaded.find: (loaded.candidates, loaded.outside_quotations),
}

# A headline is what most readers read, often all they read: its changes come first.
HEADLINE_BOOST = 1.3


def before_quotes(ctx: SpinContext) -> dict[Detector, Any]:
    """The first parts of the ``TWO_PARTS`` detectors: what ``find_spin`` finishes later.

    ``ctx`` may still lack its quotation pairs (``SpinContext.set_quote_pairs``).
    """
    return {detector: first(ctx) for detector, (first, _) in TWO_PARTS.items()}


def find_spin(ctx: SpinContext, begun: Mapping[Detector, Any] | None = None) -> tuple[Finding, ...]:
    """Every detector's findings, weightiest first; the same words reported twice are kept once.

    Only identical spans are merged: overlapping findings of different kinds
    (a loaded verb that is also a reporting verb changed) both stay.
    ``begun``: what ``before_quotes`` gave on this context; those detectors
    are then only finished, with the same result.
    """
    found: dict[tuple[str, int, int], Finding] = {}
    for detector in DETECTORS:
        if begun is not None and detector in begun:
            findings = TWO_PARTS[detector][1](ctx, begun[detector])
        else:
            findings = detector(ctx)
        for finding in findings:
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

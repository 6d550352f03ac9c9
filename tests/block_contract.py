"""The block contract of the JSON output, checked in one place for every test that needs it."""

from __future__ import annotations

from reader.core.results.comparison import BlockKind, Comparison


def assert_block_contract(comparison: Comparison) -> None:
    """Rebuild, cover, no overlap, and kind/ops consistency, for both sides."""
    for side in ("left", "right"):
        text = getattr(comparison, side).text
        keep = "-" if side == "left" else "+"
        covered = bytearray(len(text))
        for block in comparison.blocks:
            span = getattr(block, side)
            if span is None:
                assert all(op.tag != keep and op.tag != "=" for op in block.ops), block
                continue
            start, end = span
            assert 0 <= start < end <= len(text), block
            rebuilt = "".join(op.text for op in block.ops if op.tag in ("=", keep))
            assert rebuilt == text[start:end], (side, block)
            for k in range(start, end):
                assert not covered[k], f"{side} overlap at {k}"
                covered[k] = 1
        missing = [k for k, c in enumerate(text) if not c.isspace() and not covered[k]]
        assert not missing, f"{side} uncovered at {missing[:5]}"
    for block in comparison.blocks:
        assert all(op.text for op in block.ops)
        if block.kind is BlockKind.ADDED:
            assert block.left is None and {op.tag for op in block.ops} == {"+"}
        elif block.kind is BlockKind.OMITTED:
            assert block.right is None and {op.tag for op in block.ops} == {"-"}
        else:
            assert block.left is not None and block.right is not None

"""The headless engine: loading, segmenting, aligning, diffing, quotations, reports.

Pure Python: nothing under ``reader.core`` imports Qt, so scripts, the CLI and the
tests use exactly the engine the window presents.
"""

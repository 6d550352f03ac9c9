"""The command line: ``compare LEFT RIGHT [--json]`` and ``quotes FILE [--json]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from reader import __version__
from reader.core.compare import compare
from reader.core.errors import ArticleError
from reader.core.load.loader import load
from reader.core.quotes.find import extract_quotes
from reader.core.results.comparison import BlockKind, Change, Comparison, Finding, Quote
from reader.core.results.labels import (
    CHANGE,
    CHANGE_GLYPH,
    FINDING_KIND,
    QUOTE_STATUS,
    capitalised,
    findings_count,
)
from reader.core.results.marks import MarkKind, inline
from reader.core.results.report import ReportError, render_html, write_report

_COLOURS = {MarkKind.ADDED: "\x1b[4;32m", MarkKind.OMITTED: "\x1b[9;31m"}
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
# A finding's change, on a terminal: the glyph and word carry it, the colour repeats it.
_CHANGE_COLOURS = {Change.ADDED: "\x1b[32m", Change.DROPPED: "\x1b[31m", Change.CHANGED: "\x1b[33m"}
_WORDS_SHOWN = 70  # a finding's words are cut to this many characters: one line each
# The first two characters of a block's line.
_LINE_START = {BlockKind.CHANGED: "~ ", BlockKind.ADDED: "+ ", BlockKind.OMITTED: "- "}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-reader",
        description="Compare two articles: additions, omissions and altered quotations.",
        epilog="Without a subcommand, article-reader [LEFT RIGHT] opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    cmp = sub.add_parser("compare", help="compare two article files")
    cmp.add_argument("left", help="the original article")
    cmp.add_argument("right", help="the rewrite")
    cmp.add_argument("--json", action="store_true", help="print the comparison as JSON")
    cmp.add_argument("--html", metavar="REPORT", help="write a self-contained HTML report")
    cmp.add_argument("--force", action="store_true", help="replace an existing report")
    quotes = sub.add_parser("quotes", help="list the direct quotations of one article")
    quotes.add_argument("file")
    quotes.add_argument("--json", action="store_true", help="print the quotations as JSON")
    return parser


def main(argv: list[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run one CLI command; returns the exit status (2 for unusable input)."""
    out = stdout or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        if args.command == "compare":
            if args.html and os.path.exists(args.html) and not args.force:
                raise ReportError(f"{args.html}: already exists (use --force to replace it)")
            comparison = compare(load(args.left), load(args.right), parallel=True)
            if args.html:
                write_report(args.html, render_html(comparison), inputs=(args.left, args.right))
            if args.json:
                json.dump(comparison.to_json(), out, ensure_ascii=False, indent=1)
                out.write("\n")
            elif not args.html:
                write_terminal(comparison, out, colour=_wants_colour(out))
        else:
            article = load(args.file)
            found = extract_quotes(article)
            if args.json:
                payload = {"quotes": [q.to_json(article.text) for q in found]}
                json.dump(payload, out, ensure_ascii=False, indent=1)
                out.write("\n")
            else:
                for quote in found:
                    out.write(_quote_line(quote, article.text) + "\n")
    except (ArticleError, ReportError) as error:
        print(f"article-reader: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader closed the pipe (``| head``): not an error. Point stdout at
        # devnull so the interpreter's final flush does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


def _wants_colour(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty() and not os.environ.get("NO_COLOR")


def write_terminal(comparison: Comparison, out: TextIO, *, colour: bool) -> None:
    """Readable diff: one paragraph per block that differs, additions {+..+}, omissions [-..-]."""

    def show(text: str, kind: MarkKind | None) -> str:
        if kind is None:
            return text
        if colour:
            return f"{_COLOURS[kind]}{text}{_RESET}"
        return f"{{+{text}+}}" if kind is MarkKind.ADDED else f"[-{text}-]"

    for block in comparison.blocks:
        if block.kind is BlockKind.SAME:
            continue  # a moved passage the rewrite kept word for word is no difference here
        parts = [show(text, kind) for text, kind in inline(block.ops)]
        moved = " (moved)" if block.moved else ""
        out.write(f"{_LINE_START[block.kind]}{''.join(parts)}{moved}\n")
    summary = comparison.summary
    out.write(
        f"\n{summary.kept_share:.0%} of the rewrite comes from the original; "
        f"{summary.added_chars} characters added, {summary.omitted_chars} omitted.\n"
    )
    if comparison.findings:
        out.write(f"\n{capitalised(findings_count(len(comparison.findings)))}, weightiest first:\n")
        for finding in comparison.findings:
            out.write(_finding_line(comparison, finding, colour=colour) + "\n")
        out.write("\n")
    for pair in comparison.quote_pairs:
        left = " / ".join(_quote_line(q, comparison.left.text) for q in pair.left) or "-"
        right = " / ".join(_quote_line(q, comparison.right.text) for q in pair.right) or "-"
        out.write(f"[{QUOTE_STATUS[pair.status]}] {left}\n    -> {right}\n")


def _finding_line(comparison: Comparison, finding: Finding, *, colour: bool) -> str:
    """ "quotations  − dropped  “It’s almost like…”  quotation dropped (Ariana Saludares)"."""
    text = comparison.left.text if finding.side == "left" else comparison.right.text
    words = " ".join(text[finding.start : finding.end].split())
    if len(words) > _WORDS_SHOWN:
        words = words[: _WORDS_SHOWN - 1].rstrip() + "…"
    kind = capitalised(FINDING_KIND[finding.kind])
    change = f"{CHANGE_GLYPH[finding.change]} {CHANGE[finding.change]}"
    if colour:
        kind = f"{_BOLD}{kind}{_RESET}"
        change = f"{_CHANGE_COLOURS[finding.change]}{change}{_RESET}"
    return f"  {kind}, {change}: “{words}” — {finding.why}"


def _quote_line(quote: Quote, text: str) -> str:
    speaker = f" ({quote.speaker})" if quote.speaker else ""
    return f"“{quote.text(text)}”{speaker}"

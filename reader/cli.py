"""The command line: ``compare LEFT RIGHT [--json]`` and ``quotes FILE [--json]``.

Output goes to standard output, or with ``--output FILE`` to a temporary file
beside FILE renamed over it once complete. JSON is compact unless ``--indent N``
asks otherwise, and written in pieces as it is encoded, never built as one
string. A failed write (a full disk) is a one-line error and exit 2; what went
to FILE is removed, and what went to standard output, when that is a regular
file, is cut back off it: no partial report is left looking complete.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TextIO

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
from reader.core.results.report import (
    ReportError,
    render_html,
    replaced_atomically,
    write_report,
)

_COLOURS = {
    MarkKind.ADDED: "\x1b[4;32m",
    MarkKind.OMITTED: "\x1b[9;31m",
    MarkKind.MOVED: "\x1b[4;34m",  # words moved within their passage: kept, in blue
}
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
    cmp.add_argument("--force", action="store_true", help="replace an existing report or output")
    quotes = sub.add_parser("quotes", help="list the direct quotations of one article")
    quotes.add_argument("file")
    quotes.add_argument("--json", action="store_true", help="print the quotations as JSON")
    for command in (cmp, quotes):
        command.add_argument(
            "--indent", type=int, metavar="N", help="indent the JSON N spaces (default: compact)"
        )
        command.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
        )
    return parser


def main(argv: list[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run one CLI command; returns the exit status (2 for unusable input)."""
    out = stdout or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        if args.command == "compare":
            inputs = (args.left, args.right)
            for target in (args.html, args.output):
                _check_target(target, inputs, force=args.force)
            comparison = compare(load(args.left), load(args.right), parallel=True)
            if args.html:
                write_report(args.html, render_html(comparison), inputs=inputs)
            if args.json or not args.html:
                with _destination(args.output, out, inputs) as dest:
                    if args.json:
                        write_json(comparison.json_items(), dest, indent=args.indent)
                    else:
                        write_terminal(comparison, dest, colour=_wants_colour(dest))
        else:
            _check_target(args.output, (args.file,), force=args.force)
            article = load(args.file)
            found = extract_quotes(article)
            with _destination(args.output, out, (args.file,)) as dest:
                if args.json:
                    quotes = (q.to_json(article.text) for q in found)
                    write_json([("quotes", quotes)], dest, indent=args.indent)
                else:
                    for quote in found:
                        dest.write(_quote_line(quote, article.text) + "\n")
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


def _check_target(path: str | None, inputs: tuple[str, ...], *, force: bool) -> None:
    """Refuse, before any work, an output path that exists (without ``force``) or is no file.

    A device, pipe or directory is never replaced by a report renamed over it
    (as root, ``--html /dev/full`` would have replaced the device).
    """
    if path is None:
        return
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise ReportError(f"{path}: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        raise ReportError(f"{path}: not a regular file")
    for item in inputs:
        try:
            if os.path.samefile(path, item):
                raise ReportError(f"{path}: refusing to overwrite an input article")
        except OSError:
            continue
    if not force:
        raise ReportError(f"{path}: already exists (use --force to replace it)")


@contextmanager
def _destination(path: str | None, out: TextIO, inputs: tuple[str, ...]) -> Iterator[TextIO]:
    """Where the output goes: ``path`` written whole or not at all, else ``out``.

    A write that fails raises ``ReportError`` naming the destination, and leaves
    no partial output: the temporary file is removed, and standard output, when
    it is a regular file, is cut back to where it stood.
    """
    if path is None:
        yield from _to_stream(out)
        return
    with replaced_atomically(path) as stream:
        yield stream


def _to_stream(out: TextIO) -> Iterator[TextIO]:
    fd = start = None
    try:
        fd = out.fileno()
        if stat.S_ISREG(os.fstat(fd).st_mode):
            out.flush()
            start = os.lseek(fd, 0, os.SEEK_CUR)
    except (AttributeError, OSError, ValueError):  # io.StringIO and the like
        fd = None
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        if fd is not None:
            if start is not None:
                try:
                    os.ftruncate(fd, start)
                    os.lseek(fd, start, os.SEEK_SET)
                except OSError:
                    pass
            # What is still buffered must not fail again when the interpreter exits.
            os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
        raise ReportError(f"standard output: {error.strerror or error}") from None


# Items encoded per write when streaming a long list: big enough for the C
# encoder to do the work, small enough never to hold a 3 MB pair's JSON at once.
_BATCH = 500


def write_json(items: Iterable[tuple[str, Any]], out: TextIO, *, indent: int | None = None) -> None:
    """Write a JSON object of ``items`` (key, value) and a line break to ``out``.

    A value that is an iterator is a long list, encoded and written a batch at
    a time. Compact (no spaces) unless ``indent`` is given; the same text as
    ``json.dumps`` of the whole object with the same settings.
    """
    if indent is not None:
        json.dump({k: _listed(v) for k, v in items}, out, ensure_ascii=False, indent=indent)
        out.write("\n")
        return
    # ``JSONEncoder.encode`` runs the C encoder; ``json.dump`` would use the Python one.
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out.write("{")
    for n, (key, value) in enumerate(items):
        out.write(f"{',' if n else ''}{encode(key)}:")
        if not isinstance(value, Iterator):
            out.write(encode(value))
            continue
        out.write("[")
        batch = list(islice(value, _BATCH))
        first = True
        while batch:
            out.write(("" if first else ",") + encode(batch)[1:-1])
            first = False
            batch = list(islice(value, _BATCH))
        out.write("]")
    out.write("}\n")


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, Iterator) else value


def _wants_colour(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty() and not os.environ.get("NO_COLOR")


def write_terminal(comparison: Comparison, out: TextIO, *, colour: bool) -> None:
    """Readable diff: one paragraph per block that differs, additions {+..+}, omissions [-..-]."""

    def show(text: str, kind: MarkKind | None) -> str:
        if kind is None:
            return text
        if colour:
            return f"{_COLOURS[kind]}{text}{_RESET}"
        if kind is MarkKind.MOVED:
            return text  # kept words: no edit brackets where there is no colour
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

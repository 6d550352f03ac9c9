"""Time and peak memory of loading each hostile input (issue 16), one fresh process a case.

    python benchmarks/hostile.py [--timeout 60] [--only NAME,NAME] [--cli]

Every input is built at run time by ``tests/hostile_inputs.py`` into a temporary
folder (nothing hostile is ever committed), then loaded by ``load()`` in a new
interpreter whose wall time and peak RSS are measured; a run past ``--timeout``
seconds is killed and shown as ``>N s``.
Peak RSS is ``/usr/bin/time -v``'s (none for a killed run).
``--cli`` adds the whole-pipeline cases that other stages own (quotations on one
line, identical lines), run as ``article-reader compare FILE FILE``.
The outcome column is the loaded text's length or the one-line error.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile_inputs as h  # noqa: E402

GIB = 1 << 30
MB = 1 << 20

_LOAD = """
import json, sys
from reader.core.errors import ArticleError
from reader.core.load.loader import load
try:
    article = load(sys.argv[1])
    print(json.dumps({"ok": len(article.text)}))
except ArticleError as error:
    print(json.dumps({"error": str(error).split(": ", 1)[-1]}))
"""


def _lying_docx() -> bytes:
    return h.lying_member(h.docx(h.prose_paragraphs(3000)), "word/document.xml", GIB)


def _lying_epub() -> bytes:
    book = h.epub([h.epub_chapter("<p>" + "</p><p>".join(h.prose_paragraphs(3000)) + "</p>")])
    return h.lying_member(book, "OEBPS/c0.xhtml", GIB)


def _huge_docx() -> bytes:
    return h.docx(h.prose_paragraphs(52_000_000))


def _huge_epub() -> bytes:
    body = "<p>" + "</p><p>".join(h.prose_paragraphs(52_000_000)) + "</p>"
    return h.epub([h.epub_chapter(body)])


def _laughs_docx() -> bytes:
    return h.docx(["Secret: &lol9; end."], doctype=h.BILLION_LAUGHS.replace("lolz", "w:document"))


def _xxe_epub() -> bytes:
    return h.epub([h.epub_chapter("<p>Secret: &xxe; end of the text here.</p>", doctype=h.XXE)])


def _quotes_line() -> bytes:
    return ("He said “yes” and she said “no” then. " * 60_000).encode()


def _identical_lines() -> bytes:
    return ("The council voted on the budget on Tuesday night.\n" * 200_000).encode()


# (name, issue case, file name, builder, run under the CLI instead of load())
CASES: list[tuple[str, str, str, Callable[[], bytes], bool]] = [
    ("zip member lies about its size (.docx, 1 GiB of zeros)", "1", "lie.docx", _lying_docx, False),
    ("zip member lies about its size (.epub, 1 GiB of zeros)", "1", "lie.epub", _lying_epub, False),
    (
        "PDF: 999 pages share one 1 MB stream",
        "2",
        "shared.pdf",
        lambda: h.pdf_shared_stream(999, MB),
        False,
    ),
    ("hard-wrapped paragraph, 4 MB", "3", "wrapped.txt", lambda: h.wrapped_text(4 * MB), False),
    ("hard-wrapped paragraph, 16 MB", "3", "wrapped16.txt", lambda: h.wrapped_text(16 * MB), False),
    (".docx with 52 M characters", "5", "huge.docx", _huge_docx, False),
    (".epub with 52 M characters", "5", "huge.epub", _huge_epub, False),
    ("billion laughs in a .docx", "-", "laughs.docx", _laughs_docx, False),
    ("XXE in an EPUB chapter", "-", "xxe.epub", _xxe_epub, False),
    ("120,000 quotations on one 2 MB line", "4", "quotes.txt", _quotes_line, True),
    ("200,000 identical lines (10 MB)", "6", "same.txt", _identical_lines, True),
]


def run(command: list[str], timeout: float, folder: str) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, outcome) of one child process, killed past ``timeout``.

    The peak comes from ``/usr/bin/time -v``: a child forked from this process
    would count the inputs this process built in its own maximum RSS.
    """
    report = Path(folder) / "time.txt"
    start = time.perf_counter()
    # timeout(1) kills the run; /usr/bin/time still reports its peak.
    child = subprocess.Popen(
        ["/usr/bin/time", "-v", "-o", str(report), "timeout", "-s", "KILL", str(timeout), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out_bytes, err_bytes = child.communicate(timeout=timeout + 30)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return time.perf_counter() - start, float("nan"), "killed"
    wall = time.perf_counter() - start
    if child.returncode == 137:  # timeout(1) does not reap what it kills: no peak known
        return wall, float("nan"), "killed"
    out = out_bytes.decode(errors="replace").strip()
    err = err_bytes.decode(errors="replace").strip()
    status = child.returncode
    try:
        found = json.loads(out.splitlines()[-1])
        outcome = f"{found['ok']:,} chars" if "ok" in found else found["error"]
    except (IndexError, ValueError, KeyError):
        last = (err or out).splitlines()[-1:] or [f"exit {status}"]
        outcome = last[0][:90]
    return wall, _peak(report), outcome


def _peak(report: Path) -> float:
    """Maximum resident set size in MB from /usr/bin/time's report (nan when killed first)."""
    try:
        for line in report.read_text().splitlines():
            if "Maximum resident set size" in line:
                return int(line.rsplit(":", 1)[1]) / 1024
    except (OSError, ValueError):
        pass
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", default="", help="comma-separated file names (lie.docx,...)")
    parser.add_argument("--cli", action="store_true", help="also the whole-pipeline cases")
    args = parser.parse_args()
    only = {n for n in args.only.split(",") if n}
    print("| case | issue 16 | file | seconds | peak MB | outcome |")
    print("|---|---|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, case, file_name, build, cli in CASES:
            if (only and file_name not in only) or (cli and not args.cli and not only):
                continue
            path = Path(folder) / file_name
            path.write_bytes(build())  # built, written and freed before the child starts
            size = path.stat().st_size
            if cli:
                command = [sys.executable, "-m", "reader", "compare", str(path), str(path)]
            else:
                command = [sys.executable, "-c", _LOAD, str(path)]
            wall, peak, outcome = run(command, args.timeout, folder)
            shown = f">{args.timeout:.0f}" if outcome == "killed" else f"{wall:.2f}"
            memory = "-" if peak != peak else f"{peak:,.0f}"  # nan: killed
            print(
                f"| {name} | {case} | {size / MB:.2f} MB | {shown} | {memory} | {outcome} |",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()

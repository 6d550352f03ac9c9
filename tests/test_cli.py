"""The command line as a script calls it: exit status, JSON shape, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from reader.cli import main


def test_compare_json_shape(seed_paths):
    out = io.StringIO()
    assert main(["compare", str(seed_paths[0]), str(seed_paths[1]), "--json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert set(data) == {"left", "right", "blocks", "quotes", "spin", "summary"}
    assert data["left"]["text"] == seed_paths[0].read_text(encoding="utf-8")
    assert data["right"]["path"] == str(seed_paths[1])


def test_missing_file_is_one_line_error_with_exit_2(tmp_path):
    missing = tmp_path / "gone.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(missing), str(missing), "--json"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]
    assert "Traceback" not in proc.stderr


def test_html_report_is_written_atomically_and_not_over_an_existing_one(seed_paths, tmp_path):
    report = tmp_path / "report.html"
    args = ["compare", str(seed_paths[0]), str(seed_paths[1]), "--html", str(report)]
    assert main(args, stdout=io.StringIO()) == 0
    html = report.read_text(encoding="utf-8")
    assert '<span class="added"><u>Liberals</u></span>' in html
    assert 'class="omitted"' in html and "record 1.5 million" in html
    assert "<script" not in html
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left
    report.write_text("keep me", encoding="utf-8")
    assert main(args, stdout=io.StringIO()) == 2
    assert report.read_text(encoding="utf-8") == "keep me"
    assert main(args + ["--force"], stdout=io.StringIO()) == 0
    assert report.read_text(encoding="utf-8") == html


def test_report_never_overwrites_an_input(seed_paths, tmp_path):
    left = tmp_path / "left.txt"
    left.write_bytes(seed_paths[0].read_bytes())
    before = left.read_bytes()
    args = ["compare", str(left), str(seed_paths[1]), "--html", str(left), "--force"]
    assert main(args, stdout=io.StringIO()) == 2
    assert left.read_bytes() == before


def test_terminal_form_marks_additions_and_omissions(seed_paths):
    out = io.StringIO()
    assert main(["compare", str(seed_paths[0]), str(seed_paths[1])], stdout=out) == 0
    text = out.getvalue()
    assert "{+Liberals Storm Out" in text
    assert "[-“It’s almost like we were bamboozled" in text
    assert "in fiscal 2021.-]" in text
    assert "\x1b[" not in text  # not a terminal: no colour codes


def test_terminal_form_lists_the_findings_weightiest_first_after_the_summary(seed_paths):
    out = io.StringIO()
    assert main(["compare", str(seed_paths[0]), str(seed_paths[1])], stdout=out) == 0
    text = out.getvalue()
    summary = text.index("of the rewrite comes from the original")
    heading = text.index("changes in meaning, weightiest first:")
    assert summary < heading
    lines = text[heading:].splitlines()[1:]
    from reader.core.compare import compare
    from reader.core.load.loader import load

    findings = compare(load(seed_paths[0]), load(seed_paths[1])).findings
    listed = lines[: len(findings)]
    assert [line.rsplit(" — ", 1)[1] for line in listed] == [f.why for f in findings]
    assert "  Attribution, − dropped: “according to a report” — source dropped" in text
    assert "  Attribution, + added: “Apparently” — hedge added: Apparently" in text
    assert "\x1b[" not in text


def test_terminal_findings_are_coloured_on_a_tty(seed_paths, monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(out, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["compare", str(seed_paths[0]), str(seed_paths[1])], stdout=out) == 0
    assert "\x1b[1mAttribution\x1b[0m, \x1b[31m− dropped\x1b[0m" in out.getvalue()


def test_json_is_compact_unless_an_indent_is_asked_for(seed_paths):
    from reader.core.compare import compare
    from reader.core.load.loader import load

    expected = compare(load(seed_paths[0]), load(seed_paths[1])).to_json()
    args = ["compare", str(seed_paths[0]), str(seed_paths[1]), "--json"]
    out = io.StringIO()
    assert main(args, stdout=out) == 0
    compact = json.dumps(expected, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert out.getvalue() == compact  # streamed in pieces, the same text
    out = io.StringIO()
    assert main([*args, "--indent", "2"], stdout=out) == 0
    assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def _run_with_file_size_limit(args, limit, **kwargs):
    """The command line in a child that may write files of at most ``limit`` bytes (a full disk)."""
    import resource
    import signal

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it then fails with EFBIG

    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        preexec_fn=limited,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _one_line_error(proc, *words):
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("article-reader: "), proc.stderr
    assert all(word in lines[0] for word in words), lines[0]


def test_a_failed_write_to_standard_output_leaves_no_partial_report(seed_paths, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("earlier output\n", encoding="utf-8")
    with report.open("a", encoding="utf-8") as stdout:  # ">> report.json"
        proc = _run_with_file_size_limit(
            ["compare", str(seed_paths[0]), str(seed_paths[1]), "--json"], 4_000, stdout=stdout
        )
    _one_line_error(proc, "standard output")
    assert report.read_text(encoding="utf-8") == "earlier output\n"  # cut back, nothing partial


def test_json_onto_a_full_device_is_a_one_line_error(seed_paths):
    import os

    import pytest

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    for extra in (["--json"], []):
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                [sys.executable, "-m", "reader", "compare", str(seed_paths[0]), str(seed_paths[1])]
                + extra,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
            )
        _one_line_error(proc, "standard output", "No space left")


def test_output_file_is_written_whole_or_not_at_all(seed_paths, tmp_path):
    target = tmp_path / "out" / "comparison.json"
    target.parent.mkdir()
    args = ["compare", str(seed_paths[0]), str(seed_paths[1]), "--json", "-o", str(target)]
    proc = _run_with_file_size_limit(args, 4_000)
    _one_line_error(proc, str(target))
    assert list(target.parent.iterdir()) == []  # no partial file, no temporary one
    out = io.StringIO()
    assert main(args, stdout=out) == 0 and out.getvalue() == ""
    written = target.read_text(encoding="utf-8")
    plain = io.StringIO()
    main(["compare", str(seed_paths[0]), str(seed_paths[1]), "--json"], stdout=plain)
    assert written == plain.getvalue()
    assert main(args, stdout=io.StringIO()) == 2  # exists: --force to replace it
    assert main([*args, "--force"], stdout=io.StringIO()) == 0
    assert [p.name for p in target.parent.iterdir()] == ["comparison.json"]


def test_a_report_is_never_renamed_over_a_device_or_pipe(seed_paths, tmp_path):
    import os
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # as /dev/full would be: replacing it with a file would break it
    for option in ("--html", "--output"):
        args = ["compare", str(seed_paths[0]), str(seed_paths[1]), option, str(pipe), "--force"]
        assert main(args, stdout=io.StringIO()) == 2
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]

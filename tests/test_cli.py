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

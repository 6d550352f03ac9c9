"""The HTML report as people see it: parsed, shot in a real browser, and printed to PDF.

The browser (Debian's ``chromium``) and ``pdftoppm`` (poppler-utils) are system
tools: ``.ci/run`` installs them; without them those tests skip. One small
report whose texts are known is rendered once per session by each; the tests
then look for the marks' exact fill colours in the picture: in the reworded
row, the added word's green only in the rewrite's half and the omitted word's
red only in the original's, both on the row's yellow (the bug was the yellow
painted over them); the added paragraph green in the right half, beside an
empty cell.
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results.comparison import BlockKind, Comparison
from reader.core.results.report import ADDED_BG, CHANGED_BG, OMITTED_BG, render_html

LEFT = (
    "Storm Hits Coast\n\nThe storm hit the coast at dawn on Monday. Officials closed every "
    "school in the county.\n\nThe mayor said the damage was modest."
)
RIGHT = (
    "Storm Hits Coast\n\nThe violent storm hit the coast on Monday. Officials closed every "
    "school in the county.\n\nResidents fled inland overnight.\n\n"
    "The mayor said the damage was modest."
)


MOVED = [
    "The council approved the new budget after a long debate on Tuesday night.",
    "Teachers across the district will receive a modest raise starting in the autumn.",
    "The library on Main Street is going to close for renovations until spring.",
    "Road repairs on the northern bridge will begin next month and last a year.",
]


@pytest.fixture(scope="module")
def tiny() -> Comparison:
    comparison = compare(Article.from_text(LEFT), Article.from_text(RIGHT))
    kinds = [b.kind for b in comparison.blocks]
    assert BlockKind.CHANGED in kinds and BlockKind.ADDED in kinds  # what the pixels test
    return comparison


# --- the markup ---------------------------------------------------------------


class _Rows(HTMLParser):
    """The texts table's rows: (id, [each cell's text, tags stripped, entities decoded])."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[str, list[str]]] = []
        self._in_texts = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._in_texts = attrs.get("class") == "texts"
        elif self._in_texts and tag == "tr" and attrs.get("id"):
            self.rows.append((attrs["id"], []))
        elif self._in_texts and tag == "td" and self.rows:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_texts = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1][1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _rows(comparison: Comparison) -> list[tuple[str, list[str]]]:
    parser = _Rows()
    parser.feed(render_html(comparison))
    return parser.rows


def _moved() -> Comparison:
    """The first paragraph moved to the end."""
    left, right = "\n\n".join(MOVED), "\n\n".join(MOVED[1:] + MOVED[:1])
    return compare(Article.from_text(left), Article.from_text(right))


@pytest.mark.parametrize("which", ["tiny", "moved", "seed"])
def test_each_block_is_one_row_its_left_and_right_side_by_side(which, tiny, seed_comparison):
    comparison = {"tiny": tiny, "seed": seed_comparison}.get(which) or _moved()
    rows = _rows(comparison)
    assert [row_id for row_id, _ in rows] == [f"b{i}" for i in range(len(comparison.blocks))]
    left, right = comparison.left.text, comparison.right.text
    for block, (_, (original, glyph, rewrite)) in zip(comparison.blocks, rows, strict=True):
        assert original == (left[block.left[0] : block.left[1]] if block.left else "")
        assert rewrite == (right[block.right[0] : block.right[1]] if block.right else "")
        assert ("↕" in glyph) == block.moved
    if which == "moved":
        assert [b.moved for b in comparison.blocks] == [True, False, False, False]
    if which == "seed":
        assert rows[0][1][0].startswith(comparison.left.title)  # the headline first
        assert rows[0][1][2].startswith(comparison.right.title)


def test_findings_are_marked_in_the_texts_with_their_reason(seed_comparison):
    html = render_html(seed_comparison)
    texts = html[html.index('<table class="texts"') :]
    titles = {htmllib.unescape(t) for t in re.findall(r'class="finding" title="([^"]*)"', texts)}
    for finding in seed_comparison.findings:
        assert any(finding.why in title for title in titles), finding.why


# --- the pictures ---------------------------------------------------------------

BROWSER = shutil.which("chromium")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.fixture(scope="session")
def report_file(tmp_path_factory) -> Path:
    comparison = compare(Article.from_text(LEFT), Article.from_text(RIGHT))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(comparison), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def browser_png(report_file, tmp_path_factory) -> Path:
    if BROWSER is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    out = report_file.with_name("browser.png")
    profile = tmp_path_factory.mktemp("chromium-profile")
    subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            "--window-size=1400,900",
            report_file.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out


@pytest.fixture(scope="session")
def pdf_png(report_file, qapp) -> Path:
    if PDFTOPPM is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    from reader.ui.export import pdf_bytes

    pdf = report_file.with_name("report.pdf")
    pdf.write_bytes(pdf_bytes(report_file.read_text(encoding="utf-8")))
    subprocess.run(
        [PDFTOPPM, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(pdf.with_suffix(""))],
        check=True,
        capture_output=True,
        timeout=60,
    )
    (page,) = pdf.parent.glob("report-*.png")
    return page


class _Picture:
    """A PNG's rows, and where a fill colour shows in them (three pixels in a row, exact)."""

    def __init__(self, path: Path) -> None:
        from PySide6.QtGui import QImage

        image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        assert not image.isNull(), path
        self.width, self.height = image.width(), image.height()
        stride = image.bytesPerLine()
        data = bytes(image.constBits())
        self.rows = [data[y * stride : y * stride + self.width * 4] for y in range(self.height)]

    def halves(self, colour: str) -> list[tuple[bool, bool]]:
        """Per row of pixels: whether ``colour`` fills part of the left half, of the right half."""
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        run = bytes((b, g, r, 255)) * 3
        mid = self.width // 2 * 4
        return [(run in row[:mid], run in row[mid:]) for row in self.rows]


def _check_marks(picture: _Picture) -> None:
    changed, added, omitted = (picture.halves(c) for c in (CHANGED_BG, ADDED_BG, OMITTED_BG))
    # The reworded row: yellow on both halves (the legend's yellow is on the left only).
    reworded = [y for y, (lhs, rhs) in enumerate(changed) if lhs and rhs]
    assert reworded, "no reworded row tinted on both sides"
    assert any(added[y][1] for y in reworded), "added word in the reworded row is not green"
    assert any(omitted[y][0] for y in reworded), "omitted word in the reworded row is not red"
    assert not any(added[y][0] or omitted[y][1] for y in reworded), "marks on the wrong side"
    # The added paragraph: green on the right, nothing marked opposite, below the reworded row.
    alone = [
        y
        for y, (lhs, rhs) in enumerate(added)
        if rhs and not lhs and not changed[y][1] and y > reworded[-1]
    ]
    assert alone, "the added paragraph is not green in the right half"
    assert not any(omitted[y][0] or changed[y][0] for y in alone)


def test_browser_shows_the_marks_in_their_own_colours_on_the_right_side(browser_png):
    _check_marks(_Picture(browser_png))


def test_pdf_shows_the_marks_in_their_own_colours_on_the_right_side(pdf_png):
    _check_marks(_Picture(pdf_png))

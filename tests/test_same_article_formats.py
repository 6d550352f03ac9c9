"""The same article saved in another format compares as the same (issue 19).

The sample original and a multi-page article written for this test are saved at
run time as .docx, .epub, .html and as PDF by two producers (Qt's own writer,
which sets ligatures and prints page numbers, and reportlab, here with a
running header and "Page N" footers), and each is compared with the .txt: all
of it kept, nothing added or omitted. Typesetting (ligatures, soft hyphens,
no-break spaces, words hyphenated at a line end) is checked on its own below.
"""

from __future__ import annotations

import html as htmlmod
import zipfile
from pathlib import Path

import pytest

from reader.core.compare import compare
from reader.core.load.formats import BadInput
from reader.core.load.formats.typeset import plain
from reader.core.load.loader import load
from reader.core.worddiff import EQUAL

ROOT = Path(__file__).resolve().parent.parent

# Written for this test (not from any corpus): a few pages of news prose.
ARTICLE = "\n".join(
    [
        ("Harbour Town Votes to Rebuild Its Flooded Waterfront After Months of Bitter Debate"),
        (
            "The council of Pellham Bay voted seven to four on Tuesday night to rebuild the flooded"
            " waterfront district, ending a dispute that had divided the small coastal town since "
            "the storms of last winter."
        ),
        (
            "“We owe it to the families who have lived here for generations,” said Mayor Edith "
            "Brannock, who cast the deciding vote after a session that ran well past midnight. "
            "“Walking away from the harbour would mean walking away from who we are.”"
        ),
        (
            "The plan commits the town to raising the sea wall by almost two metres, moving the "
            "fish market onto higher ground and buying out the owners of forty-one houses that "
            "officials say can no longer be protected at an affordable cost."
        ),
        (
            "Opponents argued that the money would be better spent on moving the whole district "
            "inland. Councillor Ravi Osterholt, who led the campaign against the plan, said the "
            "vote ignored the advice of the town’s own engineers."
        ),
        (
            "“The sea is not going to negotiate with us,” Osterholt told reporters outside the "
            "hall. “We are pouring concrete into a problem that will be back in twenty years, and "
            "our children will be the ones paying for it.”"
        ),
        (
            "The engineering report, published in the spring, estimated that a higher wall would "
            "hold back a storm like last winter’s for at least three decades, but warned that "
            "rising water levels made any estimate beyond that uncertain."
        ),
        (
            "Residents who packed the public gallery greeted the result with a mixture of cheers "
            "and silence. Many had stayed through six hours of speeches, some holding hand-painted "
            "signs reading “Save the Harbour” and “Move Before It Is Too Late”."
        ),
        (
            "Agnes Trelawney, whose family has run a boat repair shop on the quay since 1952, said "
            "she had not slept properly since the flood reached her workshop in January. “I stood "
            "in water up to my knees and watched everything my father built float away,” she said. "
            "“Tonight I finally feel that somebody is listening.”"
        ),
        (
            "Others were less sure. Tomas Eidsvik, a retired teacher who lives two streets from the"
            " water, said the buyout offers were too low to let families find a home elsewhere in "
            "the region. “They are offering us what these houses were worth after the flood, not "
            "before it,” he said. “That is not fairness, that is a discount.”"
        ),
        (
            "The council’s finance officer, Maren Quill, told the meeting that the total cost of "
            "the plan was expected to reach 38 million, of which the national flood fund had "
            "already promised about half. The rest would come from a special levy on property and "
            "from borrowing over twenty-five years."
        ),
        (
            "Quill said the levy would add roughly 140 a year to the average household bill. "
            "Several councillors questioned whether the national money would still be there if the "
            "government changed its priorities after the next election."
        ),
        (
            "“We have a signed agreement, not a promise on the back of an envelope,” Quill replied."
            " “But I would be lying if I said there was no risk at all.”"
        ),
        (
            "The fishing cooperative, which employs about ninety people in the town, welcomed the "
            "decision. Its chairman, Declan Moyes, said moving the market uphill would finally give"
            " the boats a safe place to land their catch in bad weather."
        ),
        (
            "“For three winters in a row we have lost weeks of work because the quay was under "
            "water,” Moyes said. “If this works, the young people might actually stay.”"
        ),
        (
            "Work on the sea wall is scheduled to begin next autumn and to last about four years. "
            "The first households offered a buyout are expected to receive letters within the next "
            "two months, the council said."
        ),
        (
            "Brannock acknowledged that the town remained divided and promised to hold public "
            "meetings in every neighbourhood before construction starts. “Nobody in this room got "
            "everything they wanted tonight,” she said. “That is usually a sign that we got "
            "something right.”"
        ),
        (
            "Osterholt said he would ask the regional government to review the decision, but "
            "conceded that a reversal was unlikely. “I hope I am wrong,” he said. “I would be glad "
            "to be wrong about this.”"
        ),
    ]
)


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def typeset(line: str) -> str:
    """What a word processor or web page would add: a no-break space, a soft hyphen."""
    return line.replace(" million", "\u00a0million").replace("neighbour", "neigh\u00adbour")


def write_docx(path: Path, lines: list[str], heading: bool) -> None:
    import docx

    document = docx.Document()
    for number, line in enumerate(lines):
        if number == 0 and heading:
            document.add_heading(line, level=0)  # the Title style
        else:
            document.add_paragraph(typeset(line))
    document.save(path)


def _xhtml(lines: list[str], heading: bool, emphasis: bool = False) -> str:
    body = []
    for number, line in enumerate(lines):
        tag = "h1" if number == 0 and heading else "p"
        text = htmlmod.escape(typeset(line), quote=False)
        if emphasis:  # a word in italics is drawn as a piece of its own
            text = text.replace("Save the Harbour", "<i>Save</i> the <b>Harbour</b>")
        body.append(f"<{tag}>{text}</{tag}>")
    return "\n".join(body)


def write_html(path: Path, lines: list[str], heading: bool) -> None:
    title = htmlmod.escape(lines[0], quote=False)  # a saved page has one: its headline
    path.write_text(
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article>\n{_xhtml(lines, heading)}\n</article></body></html>\n",
        encoding="utf-8",
    )


_OPF = """<?xml version='1.0' encoding='utf-8'?>
<package xmlns='http://www.idpf.org/2007/opf' version='3.0' unique-identifier='id'>
<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:identifier id='id'>x</dc:identifier>
<dc:title>{title}</dc:title><dc:language>en</dc:language></metadata>
<manifest><item id='c1' href='c1.xhtml' media-type='application/xhtml+xml'/></manifest>
<spine><itemref idref='c1'/></spine></package>"""
_CONTAINER = """<?xml version='1.0'?>
<container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'><rootfiles>
<rootfile full-path='OEBPS/content.opf' media-type='application/oebps-package+xml'/>
</rootfiles></container>"""


def write_epub(path: Path, lines: list[str], heading: bool) -> None:
    chapter = (
        "<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>"
        f"<head><title>a</title></head><body>{_xhtml(lines, heading)}</body></html>"
    )
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", _CONTAINER)
        book.writestr("OEBPS/content.opf", _OPF.format(title=htmlmod.escape(lines[0])))
        book.writestr("OEBPS/c1.xhtml", chapter)


def write_qt_pdf(path: Path, lines: list[str], heading: bool) -> None:
    """Qt's own writer: it sets ligatures (ﬃ) and prints the page number under each page."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml(f"<html><body>{_xhtml(lines, heading, emphasis=True)}</body></html>")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(300)
    document.print_(writer)


def write_reportlab_pdf(path: Path, lines: list[str], heading: bool) -> None:
    """reportlab: a centred headline, a running header and "Page N" on every page."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(40, A5[1] - 30, "The Daily Example · World news")
        canvas.drawCentredString(A5[0] / 2, 20, f"Page {document.page}")
        canvas.restoreState()

    story = []
    for number, line in enumerate(lines):
        style = styles["Title"] if number == 0 and heading else styles["BodyText"]
        story.append(Paragraph(htmlmod.escape(line, quote=False), style))
    SimpleDocTemplate(str(path), pagesize=A5).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )


WRITERS = {
    "docx": write_docx,
    "epub": write_epub,
    "html": write_html,
    "qt.pdf": write_qt_pdf,
    "reportlab.pdf": write_reportlab_pdf,
}


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """name -> (the .txt, whether its first line is a headline)."""
    folder = tmp_path_factory.mktemp("articles")
    article = folder / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return {"sample": (ROOT / "seeds" / "original_report.txt", False), "harbour": (article, True)}


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize("name", ["sample", "harbour"])
def test_another_format_compares_as_the_same(sources, tmp_path, name, fmt, qapp):
    source, heading = sources[name]
    text = source.read_text(encoding="utf-8")
    saved = tmp_path / f"{name}.{fmt}"
    WRITERS[fmt](saved, paragraphs(text), heading)
    original, other = load(source), load(saved)
    comparison = compare(original, other)
    summary = comparison.summary
    changed = [
        (tag, piece)
        for block in comparison.blocks
        for tag, piece in block.ops
        if tag != EQUAL and piece.strip()
    ]
    assert changed == []
    assert (summary.added_chars, summary.omitted_chars) == (0, 0)
    assert summary.kept_share == 1.0
    # Paragraphs and the headline survive as lines, not only as words.
    lines = [line for line in other.text.split("\n") if line]
    assert lines == [line for line in original.text.split("\n") if line]
    if heading:  # a page's or book's title is the sample's first line, not a headline
        assert other.title == original.title


def test_a_multi_page_pdf_is_really_multi_page(sources, tmp_path, qapp):
    from pypdf import PdfReader

    for fmt in ("qt.pdf", "reportlab.pdf"):
        saved = tmp_path / f"harbour.{fmt}"
        WRITERS[fmt](saved, paragraphs(ARTICLE), True)
        assert len(PdfReader(saved).pages) >= 3


def test_typesetting_is_undone():
    assert plain("o\ufb03cial \ufb01rst \ufb02ow \ufb00 \ufb04 \ufb05 \ufb06", 100) == (
        "official first flow ff ffl st st"
    )
    assert plain("re\u00adport 10\u00a0km a\u202fb zero\u200bwidth", 100) == (
        "report 10 km a b zerowidth"
    )


def test_ligatures_cannot_grow_text_past_the_limit():
    with pytest.raises(BadInput):
        plain("\ufb03" * 40, 100)
    assert plain("\ufb03" * 30, 100) == "ffi" * 30


def test_words_hyphenated_at_a_line_end(tmp_path):
    """A hand-set PDF: "inter-/national" joins as the word the text has elsewhere."""
    from reportlab.pdfgen import canvas

    lines = [
        "The international fund and a well-",
        "known donor met the inter-",
        "national committee on Monday while the",
        "soft\u00ad",
        "ware was updated.",
    ]
    path = tmp_path / "hyphens.pdf"
    page = canvas.Canvas(str(path))
    for number, line in enumerate(lines):
        page.drawString(72, 700 - 14 * number, line)
    page.save()
    assert load(path).text == (
        "The international fund and a well-known donor met the international committee "
        "on Monday while the software was updated."
    )


def test_indented_paragraphs_and_running_headers_of_a_hand_set_pdf(tmp_path):
    """No space between paragraphs, only a first-line indent; a header with "page N of 3"."""
    from reportlab.pdfgen import canvas

    days = ("Monday", "Wednesday", "Friday")
    paragraph = [
        "The committee met again on {} to",
        "discuss the plan, which members said",
        "would take most of the year to finish.",
    ]
    path = tmp_path / "indented.pdf"
    page = canvas.Canvas(str(path))
    for number in range(1, 4):
        page.setFont("Helvetica", 8)
        page.drawString(72, 780, f"Weekly Example - page {number} of 3")
        page.setFont("Helvetica", 11)
        y = 740
        for _ in range(2):
            for index, line in enumerate(paragraph):
                page.drawString(90 if index == 0 else 72, y, line.format(days[number - 1]))
                y -= 14
        page.showPage()
    page.save()
    expected = [" ".join(paragraph).format(day) for day in days for _ in range(2)]
    assert [line for line in load(path).text.split("\n") if line] == expected

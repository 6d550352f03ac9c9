"""Loading: every format, every encoding, the paragraph-per-line text and the title line.

The sample files are generated here: Word with python-docx, EPUB with ebooklib,
PDF written by hand (``make_pdf``: a few objects and a cross-reference table,
enough for pypdf's text extraction; no extra test dependency).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from ebooklib import epub
from hostile_inputs import pdf_bytes

from reader.core.load.loader import load, load_bytes

LEAD = "The mayor resigned on Tuesday after the council voted against her budget, officials said."
QUOTE = "“I have done what I could,” she said in a statement released late in the evening."
DEPUTY = "Her deputy will serve until an election is held next spring, according to the charter."
HEADLINE = "Mayor Quits After Budget Vote"


# -- sample builders (also used by test_loading_bad_input.py) -------------------------------


def make_pdf(pages: list[list[str] | None]) -> bytes:
    """A minimal PDF: each page a list of text lines, or None for a page with only a box drawn."""

    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for k, lines in enumerate(pages):
        page_id, content_id = 4 + 2 * k, 5 + 2 * k
        kids.append(f"{page_id} 0 R")
        if lines is None:
            stream = "0 0 1 rg 72 72 200 200 re f"
        else:
            shown = " T* ".join(f"({escape(line)}) Tj" for line in lines)
            stream = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET"
        data = stream.encode("cp1252")
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id
        )
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids).encode(), len(kids))
    return pdf_bytes(objects)


def make_docx(
    path: Path, paragraphs: list[str], *, heading: str | None = None, property_title: str = ""
) -> Path:
    document = docx.Document()
    if heading is not None:
        document.add_heading(heading, level=0)  # level 0: the "Title" style
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.title = property_title
    document.save(str(path))
    return path


def make_epub(path: Path, chapters: list[str], *, title: str = "The Book") -> Path:
    """An EPUB whose chapters are the given XHTML bodies, in reading order."""
    book = epub.EpubBook()
    book.set_identifier("test-book")
    book.set_title(title)
    book.set_language("en")
    items = []
    for k, body in enumerate(chapters):
        item = epub.EpubHtml(title=f"Part {k}", file_name=f"part{k}.xhtml", lang="en")
        item.content = f"<html><head><title>Part {k}</title></head><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    epub.write_epub(str(path), book)
    return path


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the sample pair -------------------------------------------------------------------------


def test_seeds_load_exactly_as_their_bytes_decode(seed_paths):
    for path in seed_paths:
        article = load(path)
        assert article.text == path.read_bytes().decode("utf-8")
        assert (article.source_format, article.encoding) == ("text", "utf-8")


def test_rewrite_headline_is_the_title_and_the_original_has_none(seed_paths):
    original, rewrite = load(seed_paths[0]), load(seed_paths[1])
    title = "Liberals Storm Out Of White House Meeting After Biden Sides With Trump Policy"
    assert rewrite.title == title
    assert rewrite.text.startswith(title + "\n")
    # The original opens with its lead sentence (it ends in a full stop): no
    # headline, so the title is "" and the window shows the file name.
    assert original.title == ""


# -- plain text: paragraphs, wrapping, titles ------------------------------------------------


def test_hard_wrapped_paragraphs_are_joined_one_per_line(tmp_path):
    text = (
        "City Council Rejects Budget\n"
        "\n"
        "The city council voted seven to two on Tuesday to reject the budget the\n"
        "mayor had proposed, leaving the city without a spending plan for the\n"
        "coming year and its workers unsure of their pay.\n"
        "\n"
        "The mayor said she would resign. Her deputy, a former teacher, will serve\n"
        "until an election is held in the spring, according to the city charter.\n"
    )
    article = load(write(tmp_path, "wrapped.txt", text.encode()))
    assert article.text.split("\n") == [
        "City Council Rejects Budget",
        "",
        "The city council voted seven to two on Tuesday to reject the budget the mayor had "
        "proposed, leaving the city without a spending plan for the coming year and its "
        "workers unsure of their pay.",
        "",
        "The mayor said she would resign. Her deputy, a former teacher, will serve until an "
        "election is held in the spring, according to the city charter.",
    ]
    assert article.title == "City Council Rejects Budget"
    assert [article.text[s:e] for s, e in article.paragraphs][0] == "City Council Rejects Budget"


def test_wrapped_paragraphs_without_blank_lines_break_at_short_lines(tmp_path):
    text = (
        "The city council voted seven to two on Tuesday to reject the budget the\n"
        "mayor had proposed.\n"
        "Her deputy, a former teacher, will serve until an election is held in\n"
        "the spring.\n"
    )
    article = load(write(tmp_path, "w.txt", text.encode()))
    assert article.text.split("\n") == [
        "The city council voted seven to two on Tuesday to reject the budget the mayor had "
        "proposed.",
        "Her deputy, a former teacher, will serve until an election is held in the spring.",
    ]


def test_a_title_cased_headline_is_not_joined_to_the_story_below(tmp_path):
    text = (
        "City Council Rejects The Mayor's Budget After Long Night Of Debate\n"
        "The city council voted seven to two on Tuesday to reject the budget the\n"
        "mayor had proposed, leaving the city without a spending plan for the\n"
        "coming year.\n"
    )
    article = load(write(tmp_path, "t.txt", text.encode()))
    assert article.text.split("\n") == [
        "City Council Rejects The Mayor's Budget After Long Night Of Debate",
        "The city council voted seven to two on Tuesday to reject the budget the mayor had "
        "proposed, leaving the city without a spending plan for the coming year.",
    ]
    assert article.title == "City Council Rejects The Mayor's Budget After Long Night Of Debate"


def test_a_wrapped_line_may_start_with_an_en_dash(tmp_path):
    text = (
        "The algorithm works like a popularity contest among the pages of the web\n"
        "– if your site is linked to by popular websites, then your site is seen\n"
        "as more popular too, and it ranks higher.\n"
    )
    assert load(write(tmp_path, "d.txt", text.encode())).text == " ".join(text.split("\n")).strip()


def test_lists_and_short_lines_are_not_joined(tmp_path):
    text = (
        "What the council decided on Tuesday evening, item by item, in order:\n"
        "- the budget for next year is rejected and sent back to the mayor\n"
        "- the library stays open on Sundays through the end of the summer\n"
        "Short line\n"
        "Another short line\n"
    )
    article = load(write(tmp_path, "list.txt", text.encode()))
    assert article.text == text.rstrip("\n")


def test_one_paragraph_per_line_is_kept_as_is(tmp_path):
    text = f"{HEADLINE}\n{LEAD}\n{QUOTE}\n\n{DEPUTY}"
    article = load(write(tmp_path, "a.txt", text.encode()))
    assert article.text == text
    assert article.title == HEADLINE
    assert len(article.paragraphs) == 4


def test_leading_blank_lines_and_trailing_whitespace_are_dropped(tmp_path):
    article = load(write(tmp_path, "a.txt", f"\n  \n{HEADLINE}\n{LEAD}  \n\n \t\n".encode()))
    assert article.text == f"{HEADLINE}\n{LEAD}"


@pytest.mark.parametrize(
    ("first_line", "is_title"),
    [
        (HEADLINE, True),
        ("Is This The End Of The Budget?", True),
        ("The mayor resigned on Tuesday.", False),  # a sentence, not a headline
        ("“We are done,” the mayor said", False),  # opens with a quote mark
        ("the mayor resigned", False),  # lower-case start
        ("Mayor " * 40, False),  # far too long
    ],
)
def test_headline_rule(tmp_path, first_line, is_title):
    article = load(write(tmp_path, "h.txt", f"{first_line}\n{LEAD}".encode()))
    assert article.title == (first_line.strip() if is_title else "")


def test_a_single_line_file_has_no_title(tmp_path):
    assert load(write(tmp_path, "one.txt", HEADLINE.encode())).title == ""


# -- encodings and line endings --------------------------------------------------------------

SAMPLE = f"{HEADLINE}\n“Señor Muñoz,” she said — the café’s naïve résumé. Œuvre: 5 €.\n{DEPUTY}"
LATIN1_SAMPLE = f"{HEADLINE}\nSeñor Muñoz said the café was closed. Ça va, à l'école.\n{DEPUTY}"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),  # no BOM
        (SAMPLE.encode("utf-32"), "utf-32-le"),
        (SAMPLE.encode("utf-32-be"), "utf-32-be"),  # no BOM
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf32-bom",
        "utf32be",
        "cp1252",
    ],
)
def test_encodings_are_detected(tmp_path, data, encoding):
    article = load(write(tmp_path, "enc.txt", data))
    assert article.text == SAMPLE
    assert article.encoding == encoding
    assert article.title == HEADLINE


def test_latin1_reads_as_its_cp1252_superset(tmp_path):
    article = load(write(tmp_path, "latin1.txt", LATIN1_SAMPLE.encode("latin-1")))
    assert article.text == LATIN1_SAMPLE
    assert article.encoding in ("cp1252", "iso8859-1")


# Short real-world sentences, each saved in the encoding people use for its language
# (issue 13: 42 bytes of cp1252 read as cp775, "Café" as "Cafķ").
SHORT_SENTENCES = [
    ("Café owners said “we are open” on Monday.", "cp1252", "cp1252"),
    ("The naïve café’s crème brûlée cost 5 € – a bargain.", "cp1252", "cp1252"),
    ("Müller sagte, die Straße sei gesperrt.", "cp1252", "cp1252"),
    ("El señor Muñoz llegó tarde a la reunión.", "latin-1", "cp1252"),
    ("Ça va? Le garçon était à l'école.", "latin-1", "cp1252"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250", "cp1250"),
    ("Zażółć gęślą jaźń, powiedział minister.", "cp1250", "cp1250"),
    ("Premiér řekl, že vláda přijme nová opatření.", "cp1250", "cp1250"),
    ("Министр заявил, что переговоры продолжатся в среду.", "koi8-r", "koi8-r"),
    ("首相は月曜日に記者会見を開いた。", "shift-jis", "cp932"),
    ("東京で雨が降っています。", "shift-jis", "cp932"),
]


@pytest.mark.parametrize(("sentence", "saved_as", "reported"), SHORT_SENTENCES)
def test_short_legacy_files_decode_as_saved(tmp_path, sentence, saved_as, reported):
    article = load(write(tmp_path, "short.txt", sentence.encode(saved_as)))
    assert article.text == sentence
    assert article.encoding == reported  # cp932 is Shift-JIS as Windows saves it


def test_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path):
    data = SAMPLE.encode() + b" \x93Done\x94"  # two stray cp1252 quotes
    article = load(write(tmp_path, "mixed.txt", data))
    assert article.text == SAMPLE + " \ufffdDone\ufffd"
    assert article.encoding == "utf-8"
    cut = load(write(tmp_path, "cut.txt", SAMPLE.encode() + "é".encode()[:1]))
    assert cut.text == SAMPLE + "\ufffd"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_endings_become_newlines(tmp_path, newline):
    article = load(write(tmp_path, "nl.txt", SAMPLE.replace("\n", newline).encode("utf-8")))
    assert article.text == SAMPLE


def test_crlf_survives_a_legacy_encoding(tmp_path):
    data = SAMPLE.replace("\n", "\r\n").encode("cp1252")
    assert load(write(tmp_path, "win.txt", data)).text == SAMPLE


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_is_rendered_to_plain_paragraphs(tmp_path):
    source = (
        f"# {HEADLINE}\n\n"
        "The mayor **resigned** on Tuesday after the council voted against her\n"
        "budget, [officials](https://example.org/x) said.\n\n"
        "![a photo](photo.jpg)\n\n"
        "- first _point_\n"
        "- second `point`\n\n"
        "> “I have done what I could,” she said.\n"
    )
    article = load(write(tmp_path, "story.md", source.encode()))
    assert article.text.split("\n") == [
        HEADLINE,
        "The mayor resigned on Tuesday after the council voted against her budget, officials said.",
        "- first point",
        "- second point",
        "“I have done what I could,” she said.",
    ]
    assert article.title == HEADLINE
    assert article.source_format == "markdown"


def test_markdown_front_matter_without_a_title_is_dropped(tmp_path):
    source = f"---\nauthor: Jane\ntags: [news]\n---\n{LEAD}\n\n---\n\n{QUOTE}\n"
    article = load(write(tmp_path, "fm.md", source.encode()))
    assert article.text == f"{LEAD}\n{QUOTE}"
    assert article.title == ""


def test_markdown_front_matter_gives_the_title(tmp_path):
    source = f'---\ntitle: "{HEADLINE}"\nauthor: Jane\n---\n{LEAD}\n'
    article = load(write(tmp_path, "fm.md", source.encode()))
    assert article.text == f"{HEADLINE}\n{LEAD}"
    assert article.title == HEADLINE


# -- HTML ------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html><head><meta charset="{{charset}}">
<title>{HEADLINE} | The Daily Bugle</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-01"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>{HEADLINE}</h1>
<p>{LEAD}</p><p>{QUOTE}</p><p>{DEPUTY} Señor Muñoz agreed.</p></article>
<footer>Copyright 2024 <a href="/privacy">Privacy policy</a></footer>
<script src="https://example.org/tracker.js"></script>
<img src="https://example.org/pixel.gif">
</body></html>"""


@pytest.mark.parametrize(("name", "charset"), [("page.html", "utf-8"), ("page.htm", "cp1252")])
def test_html_article_title_byline_and_paragraphs(tmp_path, name, charset):
    data = PAGE.replace("{charset}", charset).encode(charset)
    article = load(write(tmp_path, name, data))
    lines = article.text.split("\n")
    assert lines[0] == HEADLINE == article.title
    assert lines[1] == "Jane Doe · 2024-05-01"
    assert lines[2:] == [LEAD, QUOTE, f"{DEPUTY} Señor Muñoz agreed."]
    assert "Home" not in article.text and "Privacy" not in article.text
    assert (article.source_format, article.encoding) == ("html", charset)


def test_html_saved_as_txt_is_read_as_a_web_page(tmp_path):
    article = load(write(tmp_path, "saved.txt", PAGE.replace("{charset}", "utf-8").encode()))
    assert article.source_format == "html"
    assert article.title == HEADLINE and LEAD in article.text and "<p>" not in article.text


def test_html_extraction_never_uses_the_network(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the loader tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert load(write(tmp_path, "p.html", PAGE.replace("{charset}", "utf-8").encode())).text


def test_mhtml_single_file_page(tmp_path):
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message["Snapshot-Content-Location"] = "https://example.org/story"
    message.attach(MIMEText(PAGE.replace("{charset}", "windows-1252"), "html", "windows-1252"))
    message.attach(MIMEImage(b"GIF89a" + bytes(20), "gif"))
    article = load(write(tmp_path, "saved.mhtml", message.as_bytes()))
    assert article.text.split("\n")[0] == HEADLINE == article.title
    assert f"{DEPUTY} Señor Muñoz agreed." in article.text.split("\n")
    assert (article.source_format, article.encoding) == ("html", "cp1252")


# -- Word, PDF, EPUB, RTF -------------------------------------------------------------------


def test_docx_title_style_and_paragraphs(tmp_path):
    path = make_docx(tmp_path / "a.docx", [LEAD, "", QUOTE, DEPUTY], heading=HEADLINE)
    article = load(path)
    assert article.text.split("\n") == [HEADLINE, LEAD, QUOTE, DEPUTY]
    assert (article.title, article.source_format, article.encoding) == (HEADLINE, "docx", None)


def test_docx_property_title_becomes_the_first_line(tmp_path):
    article = load(make_docx(tmp_path / "b.docx", [LEAD, QUOTE], property_title=HEADLINE))
    assert article.text.split("\n") == [HEADLINE, LEAD, QUOTE]
    assert article.title == HEADLINE


def test_docx_tables_are_read_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph(LEAD)
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {
        (0, 0): "Votes for",
        (0, 1): "7",
        (1, 0): "Votes against",
        (1, 1): "2",
    }.items():
        table.cell(r, c).text = text
    document.add_paragraph(DEPUTY)
    document.save(str(tmp_path / "t.docx"))
    article = load(tmp_path / "t.docx")
    assert article.text.split("\n") == [LEAD, "Votes for | 7", "Votes against | 2", DEPUTY]


def test_pdf_text_layer_with_layout_lines_joined(tmp_path):
    pdf = make_pdf(
        [
            [
                HEADLINE,
                "The mayor resigned on Tuesday after the council voted against her budget, in",
                "a vote that surprised officials, who said so late in the evening.",
                "Her deputy will serve.",
            ],
            ["A second page with one short paragraph of its own."],
        ]
    )
    article = load(write(tmp_path, "a.pdf", pdf))
    assert article.text.split("\n") == [
        HEADLINE,
        "The mayor resigned on Tuesday after the council voted against her budget, in a vote "
        "that surprised officials, who said so late in the evening.",
        "Her deputy will serve.",
        "",
        "A second page with one short paragraph of its own.",
    ]
    assert (article.title, article.source_format) == (HEADLINE, "pdf")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_without_a_password_to_read_still_opens(tmp_path, algorithm):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([[HEADLINE, LEAD]])))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert load(write(tmp_path, "open.pdf", buffer.getvalue())).text == f"{HEADLINE}\n{LEAD}"


def test_epub_longest_chapter_with_its_heading_as_title(tmp_path):
    path = make_epub(
        tmp_path / "a.epub",
        [
            "<h1>Cover</h1><p>A short cover page.</p>",
            f"<h1>{HEADLINE}</h1><p>{LEAD}</p><div>{QUOTE}<p>{DEPUTY}</p></div>"
            "<!-- an editor's note --><ul><li>One item</li></ul>",
            "<p>Colophon.</p>",
        ],
    )
    article = load(path)
    assert article.text.split("\n") == [HEADLINE, LEAD, QUOTE, DEPUTY, "One item"]
    assert (article.title, article.source_format) == (HEADLINE, "epub")


def test_epub_without_heading_takes_the_book_title(tmp_path):
    article = load(make_epub(tmp_path / "b.epub", [f"<p>{LEAD}</p><p>{QUOTE}</p>"], title=HEADLINE))
    assert article.text.split("\n") == [HEADLINE, LEAD, QUOTE]
    assert article.title == HEADLINE


def test_rtf_paragraphs_and_code_page(tmp_path):
    rtf = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}"
        "\n" + HEADLINE + r"\par "
        r"Se\'f1or Mu\'f1oz said the caf\'e9 was closed.\par "
        r"\u8220\'93Done,\u8221\'94 she said. \u55357\u56832\par}"
    )
    article = load(write(tmp_path, "a.rtf", rtf.encode("ascii")))
    assert article.text.split("\n") == [
        HEADLINE,
        "Señor Muñoz said the café was closed.",
        "“Done,” she said. \U0001f600",
    ]
    assert (article.title, article.source_format, article.encoding) == (HEADLINE, "rtf", "cp1252")


def test_content_wins_over_a_wrong_extension(tmp_path):
    pdf = make_pdf([[HEADLINE, LEAD]])
    assert load(write(tmp_path, "really-a-pdf.txt", pdf)).source_format == "pdf"
    docx_path = make_docx(tmp_path / "a.docx", [LEAD])
    renamed = write(tmp_path, "renamed.zip", docx_path.read_bytes())
    assert load(renamed).source_format == "docx"


def test_a_text_mentioning_a_pdf_header_stays_text(tmp_path):
    text = f"{LEAD}\nEvery PDF file starts with %PDF-1.7 or a similar header."
    assert load(write(tmp_path, "about.txt", text.encode())).text == text


def test_load_bytes_uses_the_name_as_a_hint():
    article = load_bytes(f"# {HEADLINE}\n\n{LEAD}".encode(), path="pasted.md")
    assert (article.title, article.source_format, article.path) == (
        HEADLINE,
        "markdown",
        "pasted.md",
    )

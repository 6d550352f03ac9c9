"""Bad input: every case gives an ArticleError with a short reason; nothing hangs or is written.

The files are generated here in tmp_path. Random bytes and random Unicode go
through the loader too: it returns an Article or raises ArticleError, never
anything else.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from block_contract import assert_block_contract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_loading import HEADLINE, LEAD, make_docx, make_epub, make_pdf, write

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.errors import ArticleError
from reader.core.load import loader
from reader.core.load.formats import MB, files, zipguard
from reader.core.load.loader import load, load_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(40)


def reason(path: Path | str) -> str:
    """The reason ``load`` gives; fails the test if it loads."""
    with pytest.raises(ArticleError) as caught:
        load(path)
    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}" and "\n" not in str(error)
    return error.reason


# -- the file itself ---------------------------------------------------------------------------


def test_missing_path(tmp_path):
    assert reason(tmp_path / "nope.txt") == "no such file"


def test_a_folder(tmp_path):
    assert "folder" in reason(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_or_whitespace_only(tmp_path, content):
    assert reason(write(tmp_path, "empty.txt", content)) == "the file is empty"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "named pipe" in reason(fifo)


def test_a_fifo_that_slips_past_the_first_check_still_cannot_block(tmp_path, monkeypatch):
    # As if the path were swapped for a FIFO between the stat and the open: the
    # non-blocking open returns at once and the opened file is checked again.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    regular = os.stat(write(tmp_path, "a.txt", b"x"))
    monkeypatch.setattr(files, "_stat", lambda path: regular)
    assert "replaced" in reason(fifo)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device():
    assert "device" in reason("/dev/null")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_no_read_permission(tmp_path):
    path = write(tmp_path, "secret.txt", LEAD.encode())
    path.chmod(0)
    assert "permission" in reason(path)


def test_no_read_permission_simulated(tmp_path, monkeypatch):
    # Runs as root too (where chmod cannot take read access away).
    path = write(tmp_path, "secret.txt", LEAD.encode())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert reason(path) == "no permission to read this file"


def test_a_file_that_grows_while_read(tmp_path, monkeypatch):
    path = write(tmp_path, "live.txt", LEAD.encode())
    real_read = os.read

    appended = []

    def read_then_append(fd, n):
        data = real_read(fd, n)
        if not appended:
            with open(path, "ab") as more:
                more.write(b" And more.")
            appended.append(True)
        return data

    monkeypatch.setattr(os, "read", read_then_append)
    assert "changed while it was being read" in reason(path)


def test_a_file_that_disappears_while_read(tmp_path, monkeypatch):
    path = write(tmp_path, "gone.txt", LEAD.encode())
    real_read = os.read

    def read_then_delete(fd, n):
        data = real_read(fd, n)
        if path.exists():
            path.unlink()
        return data

    monkeypatch.setattr(os, "read", read_then_delete)
    assert "disappeared" in reason(path)


def test_a_very_large_file_is_refused_with_the_limit_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(80 * MB)  # sparse: no disk used, nothing to read
    monkeypatch.setattr(os, "open", pytest.fail)  # refused before opening
    assert "larger than the 50 MB this app supports" in reason(path)


def test_web_pages_have_their_own_limit(tmp_path, monkeypatch):
    from reader.core.load.formats import html

    monkeypatch.setattr(html, "WEB_PAGE_LIMIT", 100)
    page = f"<html><body><p>{LEAD}</p><p>{LEAD}</p></body></html>".encode()
    assert "this app supports for web pages" in reason(write(tmp_path, "a.html", page))


def test_text_limit_applies_to_extracted_text(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "TEXT_LIMIT", 100)
    assert "characters of text this app supports" in reason(
        write(tmp_path, "a.txt", (LEAD * 3).encode())
    )


def test_documents_have_their_own_file_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "DOCUMENT_FILE_LIMIT", 1 * MB)
    path = tmp_path / "big.pdf"
    with open(path, "wb") as f:
        f.truncate(2 * MB)
    assert "larger than the 1 MB" in reason(path)


# -- files that are not what they claim ----------------------------------------------------------


def test_an_image_renamed_txt(tmp_path):
    assert reason(write(tmp_path, "photo.txt", PNG)) == "this is a PNG image, not an article"


def test_binary_data_named_txt(tmp_path):
    data = bytes(range(256)) * 8
    assert "binary" in reason(write(tmp_path, "data.txt", data))


def test_text_with_many_control_characters_is_binary(tmp_path):
    data = ("abc\x01\x02\x03\x04 " * 50).encode()
    assert "binary" in reason(write(tmp_path, "ctl.txt", data))


def test_an_old_word_doc(tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert ".docx" in reason(write(tmp_path, "old.doc", data))


def test_html_page_without_visible_text(tmp_path):
    page = (
        b"<!DOCTYPE html><html><head><title>Home</title><script>var a = 1;</script></head>"
        b"<body><nav><!-- menu --></nav><script>document.write('x')</script></body></html>"
    )
    assert reason(write(tmp_path, "empty.html", page)) == "no visible text in this web page"


def test_html_page_without_an_article_body_shows_its_visible_text(tmp_path):
    # Issue 13: a menu alone is no article body, but it is what the page shows.
    page = (
        b"<!DOCTYPE html><html><head><title>Home</title><script>var a = 1;</script></head>"
        b"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    )
    article = load(write(tmp_path, "menu.html", page))
    assert (article.text, article.body_recognised) == ("Home News", False)


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (b"<html><body><p>unclosed <b>tags <i>everywhere", "unclosed tags everywhere"),
        (b"<html><body><h1>Notice</h1><p>Closed today.</p></body></html>", "Notice\nClosed today."),
    ],
)
def test_small_or_broken_pages_show_their_visible_text(tmp_path, page, text):
    article = load(write(tmp_path, "small.html", page))
    assert (article.text, article.body_recognised) == (text, False)
    assert article.source_format == "html"


@pytest.mark.parametrize("suffix", [".docx", ".epub"])
def test_broken_zip_containers(tmp_path, suffix):
    assert "not a valid zip archive" in reason(write(tmp_path, "bad" + suffix, b"PK\x03\x04junk"))
    assert "not a valid zip archive" in reason(write(tmp_path, "text" + suffix, LEAD.encode()))


def test_a_zip_needing_an_unknown_zip_version(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (161).to_bytes(2, "little")  # "needs zip 16.1"
    assert "not a valid zip archive" in reason(write(tmp_path, "future.docx", bytes(data)))


def test_a_zip_that_is_neither_docx_nor_epub(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", LEAD)
    assert reason(write(tmp_path, "notes.zip", buffer.getvalue())) == (
        "this is a zip archive, not an article"
    )


def test_a_docx_without_its_body(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert "no document body" in reason(write(tmp_path, "hollow.docx", buffer.getvalue()))


def test_a_docx_with_a_damaged_part(tmp_path):
    good = make_docx(tmp_path / "good.docx", [LEAD])
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<not xml" if item.filename == "word/document.xml" else data)
    assert "broken Word document" in reason(write(tmp_path, "damaged.docx", buffer.getvalue()))


def test_an_epub_with_a_damaged_package(tmp_path):
    good = make_epub(tmp_path / "good.epub", [f"<p>{LEAD}</p>"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            if not item.filename.endswith(".opf"):
                dst.writestr(item, src.read(item))
    assert "broken EPUB book" in reason(write(tmp_path, "damaged.epub", buffer.getvalue()))


def _bomb(member: str, size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, bytes(size))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("suffix", "member"), [(".docx", "word/document.xml"), (".epub", "META-INF/container.xml")]
)
def test_zip_bomb_by_compression_ratio(tmp_path, suffix, member):
    data = _bomb(member, 4 * MB)  # 4 MB of zeros packs into a few kB
    assert len(data) < 40_000
    assert "compressed more than 100:1" in reason(write(tmp_path, "bomb" + suffix, data))


def test_zip_bomb_by_declared_size_is_refused_before_unpacking(tmp_path):
    data = bytearray(_bomb("word/document.xml", 1000))
    # Claim 4 GB uncompressed in the central directory, as a bomb's header would.
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = (0xFFFF_FFF0).to_bytes(4, "little")
    found = reason(write(tmp_path, "bomb.docx", bytes(data)))
    assert f"more than the {zipguard.UNPACKED_LIMIT // MB} MB this app allows" in found


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_encrypted_with_a_password(tmp_path, algorithm):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([[HEADLINE, LEAD]])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert reason(write(tmp_path, "locked.pdf", buffer.getvalue())) == (
        "this PDF is encrypted and needs a password"
    )


def test_pdf_encryption_pypdf_cannot_handle(tmp_path, monkeypatch):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([[HEADLINE, LEAD]])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)

    def unsupported(self, password):
        raise NotImplementedError("unsupported filter")

    monkeypatch.setattr(PdfReader, "decrypt", unsupported)
    assert reason(write(tmp_path, "odd.pdf", buffer.getvalue())) == (
        "this PDF is encrypted in a way this app cannot open"
    )


def test_pdf_without_a_text_layer(tmp_path):
    found = reason(write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert found.startswith("this PDF has no text layer")


def test_broken_pdf(tmp_path):
    assert "PDF" in reason(write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type"))
    assert "no %PDF header" in reason(write(tmp_path, "fake.pdf", LEAD.encode()))


def test_invalid_utf16_after_its_bom(tmp_path):
    data = b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
    assert "not valid UTF-16" in reason(write(tmp_path, "bad16.txt", data))


# -- inputs are never touched ------------------------------------------------------------------


def test_loading_writes_nothing_and_changes_nothing(tmp_path):
    write(tmp_path, "a.txt", f"{HEADLINE}\n{LEAD}".encode())
    write(tmp_path, "b.pdf", make_pdf([[HEADLINE, LEAD]]))
    write(tmp_path, "c.html", f"<html><body><p>{LEAD}</p></body></html>".encode())
    make_docx(tmp_path / "d.docx", [LEAD])
    make_epub(tmp_path / "e.epub", [f"<p>{LEAD}</p>"])
    write(tmp_path, "f.png.txt", PNG)

    def snapshot():
        return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}

    before = snapshot()
    for path in sorted(tmp_path.iterdir()):
        try:
            load(path)
        except ArticleError:
            pass
    assert snapshot() == before


# -- random input ----------------------------------------------------------------------------

SUFFIXES = ["", ".txt", ".md", ".html", ".rtf", ".pdf", ".docx", ".epub"]
UNICODE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),  # any scalar value: control, non-BMP, RTL, combining
        st.sampled_from("\u202e\u200f\u05d0\u0627\u0301\u0308\U0001f600\x00\x1b\r\n\u2028"),
    ),
    max_size=300,
)


def _well_formed(article: Article) -> None:
    assert "\r" not in article.text
    assert article.title == "" or article.text.split("\n", 1)[0].strip() == article.title
    for start, end in (*article.paragraphs, *article.sentences):
        assert 0 <= start < end <= len(article.text)
    article.text.encode("utf-8")  # no lone surrogates


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_load_or_raise_article_error(data, suffix):
    try:
        article = load_bytes(data, path="random" + suffix)
    except ArticleError:
        return
    _well_formed(article)


@settings(max_examples=200, deadline=None)
@given(
    text=UNICODE,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"]),
    suffix=st.sampled_from(["", ".txt", ".md", ".html"]),
)
def test_random_unicode_loads_or_raises_article_error(text, encoding, suffix):
    try:
        article = load_bytes(text.encode(encoding), path="random" + suffix)
    except ArticleError:
        return
    _well_formed(article)


@settings(max_examples=40, deadline=None)
@given(text=UNICODE, suffix=st.sampled_from(["", ".md", ".html"]))
def test_whatever_loads_keeps_the_comparison_contract(text, suffix, seed_paths):
    try:
        article = load_bytes(text.encode("utf-8"), path="random" + suffix)
    except ArticleError:
        return
    comparison = compare(article, load(seed_paths[0]))
    assert_block_contract(comparison)
    json.dumps(comparison.to_json(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=200),
        min_size=1,
        max_size=8,
    )
)
def test_text_of_long_lines_loads_exactly(lines):
    from reader.core.load.formats.typeset import plain

    # One paragraph per line, lines over 100 columns: never rewrapped, kept as is.
    lines = [("x" * 101 + " " + line).strip() for line in lines]
    text = "\n".join(lines)
    article = load_bytes(text.encode("utf-8"), path="a.txt")
    assert article.text == plain(text, len(text) * 3)  # no-break spaces read as spaces


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(min_size=1, max_size=500))
def test_random_files_on_disk(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("random") / "file.txt"
    path.write_bytes(data)
    try:
        _well_formed(load(path))
    except ArticleError as error:
        assert error.path == str(path)


# -- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("photo.txt", PNG, "PNG image"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type", "broken PDF"),
        ("empty.txt", b"", "empty"),
    ],
    ids=["image", "broken-pdf", "empty"],
)
def test_cli_names_the_bad_file_on_one_line_and_exits_2(tmp_path, seed_paths, name, content, words):
    bad = write(tmp_path, name, content)
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(bad), str(seed_paths[1])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(bad) in lines[0] and words in lines[0]
    assert proc.stdout == ""

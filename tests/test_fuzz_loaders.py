"""Fuzzing every format's loader (issue 16): only the project's clean errors come out.

For each format, hypothesis feeds random bytes behind the format's signature and
mutated valid files (bytes flipped, cut, inserted, repeated; for .docx and .epub
also the XML inside the zip mutated and re-zipped, so the parsers are reached
past the CRC check). Whatever comes in, ``load_bytes`` returns an ``Article``
or raises ``ArticleError`` with a one-line message naming the file: no other
exception, no traceback.
"""

from __future__ import annotations

import io
import zipfile

import hostile_inputs as h
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.article import Article
from reader.core.errors import ArticleError
from reader.core.load.loader import load_bytes

LEAD = "The mayor resigned on Tuesday after the council voted against her budget, officials said."
QUOTE = "“I have done what I could,” she said in a statement released late in the evening."

SAMPLES: dict[str, bytes] = {
    "a.txt": f"Mayor Quits\n{LEAD}\n{QUOTE}\n".encode("cp1252"),
    "a.md": f"# Mayor Quits\n\n{LEAD}\n\n- {QUOTE}\n".encode(),
    "a.html": (
        f"<html><head><title>Mayor Quits</title></head><body><article><h1>Mayor Quits</h1>"
        f"<p>{LEAD}</p><p>{QUOTE}</p></article></body></html>"
    ).encode(),
    "a.mhtml": (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
        f"\r\n\r\n<html><body><p>{LEAD}</p><p>{LEAD}</p></body></html>\r\n--b--\r\n"
    ).encode(),
    "a.rtf": (
        r"{\rtf1\ansi\ansicpg1252 {\b Mayor Quits}\par " + LEAD + r"\par Caf\'e9\par}"
    ).encode(),
    "a.pdf": h.pdf_shared_stream(2, 300),
    "a.docx": h.docx(["Mayor Quits", LEAD, QUOTE.replace("“", "").replace("”", "")]),
    "a.epub": h.epub([h.epub_chapter(f"<h1>Mayor Quits</h1><p>{LEAD}</p><p>{QUOTE}</p>")]),
}
SIGNATURES = {
    "a.pdf": b"%PDF-1.4\n",
    "a.docx": b"PK\x03\x04",
    "a.epub": b"PK\x03\x04",
    "a.rtf": b"{\\rtf1 ",
    "a.html": b"<!DOCTYPE html><html>",
    "a.mhtml": b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n",
    "a.md": b"# ",
    "a.txt": b"",
}
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _clean(data: bytes, name: str) -> None:
    try:
        article = load_bytes(data, path=name)
    except ArticleError as error:
        message = str(error)
        assert message.startswith(f"{name}: ") and "\n" not in message
        return
    assert isinstance(article, Article) and article.text


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "delete"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if kind == "flip" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "repeat":
            out[at:at] = out[at : at + draw(st.integers(1, 200))] * draw(st.integers(2, 50))
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 50))]
    return bytes(out)


def _rezipped(data: bytes, mutate) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename.endswith((".xml", ".xhtml", ".opf")):
                content = mutate(content)
            dst.writestr(item.filename, content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_valid_samples_load(name):
    assert load_bytes(SAMPLES[name], path=name).text


@pytest.mark.parametrize("name", sorted(SAMPLES))
@FUZZ
@given(tail=st.binary(max_size=2000))
def test_random_bytes_behind_a_signature(name, tail):
    _clean(SIGNATURES[name] + tail, name)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@FUZZ
@given(data=st.data())
def test_mutated_valid_files(name, data):
    _clean(data.draw(mutated(SAMPLES[name])), name)


@pytest.mark.parametrize("name", ["a.docx", "a.epub"])
@FUZZ
@given(data=st.data())
def test_mutated_parts_inside_a_valid_zip(name, data):
    mutations: list[bytes] = []

    def mutate(content: bytes) -> bytes:
        mutations.append(data.draw(mutated(content)))
        return mutations[-1]

    _clean(_rezipped(SAMPLES[name], mutate), name)

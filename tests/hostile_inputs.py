"""Hostile and broken inputs, built at run time (never committed): issue 16's cases.

Each builder returns the file's bytes; its size parameters let the fast tests
build a small version that still needs the bound (an inflated-byte or
extracted-character count well past a lowered limit) and ``benchmarks/hostile.py``
build the full-size one. Word and EPUB files are written by hand here (plain
``zipfile``), so a builder depends on no library the loader uses.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_document(paragraphs: list[str], *, doctype: str = "") -> str:
    """A word/document.xml body: one ``w:p`` per paragraph (the text is inserted as XML)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )


def zip_bytes(members: dict[str, bytes | str], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(paragraphs: list[str], *, doctype: str = "", extra: dict | None = None) -> bytes:
    """A minimal .docx (no docProps/core.xml unless ``extra`` adds one)."""
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": DOCX_TYPES,
        "_rels/.rels": DOCX_RELS,
        "word/document.xml": docx_document(paragraphs, doctype=doctype),
    }
    members.update(extra or {})
    return zip_bytes(members)


EPUB_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def epub_opf(chapters: int, *, title: str = "The Book") -> str:
    items = "".join(
        f'<item id="c{k}" href="c{k}.xhtml" media-type="application/xhtml+xml"/>'
        for k in range(chapters)
    )
    refs = "".join(f'<itemref idref="c{k}"/>' for k in range(chapters))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">x</dc:identifier><dc:title>{title}</dc:title>'
        "<dc:language>en</dc:language></metadata>"
        f"<manifest>{items}</manifest><spine>{refs}</spine></package>"
    )


def epub_chapter(body: str, *, doctype: str = "<!DOCTYPE html>", title: str = "Part") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>'
        f"<body>{body}</body></html>"
    )


def epub(chapters: list[str], *, extra: dict | None = None, title: str = "The Book") -> bytes:
    """A minimal EPUB: ``chapters`` are whole XHTML documents (see ``epub_chapter``)."""
    members: dict[str, bytes | str] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": EPUB_CONTAINER,
        "OEBPS/content.opf": epub_opf(len(chapters), title=title),
    }
    members.update({f"OEBPS/c{k}.xhtml": text for k, text in enumerate(chapters)})
    members.update(extra or {})
    return zip_bytes(members)


def lying_member(data: bytes, name: str, zeros: int) -> bytes:
    """``data`` with member ``name`` followed by ``zeros`` zero bytes in its deflate stream,
    while both directory entries keep the size and CRC of the original, valid content."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    honest = members[name]
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(honest)]
    block = bytes(1 << 20)
    left = zeros
    while left > 0:
        parts.append(compressor.compress(block[: min(left, len(block))]))
        left -= len(block)
    parts.append(compressor.flush())
    stream = b"".join(parts)
    crc, size = zlib.crc32(honest), len(honest)
    out = bytearray()
    central = bytearray()
    for member, content in members.items():
        raw = member.encode()
        if member == name:
            packed, m_crc, m_size = stream, crc, size
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = c.compress(content) + c.flush()
            m_crc, m_size = zlib.crc32(content), len(content)
        offset = len(out)
        out += struct.pack(
            "<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, m_crc, len(packed), m_size, len(raw), 0
        )
        out += raw + packed
        central += struct.pack(
            "<4s6H3I5H2I",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            m_crc,
            len(packed),
            m_size,
            len(raw),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += raw
    start = len(out)
    out += central
    out += struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0
    )
    return bytes(out)


def words(count: int, seed: int = 0) -> list[str]:
    """``count`` pseudo-words: text that compresses like prose (about 3:1), not like zeros."""
    rng = random.Random(seed)
    letters = "etaoinshrdlucmfwypvbgkjqxz"
    vocab = ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(5000)]
    return rng.choices(vocab, k=count)


def prose_paragraphs(chars: int, seed: int = 0) -> list[str]:
    """Paragraphs of pseudo-prose, about ``chars`` characters in all (600 a paragraph)."""
    pool = words(chars // 5 + 200, seed)
    paragraphs, k = [], 0
    total = 0
    while total < chars:
        paragraph = " ".join(pool[k : k + 100]).capitalize() + "."
        k = (k + 100) % max(1, len(pool) - 100)
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    return paragraphs


def pdf_shared_stream(pages: int, stream_bytes: int) -> bytes:
    """A PDF of ``pages`` pages that all draw the same FlateDecode content stream of
    about ``stream_bytes`` bytes of text operators (issue 16, case 2)."""
    line = b"(All pages share this one long stream of text.) Tj T* "
    ops = b"BT /F1 1 Tf 2 TL 72 740 Td " + line * max(1, stream_bytes // len(line)) + b"ET"
    packed = zlib.compress(ops, 9)
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed),
    }
    kids = []
    for k in range(pages):
        number = 5 + k
        kids.append(b"%d 0 R" % number)
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return pdf_bytes(objects)


def wrapped_text(size: int, width: int = 72) -> bytes:
    """One hard-wrapped paragraph of ``size`` bytes: lines of ``width`` broken mid-sentence."""
    line = ("the council met again on tuesday and voted on the budget and then " * 3)[: width - 1]
    line = line.rstrip() + "\n"
    return (line * (size // len(line) + 1)).encode()


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">'
        for k in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def pdf_bytes(objects: dict[int, bytes]) -> bytes:
    """Serialise numbered PDF objects (1 the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)

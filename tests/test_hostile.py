"""Hostile input (issue 16): the work done is bounded, whatever the file claims.

Every input is built here at run time (``hostile_inputs``), small: each would
still blow up without its bound, which the tests see by counting (inflated
bytes, extracted characters, pages interpreted, Python memory traced) rather
than by timing. The full-size cases, timed, are ``benchmarks/hostile.py``; a
slow tier here (``-m slow``) runs a few at full size under a CPU-time limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import hostile_inputs as h
import pytest

from reader.core.errors import ArticleError
from reader.core.load import loader
from reader.core.load.formats import MB, TextBudget, pdf, zipguard
from reader.core.load.formats.text import unwrap
from reader.core.load.loader import load

LEAD = "The mayor resigned on Tuesday after the council voted against her budget, officials said."


def reason(path: Path | str) -> str:
    with pytest.raises(ArticleError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message.split(": ", 1)[1]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def peak_traced(run) -> int:
    """Peak bytes Python allocated while ``run()`` ran (lxml's C memory is not counted)."""
    tracemalloc.start()
    try:
        run()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# -- 1. a zip member that lies about its size --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "member", "build"),
    [
        ("lie.docx", "word/document.xml", lambda: h.docx([LEAD] * 20)),
        ("lie.epub", "OEBPS/c0.xhtml", lambda: h.epub([h.epub_chapter(f"<p>{LEAD}</p>" * 20)])),
    ],
)
def test_a_member_inflating_past_its_declared_size_is_refused(tmp_path, name, member, build):
    data = h.lying_member(build(), member, 48 * MB)  # declares ~2 kB, inflates 48 MB more
    path = write(tmp_path, name, data)
    found: list[str] = []
    peak = peak_traced(lambda: found.append(reason(path)))
    assert f"({member}) that unpacks to more than its declared size" in found[0]
    assert peak < 8 * MB  # zipfile.read would hold the 48 MB


def test_members_are_inflated_in_bounded_chunks():
    data = h.zip_bytes({"big.xml": " ".join(h.words(700_000))})
    archive = zipguard.open_archive(data, "Word document")
    sizes = [len(chunk) for chunk in archive.chunks("big.xml")]
    assert sum(sizes) > 3 * MB and max(sizes) <= zipguard.CHUNK


def test_the_running_cap_counts_every_member_read(monkeypatch):
    data = h.zip_bytes({f"m{k}.xml": "x" * 5000 for k in range(4)})
    archive = zipguard.open_archive(data, "EPUB book")
    monkeypatch.setattr(zipguard, "UNPACKED_LIMIT", 12_000)
    archive.read("m0.xml")
    archive.read("m1.xml")
    with pytest.raises(zipguard.BadInput, match="unpacks to more than"):
        archive.read("m2.xml")


def test_an_encrypted_zip_member_is_refused(tmp_path):
    data = bytearray(h.docx([LEAD]))
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + flags] |= 1
            start += 4
    assert "encrypted" in reason(write(tmp_path, "locked.docx", bytes(data)))


# -- 2. PDF pages sharing one content stream ------------------------------------------------------


def test_pdf_content_interpreted_is_bounded_in_total(tmp_path, monkeypatch):
    from pypdf import PageObject

    calls = []
    extract = PageObject.extract_text
    monkeypatch.setattr(
        PageObject, "extract_text", lambda self, *a, **k: calls.append(1) or extract(self, *a, **k)
    )
    monkeypatch.setattr(pdf, "CONTENT_LIMIT", 100_000)
    path = write(tmp_path, "shared.pdf", h.pdf_shared_stream(200, 20_000))
    assert "pages draw more than" in reason(path)
    assert len(calls) <= 5  # 200 pages without the bound


def test_pdf_text_is_counted_while_it_is_extracted(tmp_path, monkeypatch):
    used = []
    take = TextBudget.take
    monkeypatch.setattr(TextBudget, "take", lambda self, n: used.append(self.used) or take(self, n))
    monkeypatch.setattr(loader, "TEXT_LIMIT", 5_000)
    path = write(tmp_path, "long.pdf", h.pdf_shared_stream(1, 200_000))  # ~170,000 characters
    assert "more than the 5,000 characters" in reason(path)
    assert max(used) < 6_000  # refused at the limit, not after the whole page


def test_pdf_extraction_time_is_bounded(tmp_path, monkeypatch):
    ticks = iter(range(0, 10**9, 3))
    monkeypatch.setattr(pdf, "_clock", lambda: next(ticks))
    path = write(tmp_path, "slow.pdf", h.pdf_shared_stream(50, 2_000))
    assert f"took more than {pdf.TIME_LIMIT:.0f} s" in reason(path)


# -- 3. unwrapping a hard-wrapped paragraph -------------------------------------------------------


def _quadratic_reference(lines: list[str], joins: list[bool]) -> str:
    out = [lines[0]]
    for line, join in zip(lines[1:], joins, strict=True):
        if join:
            head, tail = out[-1].rstrip(), line.strip()
            hyphen = head.endswith("-") and head[-2:-1].isalpha() and tail[:1].islower()
            out[-1] = head + ("" if hyphen else " ") + tail
        else:
            out.append(line)
    return "\n".join(out)


def test_unwrapping_joins_as_before_with_hyphens_and_breaks():
    text = (
        "The council met on Tuesday night and voted against the mayor's budget, a well-\n"
        "known plan that had been discussed for months by the members of the city's \n"
        "finance committee and by the public at two hearings held in the town hall  \n"
        "where residents spoke.\n"
        "\n"
        "A second paragraph follows here, and it is wrapped at the same width as the\n"
        "first one so that the unwrapping rule sees a consistently wrapped file here.\n"
    )
    lines = text.split("\n")
    joins = [i in (1, 2, 3, 6) for i in range(1, len(lines))]
    assert unwrap(text) == _quadratic_reference(lines, joins)


@pytest.mark.slow
def test_a_wrapped_paragraph_at_the_text_limit_unwraps_within_the_goal(tmp_path):
    # Issue 16's goal (15 s on the 2-core machine) as a CPU-time ceiling, not a benchmark.
    path = write(tmp_path, "wrapped.txt", h.wrapped_text(loader.TEXT_LIMIT * 95 // 100))
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_CPU, (15, 15));"
        "from reader.core.load.loader import load; print(load(sys.argv[1]).text.count(chr(10)))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "0"  # one paragraph


_WITHIN_THE_GOAL = (
    # Issue 16's goal (15 s, 1.5 GB on the 2-core machine) as rlimits, not a benchmark.
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_CPU, (15, 15))\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))\n"
    "from reader.core.errors import ArticleError\n"
    "from reader.core.load.loader import load\n"
    "try:\n    load(sys.argv[1]); print('loaded')\n"
    "except ArticleError as error:\n    print(str(error).split(': ', 1)[1])\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "build", "outcome"),
    [
        (
            "lie.docx",
            lambda: h.lying_member(h.docx([LEAD] * 50), "word/document.xml", 1 << 30),
            "more than its declared size",
        ),
        # Refused by the character limit now, before the 8 MB content or 10 s limits.
        ("shared.pdf", lambda: h.pdf_shared_stream(999, MB), "this app supports"),
        ("huge.docx", lambda: h.docx(h.prose_paragraphs(52_000_000)), "characters of text"),
    ],
)
def test_full_size_hostile_files_end_within_the_goal(tmp_path, name, build, outcome):
    path = write(tmp_path, name, build())
    done = subprocess.run(
        [sys.executable, "-c", _WITHIN_THE_GOAL, str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert outcome in done.stdout


# -- 5. the text limit, checked while extracting ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("long.docx", lambda: h.docx(h.prose_paragraphs(8 * MB))),
        (
            "long.epub",
            lambda: h.epub([h.epub_chapter("<p>" + "</p><p>".join(h.prose_paragraphs(8 * MB)))]),
        ),
    ],
)
def test_the_text_limit_is_checked_while_extracting(tmp_path, monkeypatch, name, build):
    monkeypatch.setattr(loader, "TEXT_LIMIT", 20_000)
    data = build()
    path = write(tmp_path, name, data)
    found: list[str] = []
    peak = peak_traced(lambda: found.append(reason(path)))
    assert "more than the 20,000 characters" in found[0]
    # The file is read whole (twice its size while its chunks are joined); its
    # 8 MB of text or its inflated part never are.
    assert peak < 2 * len(data) + MB


def test_markdown_text_is_counted_as_it_is_rendered(tmp_path, monkeypatch):
    used = []
    take = TextBudget.take
    monkeypatch.setattr(TextBudget, "take", lambda self, n: used.append(self.used) or take(self, n))
    monkeypatch.setattr(loader, "TEXT_LIMIT", 20_000)
    path = write(tmp_path, "long.md", "\n\n".join(h.prose_paragraphs(MB)).encode())
    assert "more than the 20,000 characters" in reason(path)
    assert max(used) < 21_000


# -- 6. sizes the comparison handles: characters and sentences ----------------------------------


def test_an_article_over_the_sentence_limit_is_refused(tmp_path, monkeypatch):
    # One-word lines cost the comparison per sentence, not per character:
    # 100,000 of them are under 1 MB of text.
    monkeypatch.setattr(loader, "SENTENCE_LIMIT", 50)
    lines = [f"Line {n} of the list." for n in range(51)]
    path = write(tmp_path, "lines.txt", "\n".join(lines).encode())
    assert reason(path) == "more than the 50 sentences this app supports"
    path.write_text("\n".join(lines[:50]))
    assert len(load(path).sentences) == 50


def test_the_documented_limits_are_the_loaders():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"{loader.TEXT_LIMIT:,} characters" in readme
    assert f"{loader.SENTENCE_LIMIT:,} sentences" in readme


def test_a_finding_in_an_endless_sentence_names_only_its_aligned_words():
    from reader.core.article import Article
    from reader.core.compare import compare
    from reader.core.spin.context import COUNTERPART_MAX

    words = [f"w{k}" for k in range(12_000)]  # one sentence, no full stop: one block
    left = " ".join(words[:6000] + "the council spent 512 dollars".split() + words[6000:])
    right = " ".join(words[:6000] + "the shameful council spent 640 dollars".split() + words[6000:])
    comparison = compare(Article.from_text(left + "\n"), Article.from_text(right + "\n"))
    assert len(comparison.blocks) == 1
    findings = comparison.to_json()["spin"]
    assert {"fact", "loaded"} <= {f["kind"] for f in findings}
    for finding in findings:
        counterpart = finding["counterpart"]
        assert len(counterpart["text"]) <= COUNTERPART_MAX
        assert "512 dollars" in counterpart["text"]  # the words aligned with the finding's
        other = right if counterpart["side"] == "right" else left
        assert other[counterpart["start"] - 1] == " " and other[counterpart["end"]] == " "


# -- 8. smaller: made-up titles, DTD subsets, unexpanded entities ---------------------------------


def test_a_docx_without_core_properties_gets_no_made_up_title(tmp_path):
    article = load(write(tmp_path, "bare.docx", h.docx([LEAD, LEAD])))
    assert "Word Document" not in article.text
    assert article.text.split("\n")[0] == LEAD and article.title == ""


def test_a_docx_core_title_is_still_used(tmp_path):
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>Mayor Quits</dc:title></cp:coreProperties>"
    )
    article = load(write(tmp_path, "t.docx", h.docx([LEAD], extra={"docProps/core.xml": core})))
    assert article.text.split("\n") == ["Mayor Quits", LEAD]


def test_text_after_an_unexpanded_entity_in_a_docx_is_kept(tmp_path):
    doctype = '<!DOCTYPE w:document [<!ENTITY x "EXPANDED">]>'
    data = h.docx(["Secret: &x; end of the sentence.", LEAD], doctype=doctype)
    article = load(write(tmp_path, "entity.docx", data))
    assert article.text.split("\n")[0] == "Secret: &x; end of the sentence."
    assert "EXPANDED" not in article.text


def test_an_internal_dtd_subset_in_an_epub_chapter_keeps_the_title_out(tmp_path):
    doctype = '<!DOCTYPE html [<!ENTITY a "EXPANDED">]>'
    chapter = h.epub_chapter(f"<p>{LEAD} &a;</p>", doctype=doctype, title="Head Title")
    article = load(write(tmp_path, "dtd.epub", h.epub([chapter], title="The Book")))
    assert "Head Title" not in article.text and "]>" not in article.text
    assert "EXPANDED" not in article.text
    assert article.text.split("\n") == ["The Book", f"{LEAD} &a;"]


# -- XML entities, zip slip ----------------------------------------------------------------------


def test_xxe_reads_no_local_file(tmp_path):
    secret = write(tmp_path, "secret.txt", b"TOP-SECRET-CONTENT")
    doctype = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    word = h.docx([f"Secret: &xxe; end. {LEAD}"], doctype=doctype.replace("d [", "w:document ["))
    book = h.epub([h.epub_chapter(f"<p>Secret: &xxe; end. {LEAD}</p>", doctype=doctype)])
    for name, data in (("x.docx", word), ("x.epub", book)):
        try:
            text = load(write(tmp_path, name, data)).text
        except ArticleError:
            continue
        assert "TOP-SECRET" not in text and "end." in text


def test_billion_laughs_is_not_expanded(tmp_path):
    word = h.docx([f"Laugh: &lol9; {LEAD}"], doctype=h.BILLION_LAUGHS.replace("lolz", "w:document"))
    book = h.epub([h.epub_chapter(f"<p>Laugh: &lol9; {LEAD}</p>", doctype=h.BILLION_LAUGHS)])
    for name, data in (("l.docx", word), ("l.epub", book)):
        path = write(tmp_path, name, data)
        out: list[str] = []

        def run(path: Path = path, out: list[str] = out) -> None:
            try:
                out.append(load(path).text)
            except ArticleError as error:
                out.append(str(error))

        assert peak_traced(run) < 4 * MB
        assert "lollol" not in out[0]


def test_zip_slip_names_write_nothing(tmp_path):
    inside = tmp_path / "in"
    inside.mkdir()
    chapter = h.epub_chapter(f"<p>{LEAD}</p>")
    data = h.epub([chapter], extra={"../../evil.xhtml": chapter, "/abs/evil.xhtml": chapter})
    path = write(inside, "slip.epub", data)
    before = sorted(p for p in tmp_path.rglob("*"))
    assert load(path).text.endswith(LEAD)
    assert sorted(p for p in tmp_path.rglob("*")) == before


# -- broken PDFs, files that are not files --------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],  # cut in the middle
        lambda d: d.replace(b"xref", b"xjunk"),  # no cross-reference table
        lambda d: d.replace(b"/Kids [5 0 R]", b"/Kids [2 0 R]"),  # a page tree that loops
        lambda d: d.replace(b"/FlateDecode", b"/LZWDecode"),  # the wrong filter
        lambda d: d.replace(b"/Count 1", b"/Count 99999999"),  # a lying page count
    ],
    ids=["truncated", "no-xref", "looping-tree", "wrong-filter", "lying-count"],
)
def test_malformed_pdfs_give_a_clean_error_or_text(tmp_path, damage):
    data = damage(h.pdf_shared_stream(1, 2_000))
    try:
        article = load(write(tmp_path, "bad.pdf", data))
    except ArticleError as error:
        assert "\n" not in str(error)
    else:
        assert article.text.strip()


def test_a_symlink_loop(tmp_path):
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert "symbolic links" in reason(tmp_path / "a.txt")


def test_nul_bytes_in_text_and_in_the_path(tmp_path):
    assert "binary" in reason(write(tmp_path, "nul.txt", LEAD.encode() + b"\x00\x01\x00" * 50))
    with pytest.raises(ArticleError):
        load(str(tmp_path / "a\x00b.txt"))


def test_hostile_inputs_are_left_untouched(tmp_path):
    cases = {
        "lie.docx": h.lying_member(h.docx([LEAD]), "word/document.xml", MB),
        "shared.pdf": h.pdf_shared_stream(20, 1_000),
        "dtd.epub": h.epub([h.epub_chapter(f"<p>{LEAD}</p>", doctype=h.XXE)]),
    }
    for name, data in cases.items():
        path = write(tmp_path, name, data)
        os.chmod(path, 0o444)
        stamp = path.stat().st_mtime_ns
        try:
            load(path)
        except ArticleError:
            pass
        assert path.read_bytes() == data and path.stat().st_mtime_ns == stamp


# -- cold start (issue 13) -------------------------------------------------------------------------

_FORMAT_LIBRARIES = (
    "trafilatura",
    "pypdf",
    "docx",
    "ebooklib",
    "markdown_it",
    "striprtf",
    "cryptography",
    "charset_normalizer",
    "lxml",
)


def _imported_after(code: str) -> list[str]:
    probe = (
        f"import sys\n{code}\nprint(','.join(m for m in {_FORMAT_LIBRARIES!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [name for name in done.stdout.strip().split(",") if name]


def test_importing_the_cli_imports_no_format_library():
    assert _imported_after("import reader.cli") == []


def test_loading_a_text_file_imports_no_format_library(seed_paths):
    code = (
        f"import reader.cli\nfrom reader.core.load.loader import load\nload({str(seed_paths[0])!r})"
    )
    assert _imported_after(code) == []


def test_a_format_library_is_imported_when_its_format_is_opened(tmp_path):
    path = write(tmp_path, "a.md", f"# Title\n\n{LEAD}\n".encode())
    code = f"from reader.core.load.loader import load\nload({str(path)!r})"
    assert _imported_after(code) == ["markdown_it"]

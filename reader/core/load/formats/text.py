"""Plain text: encoding detection, line endings, hard-wrapped paragraphs, the headline.

Decoding order: a byte-order mark decides (UTF-8/16/32); then BOM-less UTF-16/32
recognised by where its zero bytes fall; then strict UTF-8, which nearly never
passes by accident; then UTF-8 with a few bad bytes replaced, when valid UTF-8
characters far outnumber them; then cp1252 (a superset of Latin-1's printable
characters, by far the commonest legacy encoding articles are saved in) when
its reading is plausible Latin-script text; then charset-normalizer's verdict.
charset-normalizer alone guesses badly on short Western texts (measured: a
42-byte cp1252 sentence came back as cp775, "Café" as "Cafķ"; "Señor Muñoz" as
cp1250). cp1252's reading is plausible when most letters are ASCII, no symbol
sits inside a word (Polish cp1250 read as cp1252 gives "Za¿ó³æ") and its
accented letters fit one Western European alphabet plus the few common in
loanwords (Czech read as cp1252 mixes "ø" with "ž": no such language).

Text whose lines are hard-wrapped (broken at a fixed width inside paragraphs) is
unwrapped so that each paragraph is one line, which the segmenter expects. Files
already written one paragraph per line (the sample pair) are left exactly as
they decode.
"""

from __future__ import annotations

import codecs
import itertools
import re

from reader.core.load.formats import TEXT_LIMIT, BadInput, Extracted, too_much_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_CONTROL_SHARE = 0.01  # more than 1% control characters: binary, not text
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")

# Hard wrapping: lines broken at 30..100 columns (95th percentile of line lengths).
WRAP_WIDTHS = (30, 100)
_WRAP_LONG = 0.6  # a line shorter than this share of the width ended its paragraph
_SENTENCE_END = re.compile(r"""[.!?:…]["'”’)\]]*$""")
# A list item, heading, quote or table row starts its own line. Not an en dash:
# wrapped prose often continues with one ("... popular\n– if your site").
_NEW_BLOCK = re.compile(r"(?:[-*+•]\s|\d{1,3}[.)]\s|#|>|\|)")

_HEADLINE_MAX_CHARS = 150
_HEADLINE_MAX_WORDS = 25
_OPENING_MARKS = "\"'“‘«„‚‹(-–—•*>#["


def read_text(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """Plain text: decoded, line endings normalised, hard wraps joined."""
    text, encoding = decode(data)
    if len(text) > limit:  # before unwrapping: joining lines only shortens the text
        raise too_much_text(limit)
    return Extracted(text=unwrap(text), encoding=encoding)


def decode(data: bytes) -> tuple[str, str]:
    """(text with \\n line endings, encoding name); ``BadInput`` for binary data."""
    text, encoding = _decode(data)
    if looks_binary(text):
        raise BadInput("this is a binary file, not text")
    return normalise_newlines(text), encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                name = encoding.upper().replace("-LE", "").replace("-BE", "")
                raise BadInput(f"not valid {name} text despite its byte-order mark") from None
    if b"\x00" in data:
        return _decode_wide(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    return _decode_legacy(data)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few invalid bytes (a stray cp1252 quote, a cut last character).

    Read as UTF-8 with U+FFFD for the bad bytes when valid multi-byte characters
    far outnumber them; a legacy-encoded file has almost no valid ones.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(_NON_ASCII.findall(text))
    return text if good >= 4 * bad else None


def _decode_wide(data: bytes) -> tuple[str, str]:
    """BOM-less UTF-16/32, told apart from binary by where the zero bytes are."""
    sample = data[:65536]
    # (unit width, encoding, positions zero in most units, their share, the low byte's position)
    for width, encoding, high, share, low in (
        (4, "utf-32-le", (2, 3), 0.9, 0),
        (4, "utf-32-be", (0, 1), 0.9, 3),
        (2, "utf-16-le", (1,), 0.3, 0),
        (2, "utf-16-be", (0,), 0.3, 1),
    ):
        units = len(sample) // width
        if len(data) % width or not units:
            continue
        zeros = [sample[i::width].count(0) for i in range(width)]
        # Mostly-Latin text: the high bytes are zero in most units, the low byte almost never.
        if all(zeros[i] >= share * units for i in high) and zeros[low] <= 0.02 * units:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    raise BadInput("this is a binary file, not text (it contains NUL bytes)")


# Accented letters of the Western European languages cp1252 serves, one alphabet
# each; a text may mix one of them with the letters common in loanwords.
_LOANWORD_LETTERS = frozenset("éèêëáàâäçíîïñóôöúûü")
_ALPHABETS = tuple(
    frozenset(letters) | _LOANWORD_LETTERS
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü·",  # Catalan
        "æøåéóèô",  # Danish, Norwegian
        "åäöé",  # Swedish
        "äöåšž",  # Finnish
        "áðéíóúýþæö",  # Icelandic, Faroese
        "äöõüšž",  # Estonian
        "ëç",  # Albanian
    )
)
# Marks that do sit between letters in Western text: apostrophes, hyphens, dashes.
_INSIDE_WORDS = frozenset("’‘·‐‑–—")
_NON_ASCII_LETTER_SHARE = 0.25  # more than this in Latin script: another script read wrongly
_PLAUSIBLE_SAMPLE = 200_000
_ASCII_LETTERS = re.compile("[A-Za-z]")
_NON_ASCII_CHAR = re.compile("[^\x00-\x7f]")


def plausible_latin(text: str) -> bool:
    """True when ``text`` reads as Western Latin-script prose (for a cp1252 candidate).

    Judged on a prefix, like ``looks_binary``: a misread encoding shows at once.
    """
    sample = text[:_PLAUSIBLE_SAMPLE]
    letters = len(_ASCII_LETTERS.findall(sample))
    non_ascii = 0
    accented: set[str] = set()
    for found in _NON_ASCII_CHAR.finditer(sample):
        char, position = found.group(), found.start()
        if char.isalpha():
            non_ascii += 1
            accented.add(char.lower())
        elif (
            char not in _INSIDE_WORDS
            and 0 < position < len(sample) - 1
            and sample[position - 1].isalpha()
            and sample[position + 1].isalpha()
        ):
            return False  # "Za¿ó³æ": a symbol inside a word is a misread letter
    if non_ascii > _NON_ASCII_LETTER_SHARE * (letters + non_ascii):
        return False
    return not accented or any(accented <= alphabet for alphabet in _ALPHABETS)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if plausible_latin(text):
            return text, "cp1252"
    from charset_normalizer import from_bytes  # imported with the first legacy-encoded file

    best = from_bytes(data).best()
    if best is None:
        raise BadInput("this is a binary file, not text in any known encoding")
    try:
        return data.decode(best.encoding), codecs.lookup(best.encoding).name
    except (UnicodeDecodeError, LookupError):
        return str(best), best.encoding


def looks_binary(text: str) -> bool:
    """True when control characters make up more than 1% of the text (or any NUL is there)."""
    if "\x00" in text:
        return True
    if not text:
        return False
    # Count on a prefix of a huge text: binary shows itself early.
    sample = text[:200_000]
    return len(_CONTROL.findall(sample)) > _CONTROL_SHARE * len(sample)


def normalise_newlines(text: str) -> str:
    """Windows (\\r\\n), old Mac (\\r) and Unicode line/paragraph separators become \\n."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text  # most files: three scans in C instead of a regex pass
    return _NEWLINES.sub("\n", text)


def unwrap(text: str, *, widths: tuple[int, int] = WRAP_WIDTHS) -> str:
    """Join the hard-wrapped lines of each paragraph with a space; other text is untouched.

    The wrap width is the longest line (95th percentile from 20 lines on). A file
    is wrapped when that width lies within ``widths`` and most of its long lines
    followed by another end mid-sentence. A line then continues onto the next unless it
    is short (a headline, a paragraph's last line), ends a sentence well before the
    margin, or the next line opens a list item, heading, quote or table row.
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return text
    # With few lines every one counts; with many, a stray long line (a URL) must not.
    width = lengths[-1] if len(lengths) < 20 else lengths[int(0.95 * (len(lengths) - 1))]
    if not widths[0] <= width <= widths[1]:
        return text
    # Wrapping breaks lines mid-sentence; one paragraph per line ends them with a
    # full stop. Only the first kind is joined.
    long_ends = [
        bool(_SENTENCE_END.search(a.rstrip()))
        for a, b in itertools.pairwise(lines)
        if b.strip() and len(a.rstrip()) >= _WRAP_LONG * width
    ]
    if not long_ends or sum(long_ends) > len(long_ends) / 2:
        return text
    # Each paragraph is a list of pieces joined once at the end: appending to the
    # growing paragraph string would copy it for every line (issue 16, case 3:
    # 95 s for one 4 MB paragraph).
    out: list[list[str]] = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        if _continues(previous, line, width):
            pieces = out[-1]
            head = pieces[-1].rstrip()
            tail = line.strip()
            before = head[-2:-1] if len(head) > 1 else (pieces[-2][-1:] if len(pieces) > 1 else "")
            hyphenated = head.endswith("-") and before.isalpha() and tail[:1].islower()
            pieces[-1] = head
            pieces.append(("" if hyphenated else " ") + tail)
        else:
            out.append([line])
    return "\n".join("".join(pieces) for pieces in out)


def _continues(previous: str, line: str, width: int) -> bool:
    head = previous.rstrip()
    tail = line.strip()
    if not head.strip() or not tail:
        return False
    if len(head) < _WRAP_LONG * width or _NEW_BLOCK.match(tail) or _NEW_BLOCK.match(head.lstrip()):
        return False
    indent = len(line) - len(line.lstrip())
    if indent > len(previous) - len(previous.lstrip()):
        return False  # first-line indent: a new paragraph
    if title_cased(head):
        return False  # a headline directly above its story
    next_word = tail.split(None, 1)[0]
    if _SENTENCE_END.search(head) and len(head) + 1 + len(next_word) <= width:
        return False  # the next word would have fitted: the writer broke the line
    return True


def title_cased(line: str) -> bool:
    """Most longer words capitalised and no closing punctuation: "Mayor Quits After Vote"."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    if len(words) < 3 or line[-1:] in ".,;:!?":
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def headline(text: str) -> str:
    """The first line if it looks like a headline (short, no full stop, text after it), else ""."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not first or not rest.strip():
        return ""
    if len(first) > _HEADLINE_MAX_CHARS or len(first.split()) > _HEADLINE_MAX_WORDS:
        return ""
    if first[0] in _OPENING_MARKS or not (first[0].isupper() or first[0].isdigit()):
        return ""
    if first.rstrip("\"'”’»)").endswith((".", ",", ";", ":", "…")):
        return ""
    return first

"""Zip containers (.docx, .epub): every member read as a stream with a running cap.

A zip's directory only *declares* each member's size; the deflate stream may
inflate far beyond it (issue 16: a 3 MB .docx whose part declares a few kB and
inflates a GiB of zeros), and Python's ``zipfile.read`` inflates the whole stream
before cutting it to the declared size. So the declared sizes are checked first
(cheap refusals of honest bombs), and then members are inflated here, chunk by
chunk, never past their declared size and never past ``UNPACKED_LIMIT`` for the
whole archive, whatever the directory says; a member that inflates more than it
declares is refused the moment it does. Nothing is written to disk, and member
names are only looked up, never used as paths (no zip slip).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from reader.core.load.formats import MB, BadInput

UNPACKED_LIMIT = 200 * MB  # all members together, uncompressed
RATIO_LIMIT = 100  # uncompressed : compressed, for members over 1 MB
MEMBER_LIMIT = 10_000  # members in one archive
CHUNK = 256 * 1024  # inflated bytes handed out at a time
_LOCAL_HEADER = struct.Struct("<4s5H3I2H")


class Archive:
    """A zip archive whose members are read bounded; build it with ``open_archive``."""

    def __init__(self, data: bytes, kind: str, members: list[zipfile.ZipInfo]) -> None:
        self._data = memoryview(data)
        self.kind = kind
        # The last entry of a repeated name wins, as in zipfile.
        self._members = {m.filename: m for m in members}
        self.names = set(self._members)
        self._inflated = 0  # running total over every member read so far

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's inflated bytes, at most ``CHUNK`` at a time; ``BadInput`` on any lie."""
        member = self._members.get(name)
        if member is None:
            raise BadInput(f"broken {self.kind}: it has no part {name}")
        raw = self._raw(member)
        crc = 0
        produced = 0
        for piece in self._inflate(member, raw):
            produced += len(piece)
            self._inflated += len(piece)
            if produced > member.file_size:
                raise BadInput(
                    f"{self.kind} has a part ({name}) that unpacks to more than its declared "
                    "size, which this app refuses (a zip bomb?)"
                )
            if self._inflated > UNPACKED_LIMIT:
                raise BadInput(
                    f"{self.kind} unpacks to more than the {UNPACKED_LIMIT // MB} MB "
                    "this app allows (a zip bomb?)"
                )
            crc = zlib.crc32(piece, crc)
            yield piece
        if produced != member.file_size or crc != member.CRC:
            raise BadInput(f"broken {self.kind}: its part {name} is damaged")

    def read(self, name: str) -> bytes:
        """The whole member (bounded by its declared size, which was checked)."""
        return b"".join(self.chunks(name))

    def _raw(self, member: zipfile.ZipInfo) -> memoryview:
        if member.flag_bits & 0x1:
            raise BadInput(f"{self.kind} is encrypted; this app cannot open it")
        offset = member.header_offset
        header = bytes(self._data[offset : offset + _LOCAL_HEADER.size])
        if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise BadInput(f"broken {self.kind}: not a valid zip archive")
        fields = _LOCAL_HEADER.unpack(header)
        start = offset + _LOCAL_HEADER.size + fields[9] + fields[10]
        raw = self._data[start : start + member.compress_size]
        if len(raw) < member.compress_size:
            raise BadInput(f"broken {self.kind}: its part {member.filename} is cut short")
        return raw

    def _inflate(self, member: zipfile.ZipInfo, raw: memoryview) -> Iterator[bytes]:
        if member.compress_type == zipfile.ZIP_STORED:
            for start in range(0, len(raw), CHUNK):
                yield bytes(raw[start : start + CHUNK])
            return
        if member.compress_type != zipfile.ZIP_DEFLATED:
            raise BadInput(
                f"{self.kind} uses a compression method this app does not read "
                f"({member.compress_type})"
            )
        inflater = zlib.decompressobj(-15)
        try:
            for start in range(0, len(raw), CHUNK):
                piece = inflater.decompress(raw[start : start + CHUNK], CHUNK)
                while True:
                    if piece:
                        yield piece
                    if not inflater.unconsumed_tail:
                        break
                    piece = inflater.decompress(inflater.unconsumed_tail, CHUNK)
                if inflater.eof:
                    break
            if not inflater.eof:
                raise BadInput(f"broken {self.kind}: its part {member.filename} is cut short")
        except zlib.error:
            raise BadInput(f"broken {self.kind}: its part {member.filename} is damaged") from None


def open_archive(data: bytes, kind: str) -> Archive:
    """The archive, its declared sizes checked; ``BadInput`` if not a zip or a bomb by its word."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # BadZipFile, NotImplementedError ("zip file version"), struct.error...
        raise BadInput(f"broken {kind}: not a valid zip archive") from None
    if len(members) > MEMBER_LIMIT:
        raise BadInput(f"{kind} has more than {MEMBER_LIMIT:,} parts, this app's limit")
    total = sum(m.file_size for m in members)
    if total > UNPACKED_LIMIT:
        raise BadInput(
            f"{kind} would unpack to {total / MB:,.0f} MB, more than the "
            f"{UNPACKED_LIMIT // MB} MB this app allows (a zip bomb?)"
        )
    for member in members:
        if member.file_size > MB and member.file_size > RATIO_LIMIT * max(1, member.compress_size):
            raise BadInput(
                f"{kind} is compressed more than {RATIO_LIMIT}:1 "
                f"({member.filename}), which this app refuses (a zip bomb?)"
            )
    return Archive(data, kind, members)


def member_names(data: bytes, kind: str) -> set[str]:
    """Names in the archive; ``BadInput`` if it is not a zip or would unpack too far."""
    return open_archive(data, kind).names

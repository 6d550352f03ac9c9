"""Zip containers (.docx, .epub) checked before any library unpacks them.

python-docx and ebooklib read every member into memory, so a zip bomb would
exhaust it. The sizes in the zip's directory bound what Python's ``zipfile``
will ever return for a member (it stops at the declared size and a member that
lies fails its CRC check), so checking them before parsing bounds memory.
"""

from __future__ import annotations

import io
import zipfile

from reader.core.load.formats import MB, BadInput

UNPACKED_LIMIT = 200 * MB  # all members together, uncompressed
RATIO_LIMIT = 100  # uncompressed : compressed, for members over 1 MB
MEMBER_LIMIT = 10_000  # members in one archive


def member_names(data: bytes, kind: str) -> set[str]:
    """Names in the archive; ``BadInput`` if it is not a zip or would unpack too far."""
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
    return {m.filename for m in members}

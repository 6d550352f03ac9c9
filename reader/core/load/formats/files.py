"""Read a whole input file safely: regular files only, bounded, never blocking, never locking.

The file is read once into memory and every format reader parses those bytes, so
a file that changes while it is read is caught here (size, mtime and inode are
compared before and after) and nothing downstream ever sees half of one version
and half of another. The file is opened read-only and non-blocking (a FIFO that
slipped past the first check cannot hang the app), without any lock, and closed
before parsing starts.
"""

from __future__ import annotations

import os
import stat

from reader.core.load.formats import MB, BadInput

_CHUNK = 1 * MB
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO or device must not block the open
    | getattr(os, "O_NOCTTY", 0)  # a terminal device must not become ours
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)


def read_file(path: str, limit: int) -> bytes:
    """The file's bytes; ``BadInput`` for anything but a readable, stable regular file.

    ``limit`` is the largest size accepted, in bytes; larger files are refused
    before a single byte is read, with the limit in the message.
    """
    before = _stat(path)
    _check_kind(before)
    if before.st_size == 0:
        raise BadInput("the file is empty")
    if before.st_size > limit:
        raise BadInput(_too_large(before.st_size, limit))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except PermissionError:
        raise BadInput("no permission to read this file") from None
    except FileNotFoundError:
        raise BadInput("the file disappeared while it was being read") from None
    except OSError as error:
        raise BadInput(f"cannot open the file ({error.strerror or error})") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or _identity(opened) != _identity(before):
            raise BadInput("the file was replaced while it was being read")
        # One byte more than the size seen: a file that grew shows it at once.
        data = _read_all(fd, before.st_size + 1)
        after_fd = os.fstat(fd)
    finally:
        os.close(fd)
    try:
        after_path = os.stat(path)
    except OSError:
        raise BadInput("the file disappeared while it was being read") from None
    stable = (
        _version(before) == _version(after_fd) == _version(after_path)
        and len(data) == before.st_size
    )
    if not stable:
        raise BadInput("the file changed while it was being read; try again when it is saved")
    return data


def _stat(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise BadInput("no such file") from None
    except NotADirectoryError:
        raise BadInput("no such file (a folder in the path is a file)") from None
    except PermissionError:
        raise BadInput("no permission to reach this file") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        raise BadInput(
            f"cannot reach the file ({getattr(error, 'strerror', None) or error})"
        ) from None


def _check_kind(info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise BadInput("this is a folder, not a file")
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    raise BadInput(f"this is {kind}, not a regular file")


def _read_all(fd: int, limit: int) -> bytes:
    """Read to end of file, but never more than ``limit`` bytes."""
    parts: list[bytes] = []
    total = 0
    while total < limit:
        try:
            chunk = os.read(fd, min(_CHUNK, limit - total))
        except BlockingIOError:
            raise BadInput("the file is not ready to be read (it would block)") from None
        except OSError as error:
            raise BadInput(f"reading failed ({error.strerror or error})") from None
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _version(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _too_large(size: int, limit: int) -> str:
    return (
        f"the file is {size / MB:.1f} MB, larger than the {limit // MB} MB "
        "this app supports for this kind of file"
    )

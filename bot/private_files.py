"""Files the bot writes hold people's data: they are created readable by their owner only (0600).

The mode is given when the file is created, so there is no moment when others can read it.
"""

from __future__ import annotations

import os
import stat

PRIVATE_MODE = 0o600


def write_private_text(path: str, text: str, encoding: str) -> None:
    """Writes `path`, creating it 0600; a regular file that existed is made 0600 too."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    with os.fdopen(descriptor, "w", encoding=encoding, newline="") as file:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.fchmod(descriptor, PRIVATE_MODE)
        file.write(text)


def create_private_new_file(path: str) -> None:
    """Creates an empty 0600 file; refuses (FileExistsError) an existing file or any symlink."""
    # O_EXCL with O_CREAT fails on an existing path, dangling symbolic links included.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))


def write_private_bytes(path: str, data: bytes) -> None:
    """Like write_private_text, for a binary file (a workbook)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    with os.fdopen(descriptor, "wb") as file:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.fchmod(descriptor, PRIVATE_MODE)
        file.write(data)

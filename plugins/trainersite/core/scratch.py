"""Where short-lived scratch files go: in memory (/dev/shm) where the machine has it.

Files a build writes and deletes again within seconds (the search records Pagefind reads, the
preview's site) cost a disk real work: a new file is an inode to allocate and a deleted one is
freed again, and some file systems search past recently deleted inodes for every new one. In
memory that costs nothing. Where there is no writable /dev/shm (macOS, Windows), the system's
temporary folder is used.
"""

from __future__ import annotations

import os

MEMORY = "/dev/shm"


def memory_folder() -> str | None:
    """/dev/shm when it exists and is writable, else None (the system's temporary folder)."""
    return MEMORY if os.path.isdir(MEMORY) and os.access(MEMORY, os.W_OK) else None

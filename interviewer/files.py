"""Reading and writing the user's files, safely.

Reads: regular files only, checked before opening and opened non-blocking (a FIFO or a device
never hangs us), size-capped. Writes: a temp file in the same folder, fsync, then os.replace,
so a crash mid-write leaves the old file whole; and never onto an input of this run, the
database (or its -wal/-shm), a device, a FIFO or a folder. Every refusal is a UserError line.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from contextvars import ContextVar
from pathlib import Path

from interviewer.errors import UserError
from interviewer.sanitize import clean

# Files read in this run (a CLI command, or one web request): an output may never replace one.
# A context variable, not a module global, so two requests served at once never clear or see
# each other's inputs: each reset() gives the current task (or thread) its own fresh record.
_run: ContextVar[tuple[set[tuple[int, int]], set[str]] | None] = ContextVar("interviewer_inputs", default=None)


def _record() -> tuple[set[tuple[int, int]], set[str]]:
    rec = _run.get()
    if rec is None:
        rec = (set(), set())
        _run.set(rec)
    return rec


def reset() -> None:
    """Start a new run: forget the inputs recorded so far in this context only."""
    _run.set((set(), set()))


def remember_input(path: str | os.PathLike[str]) -> None:
    """Mark a path as an input of this run, so no output of this run may overwrite it."""
    try:
        st = os.stat(path)
        _record()[0].add((st.st_dev, st.st_ino))
    except OSError:
        pass
    _record()[1].add(os.path.realpath(path))


# --- reading --------------------------------------------------------------------------------


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: str | os.PathLike[str], limit: int, what: str = "file", is_input: bool = True) -> bytes:
    """At most `limit` bytes of a regular file; anything else is refused before it can block.

    Raises UserError naming the file: missing, a folder, a FIFO, a device, unreadable, too big."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise UserError(f"no such file: {p}") from None
    except PermissionError:
        raise UserError(f"cannot read {p}: permission denied") from None
    except OSError as e:  # symlink loop, name too long, ...
        raise UserError(f"cannot read {p}: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{p} is {_kind(st.st_mode)}, not a {what}")
    if st.st_size > limit:
        raise UserError(f"{p} is {st.st_size / (1024 * 1024):.1f} MB; the limit is {limit / (1024 * 1024):g} MB")
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise UserError(f"cannot read {p}: permission denied") from None
    except OSError as e:
        raise UserError(f"cannot read {p}: {e.strerror or e}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise UserError(f"{p} is not a regular {what}")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as e:
        raise UserError(f"cannot read {p}: {e.strerror or e}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UserError(f"{p} is over {limit / (1024 * 1024):g} MB, the limit")
    if is_input:  # the user's file: no output of this run may replace it
        remember_input(p)
    return data


def parse_json(text: str) -> object:
    """json.loads, with absurd nesting reported as a ValueError (never a RecursionError)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


# --- writing --------------------------------------------------------------------------------


def _same(a: os.stat_result, key: tuple[int, int]) -> bool:
    return (a.st_dev, a.st_ino) == key


def _protected() -> list[str]:
    """Real paths no output may take: the database and its side files."""
    from interviewer.store import database_path  # late: store imports this module's users

    try:
        db = os.path.realpath(database_path())
    except Exception:  # noqa: BLE001 - a bad INTERVIEWER_HOME is reported by the store
        return []
    return [db + suffix for suffix in ("", "-wal", "-shm", "-journal")]


def check_output(path: str | os.PathLike[str]) -> Path:
    """The real path an output may be written to, or a UserError saying why not.

    Symlinks are followed (the link stays, its target is replaced); the target must be a
    regular file or not exist yet, and must not be an input of this run or the database."""
    raw = Path(path)
    if str(path) in ("", "-"):
        raise UserError("give a file name to write to (leave out -o to print to the terminal)")
    try:
        st = os.stat(raw)  # follows symlinks: what would really be written
    except FileNotFoundError:
        st = None
    except OSError as e:  # a symlink loop, a file used as a folder, ...
        raise UserError(f"cannot write {raw}: {e.strerror or e}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        hint = " (leave out -o to print to the terminal)" if not stat.S_ISDIR(st.st_mode) else ""
        raise UserError(f"refusing to write to {raw}: it is {_kind(st.st_mode)}{hint}")
    real = Path(os.path.realpath(raw))
    if str(real) in _protected() or (st is not None and any(
            _same(st, (d.st_dev, d.st_ino)) for d in _stats(_protected()))):
        raise UserError(f"refusing to write to {raw}: it is the interviewer database")
    inputs, input_paths = _record()
    if str(real) in input_paths or (st is not None and any(_same(st, key) for key in inputs)):
        raise UserError(f"refusing to write to {raw}: it is an input of this command; choose another file name")
    if real.parent.exists() and not real.parent.is_dir():
        raise UserError(f"cannot write {raw}: {real.parent} is not a directory")
    return real


def _stats(paths: list[str]) -> list[os.stat_result]:
    out = []
    for p in paths:
        try:
            out.append(os.stat(p))
        except OSError:
            pass
    return out


def _default_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write text (secrets scrubbed, always encodable) through a temp file and an atomic rename."""
    target = check_output(path)
    text = clean(text)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = _default_mode(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise UserError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise UserError(f"cannot write {path}: {e.strerror or e}") from None
        raise
    return target


def write_json_atomic(path: str | os.PathLike[str], data: dict) -> Path:
    return write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")

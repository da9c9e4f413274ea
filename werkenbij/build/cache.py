"""The build cache: what an earlier build already worked out, kept in `.cache/build.sqlite3`.

Three tables, each keyed by a hash of everything its answer depends on:

- `markdown`: the HTML of one Markdown text, keyed by the text and the renderer's settings;
- `checks`: the check report of one built page, keyed by the page's bytes (and its source file);
- `units`: what one vacancy file became (its parsed data, warnings, the output files it wrote
  with their hashes, their check reports), keyed by the file, the templates, the site
  configuration, the build date, the code and the versions of the libraries.

A unit is only reused when the files it names in the previous `output/` still have the bytes
it wrote, so the site itself is the store of rendered pages. Nothing is ever read from the
cache that its key does not pin down, so deleting `.cache/` is always safe: the next build
is a cold one, with the same output.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

TABLES = ("markdown", "checks", "units")
_LIBRARIES = ("jinja2", "markdown", "nh3", "babel", "icalendar", "lxml", "pyyaml",
              "python-slugify", "text-unidecode", "markupsafe", "python-dateutil", "tzdata")
_PACKAGE = Path(__file__).resolve().parent.parent
KEEP_UNUSED_BUILDS = 20  # entries no build has used in this many builds are removed


def digest(*parts: bytes | str) -> str:
    """A hash of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.cache  # the code that runs is the code this process loaded, even if files change later
def code_version() -> str:
    """This program's own source and the versions of what it renders with."""
    parts: list[bytes | str] = []
    for path in sorted(_PACKAGE.rglob("*.py")):
        parts += [path.relative_to(_PACKAGE).as_posix(), path.read_bytes()]
    parts += [f"{name}={_version(name)}" for name in _LIBRARIES]
    parts.append(f"python={sys.version}")  # unicodedata, json and html come with Python
    return digest(*parts)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def compiled_templates(cache_folder: Path) -> Path:
    """Where Jinja keeps compiled templates: one folder per code version (Jinja's own key is
    only the template's source, not the environment's settings), older ones removed."""
    folder = cache_folder / "templates" / code_version()
    if not folder.is_dir():
        shutil.rmtree(folder.parent, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
    return folder


class BuildCache:
    """The cache database. Reads may come from worker processes (each opens its own
    connection); writes are collected and made by the main process in one transaction."""

    def __init__(self, file: Path | None):
        self.file = file
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._build: int | None = None  # this build's number, kept with what it wrote or used
        self.pending: dict[str, dict[str, bytes]] = {table: {} for table in TABLES}

    @property
    def enabled(self) -> bool:
        return self.file is not None

    def get(self, table: str, key: str) -> bytes | None:
        if table in self.pending and key in self.pending[table]:
            return self.pending[table][key]
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else row[0]

    def get_object(self, table: str, key: str) -> object | None:
        data = self.get(table, key)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # a damaged entry is a miss, never a wrong answer  # noqa: BLE001
            return None

    def put(self, table: str, key: str, value: bytes) -> None:
        if self.file is not None:
            self.pending[table][key] = value

    def put_object(self, table: str, key: str, value: object) -> None:
        if self.file is not None:
            self.put(table, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def take_pending(self) -> dict[str, dict[str, bytes]]:
        """What this process added (a worker hands it to the main process)."""
        pending, self.pending = self.pending, {table: {} for table in TABLES}
        return pending

    def used(self, table: str, key: str) -> None:
        """Mark an entry as used by this build, so that it is kept."""
        if self.file is not None:
            self.pending.setdefault(f"used:{table}", {})[key] = b""

    def flush(self) -> None:
        """Write what was added so far, so that a large build does not hold it all in memory."""
        self._transaction(final=False)

    def save(self) -> None:
        """Write what was added, and forget what no recent build used."""
        self._transaction(final=True)

    def _transaction(self, final: bool) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                self._write(connection, final)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass  # a cache that cannot be written only makes the next build slower
        self.pending = {table: {} for table in TABLES}

    def _write(self, connection: sqlite3.Connection, final: bool) -> None:
        if self._build is None:
            row = connection.execute("SELECT value FROM meta WHERE key = 'builds'").fetchone()
            self._build = int(row[0]) + 1 if row else 1
        build = self._build
        for table in TABLES:
            connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)",
                                   ((key, value, build) for key, value in self.pending[table].items()))
            connection.executemany(f"UPDATE {table} SET build = ? WHERE key = ?",
                                   ((build, key) for key in self.pending.get(f"used:{table}", {})))
            if final:
                connection.execute(f"DELETE FROM {table} WHERE build < ?", (build - KEEP_UNUSED_BUILDS,))
        if final:
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('builds', ?)", (str(build),))

    def merge(self, pending: dict[str, dict[str, bytes]]) -> None:
        """Take over what a worker process added or used."""
        for table, entries in pending.items():
            self.pending.setdefault(table, {}).update(entries)

    def _connect(self) -> sqlite3.Connection | None:
        if self.file is None:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        self._pid = os.getpid()  # a connection is never shared with a forked worker
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self._connection = _open(self.file)
        except sqlite3.OperationalError:  # locked by another build, or unreadable: none this time
            self.file, self._connection = None, None
        except (OSError, sqlite3.DatabaseError):  # not a database (any more): start a new one
            try:
                for leftover in (self.file, *(self.file.with_name(self.file.name + end)
                                              for end in ("-wal", "-shm", "-journal"))):
                    leftover.unlink(missing_ok=True)
                self._connection = _open(self.file)
            except (OSError, sqlite3.Error):
                self.file, self._connection = None, None
        return self._connection

    def close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None


def _open(file: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(file, timeout=30, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    # No wait for the disk on each commit: WAL keeps the file consistent after a crash, and
    # a cache that lost its last build only makes the next build slower.
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    for table in TABLES:
        connection.execute(f"CREATE TABLE IF NOT EXISTS {table} "
                           "(key TEXT PRIMARY KEY, value BLOB NOT NULL, build INTEGER NOT NULL)")
    connection.execute("SELECT count(*) FROM units").fetchone()  # fails early on a damaged file
    return connection

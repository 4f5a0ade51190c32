"""Strategy files uploaded in the strategy editor: checked, read, then kept until confirmed.

The file is read as soon as it arrives, by `joinedup.ingest.load_strategy` (the
reader of `joinedup import-strategy`), so a mistake is shown on the form with the
file, line and what was expected. What was read waits in the uploader's
(server-side) session as the YAML `dump_strategy` writes, under a random token,
for one hour; the browser only ever sends the token back, never the content.
"""

from __future__ import annotations

import re
import secrets
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from joinedup.ingest import IngestError, StrategyRecord, dump_strategy, load_strategy
from joinedup.ingest.sources import decode_text
from joinedup.ingest.strategy import parse_strategy

MAX_BYTES = 1024 * 1024
SUFFIXES = (".yaml", ".yml", ".txt", ".md", ".csv")
MAX_AGE_SECONDS = 3600
MAX_KEPT = 3
SESSION_KEY = "strategy_files"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
MAX_NAME = 200
MAX_NUMBER = 2_147_483_647
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
KINDS_OF_FILE = "a YAML, plain text, Markdown or CSV file (.yaml, .yml, .txt, .md, .csv)"


class FileRefused(Exception):
    """The file cannot be loaded; the message says why and what is expected."""


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def check(uploaded) -> bytes:
    """The file's bytes, or FileRefused when its type, size or content cannot be a strategy."""
    if _suffix(uploaded.name or "") not in SUFFIXES:
        raise FileRefused(f"The selected file must be {KINDS_OF_FILE}")
    if uploaded.size > MAX_BYTES:
        raise FileRefused("The selected file must be smaller than 1 MB")
    if uploaded.size == 0:
        raise FileRefused("The selected file is empty")
    data = b"".join(uploaded.chunks())
    if _binary(data):
        raise FileRefused(f"The selected file is not a text file: save the strategy as {KINDS_OF_FILE}")
    return data


def _binary(data: bytes) -> bool:
    """Bytes a text file does not hold (a spreadsheet, Word document or image renamed)."""
    if data.startswith(UTF16_BOMS):
        return False
    return b"\x00" in data or bool(CONTROL.search(decode_text(data)))


def _file_name(name: str) -> str:
    """The uploaded name without any folder, safe to create in a folder of our own."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].replace("\x00", "").strip()
    stem = Path(base).stem.strip(". ")[:60]
    return f"{stem or 'strategy'}{_suffix(base)}"


def read(uploaded) -> tuple[str, StrategyRecord]:
    """(the file's name, the strategy it holds); FileRefused with the reader's message if invalid."""
    data = check(uploaded)
    name = _file_name(uploaded.name)
    with tempfile.TemporaryDirectory(prefix="joinedup-strategy-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            record = load_strategy(path)
        except IngestError as error:
            raise FileRefused(str(error.problem)) from None
    _check_storable(name, record)
    return name, record


def _check_storable(file_name: str, record: StrategyRecord) -> None:
    """Refuse what the database cannot hold, or would hold ambiguously (one theme given twice)."""
    texts = [("the strategy's name", record.name)]
    texts += [(f"the name of priority {p.number}", p.name) for p in record.priorities]
    texts += [(f"the name of the theme ‘{t.name[:40]}…’", t.name) for t in record.themes]
    texts += [(f"the name of the category ‘{c[:40]}…’", c) for c in record.categories]
    for what, text in texts:
        if len(text) > MAX_NAME:
            raise FileRefused(f"{file_name}: {what} is {len(text)} characters long; "
                              f"expected at most {MAX_NAME}")
    for p in record.priorities:
        if p.number > MAX_NUMBER:
            raise FileRefused(f"{file_name}: priority number {p.number} is too large; "
                              "expected a number such as 1, 2 or 3")
    for noun, names in (("theme", [t.name for t in record.themes]), ("category", record.categories)):
        twice = [name for name, count in Counter(names).items() if count > 1]
        if twice:
            raise FileRefused(f"{file_name}: the {noun} ‘{twice[0]}’ is given more than once; "
                              f"expected each {noun} once")


@dataclass(frozen=True)
class Pending:
    """A strategy read from a file and not stored yet."""

    token: str
    file_name: str
    record: StrategyRecord


def keep(session, partnership_id: int, file_name: str, record: StrategyRecord) -> str:
    """Remember what was read under a new random token in `session`; return the token."""
    kept = _live(session.get(SESSION_KEY, {}))
    token = secrets.token_urlsafe(24)
    kept[token] = {"name": file_name, "partnership": partnership_id, "at": time.time(),
                   "yaml": dump_strategy(record)}
    newest = sorted(kept.items(), key=lambda item: item[1]["at"])[-MAX_KEPT:]
    session[SESSION_KEY] = dict(newest)
    return token


def _live(kept: dict) -> dict:
    limit = time.time() - MAX_AGE_SECONDS
    return {token: entry for token, entry in kept.items() if entry.get("at", 0) >= limit}


def find(session, token: str, partnership_id: int) -> Pending | None:
    """What this session read under `token` for this partnership, unless it has expired."""
    entry = _live(session.get(SESSION_KEY, {})).get(token) if TOKEN.match(token) else None
    if entry is None or entry["partnership"] != partnership_id:
        return None
    return Pending(token, entry["name"], parse_strategy(yaml.safe_load(entry["yaml"])))


def discard(session, token: str) -> None:
    kept = session.get(SESSION_KEY, {})
    kept.pop(token, None)
    session[SESSION_KEY] = kept

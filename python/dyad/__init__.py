"""dyad: news in, political events out (CAMEO and PLOVER, with provenance).

The same Rust pipeline as the ``dyad`` command line, so the same input gives the
same records::

    import dyad
    events = dyad.code(html, published="2025-03-14", url="https://example.org/a")
    df = dyad.code_batch(texts, published="2025-03-14", to="pandas")
    run = dyad.code_warc("CC-NEWS-20250314.warc.gz")   # run.table, run.errors

Records are the command line's JSONL records as dicts. Tables are pyarrow Tables
(or pandas DataFrames with ``to="pandas"``) whose columns are those of
``dyad code --format csv``, typed, plus ``source``/``url`` of the document and a
few more fields of the event record; ``gdelt=True`` gives GDELT 2.0's 61 columns
instead. The GIL is released while Rust works.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence, Union

import pyarrow as pa

from . import _dyad
from ._dyad import DyadError

__all__ = [
    "DyadError",
    "CodeRun",
    "code",
    "extract",
    "annotate",
    "code_batch",
    "code_files",
    "code_warc",
    "columns",
]
__version__ = _dyad.__version__

log = logging.getLogger("dyad")

Text = Union[str, bytes]
PathLike = Union[str, "os.PathLike[str]"]


def _bytes(text: Text) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected str or bytes, got {type(text).__name__}")


def _one(stage: str, text: Text, published: Optional[str], url: Optional[str], source: Optional[str]) -> list:
    import json

    item = (_bytes(text), source or url or "<text>", url, published)
    [(ok, records, error)] = _dyad.process(stage, [item], 1)
    if not ok:
        raise DyadError(error)
    return [json.loads(r) for r in records]


def code(
    text_or_html: Text, published: Optional[str] = None, url: Optional[str] = None, *, source: Optional[str] = None
) -> list[dict]:
    """Events of one page or text: the records ``dyad code`` writes, as dicts.

    ``published`` (YYYY-MM-DD) dates a text that carries no date, like
    ``--published``; ``url`` and ``source`` name the document (its ``doc_id`` is a
    hash of the URL, else the source, and the content).
    """
    return _one("code", text_or_html, published, url, source)


def extract(
    text_or_html: Text, published: Optional[str] = None, url: Optional[str] = None, *, source: Optional[str] = None
) -> dict:
    """The article of one page: the record ``dyad extract`` writes, as a dict."""
    return _one("extract", text_or_html, published, url, source)[0]


def annotate(
    text_or_html: Text, published: Optional[str] = None, url: Optional[str] = None, *, source: Optional[str] = None
) -> dict:
    """Sentences, entities, time expressions and quotes: the ``dyad annotate`` record."""
    return _one("annotate", text_or_html, published, url, source)[0]


def columns(gdelt: bool = False) -> list[str]:
    """Column names of the events tables (GDELT 2.0's names with ``gdelt=True``)."""
    return list(_dyad.columns(gdelt))


@dataclass
class CodeRun:
    """What coding a set of inputs gave: the events table, the records met (documents
    read plus inputs that could not be read, such as a bad WARC record), the
    documents read, how many records or documents failed, and each failure's message
    (as ``dyad`` prints it, e.g. ``crawl.warc.gz at byte 123456: corrupt gzip member
    ..., skipped``)."""

    table: Any
    records: int
    documents: int
    failed: int
    errors: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return self.table.num_rows if isinstance(self.table, pa.Table) else len(self.table)


def _table(ipc: bytes) -> pa.Table:
    with pa.ipc.open_stream(pa.py_buffer(ipc)) as reader:
        return reader.read_all()


def _convert(table: pa.Table, to: str):
    if to == "arrow":
        return table
    if to == "pandas":
        return table.to_pandas()
    raise ValueError(f"to={to!r}: 'arrow' or 'pandas'")


def _rows(texts: Any, published: Optional[str], urls: Optional[Sequence[Optional[str]]]) -> list[tuple]:
    """(bytes, source, url, published) for each document of a list, an Arrow table
    or record batch, or a pandas DataFrame (columns ``text`` or ``html``, optional
    ``url``, ``published``, ``source``)."""
    if hasattr(texts, "to_pylist") or hasattr(texts, "to_dict"):
        if hasattr(texts, "to_pylist"):
            records = texts.to_pylist()
        else:
            records = texts.to_dict("records")
        rows = []
        for i, r in enumerate(records):
            body = r.get("text")
            if body is None:
                body = r.get("html")
            if body is None:
                raise DyadError(f"row {i}: no text or html")
            url = r.get("url")
            pub = r.get("published") or published
            if pub is not None and not isinstance(pub, str):
                pub = pub.isoformat()[:10]
            rows.append((_bytes(body), r.get("source") or url or f"<row {i}>", url, pub))
        return rows
    texts = list(texts)
    if urls is not None and len(urls) != len(texts):
        raise ValueError(f"{len(urls)} urls for {len(texts)} texts")
    return [
        (_bytes(t), (urls[i] if urls else None) or f"<row {i}>", urls[i] if urls else None, published)
        for i, t in enumerate(texts)
    ]


def _finish(result: tuple, to: str, errors: str) -> tuple[Any, CodeRun]:
    ipc, records, documents, failed, messages = result
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors={errors!r}: 'raise' or 'warn'")
    if messages and errors == "raise":
        raise DyadError(messages[0] if len(messages) == 1 else f"{messages[0]} (and {len(messages) - 1} more)")
    for m in messages:
        log.warning("dyad: %s", m)
    table = _convert(_table(ipc), to)
    return table, CodeRun(table, records, documents, failed, list(messages))


def code_batch(
    texts: Any,
    published: Optional[str] = None,
    urls: Optional[Sequence[Optional[str]]] = None,
    *,
    gdelt: bool = False,
    to: str = "arrow",
    threads: int = 0,
    errors: str = "raise",
):
    """Events of many documents as one table, coded on ``threads`` cores (0: all).

    ``texts`` is a list of strings/bytes, or a pyarrow Table / RecordBatch or pandas
    DataFrame with a ``text`` (or ``html``) column and optional ``url``,
    ``published`` and ``source`` columns. A document that fails raises
    :class:`DyadError` (``errors="raise"``) or is logged and skipped
    (``errors="warn"``).
    """
    result = _dyad.code_table(_rows(texts, published, urls), gdelt, threads)
    return _finish(result, to, errors)[0]


def code_files(
    paths: Union[PathLike, Iterable[PathLike]],
    published: Optional[str] = None,
    *,
    gdelt: bool = False,
    to: str = "arrow",
    threads: int = 0,
    errors: str = "warn",
    max_bytes: Optional[int] = None,
) -> CodeRun:
    """Code files and folders exactly as ``dyad code PATHS`` reads them (HTML, text,
    gzip, JSONL, RSS/Atom, WARC). Bad inputs are counted and their messages kept in
    the result (``errors="warn"`` also logs them; ``"raise"`` raises)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    result = _dyad.code_inputs(paths=paths, published=published, gdelt=gdelt, threads=threads, max_bytes=max_bytes)
    return _finish(result, to, errors)[1]


def code_warc(
    warc: Union[PathLike, bytes],
    *,
    source: Optional[str] = None,
    published: Optional[str] = None,
    gdelt: bool = False,
    to: str = "arrow",
    threads: int = 0,
    errors: str = "warn",
    max_bytes: Optional[int] = None,
) -> CodeRun:
    """Code every HTML or text response of a WARC (plain or per-record gzip), given
    as a path or as its bytes. Documents are named ``SOURCE@OFFSET``; a bad record
    is counted, its message (naming its byte offset) kept in ``errors``, and the
    rest of the file is still read."""
    if isinstance(warc, (bytes, bytearray, memoryview)):
        name = source or "<bytes>.warc"
        # the name tells the reader it is a WARC; gzip is seen from the bytes
        base = name.rsplit("/", 1)[-1].lower()
        if not (base.endswith(".warc") or base.endswith(".warc.gz")):
            base = "input.warc"
        result = _dyad.code_inputs(
            data=bytes(warc),
            source=name,
            name=base,
            published=published,
            gdelt=gdelt,
            threads=threads,
            max_bytes=max_bytes,
        )
    else:
        result = _dyad.code_inputs(
            paths=[os.fspath(warc)], published=published, gdelt=gdelt, threads=threads, max_bytes=max_bytes
        )
    return _finish(result, to, errors)[1]

"""A small WARC writer for the tests and the benchmark: the project's own example
pages as HTTP responses, one gzip member per record (as Common Crawl writes them)."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


def fixture_pages() -> list[tuple[str, bytes, str]]:
    """(url, body, content type) of every HTML and text page in examples/ and the
    test fixtures, in path order."""
    pages = []
    for folder in (ROOT / "examples", ROOT / "tests" / "browser" / "fixtures"):
        for p in sorted(folder.iterdir()):
            if p.suffix in CONTENT_TYPES:
                pages.append((f"https://fixtures.dyad.example/{folder.name}/{p.name}", p.read_bytes(), CONTENT_TYPES[p.suffix]))
    return pages


def record(kind: str, uri: str, block: bytes, content_type: str) -> bytes:
    rid = hashlib.sha1(uri.encode() + block).hexdigest()
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:sha1:{rid}>\r\n"
        "WARC-Date: 2025-11-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    return record("response", uri, http, "application/http; msgtype=response")


def warc_bytes(pages, corrupt_after: int | None = None) -> tuple[bytes, list[int]]:
    """A per-record-gzip WARC of `pages` (a warcinfo record first and a request
    before each response, which dyad skips); with `corrupt_after`, a corrupt gzip
    member follows that many responses. Returns the bytes and the offsets of the
    corrupt members."""
    members = [gzip.compress(record("warcinfo", "", b"software: dyad tests\r\n", "application/warc-fields"), mtime=0)]
    bad = []
    for i, (uri, body, ctype) in enumerate(pages):
        if corrupt_after is not None and i == corrupt_after:
            member = bytearray(gzip.compress(response(uri + "#broken", body, ctype), mtime=0))
            member[len(member) // 2] ^= 0xFF
            member[-5] ^= 0xFF
            bad.append(sum(len(m) for m in members))
            members.append(bytes(member))
        request = f"GET {uri} HTTP/1.1\r\nHost: fixtures.dyad.example\r\n\r\n".encode()
        members.append(gzip.compress(record("request", uri, request, "application/http; msgtype=request"), mtime=0))
        members.append(gzip.compress(response(uri, body, ctype), mtime=0))
    return b"".join(members), bad


def write_warc(path: Path, pages, corrupt_after: int | None = None) -> list[int]:
    data, bad = warc_bytes(pages, corrupt_after)
    path.write_bytes(data)
    return bad

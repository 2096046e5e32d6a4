//! WARC files (Common Crawl News and any crawler's archives): one document per HTML
//! or text response, read record by record so a file of any size streams in bounded
//! memory. Per-record gzip (`.warc.gz`) is read member by member, so a corrupt
//! member is reported with its byte offset and reading resumes at the next one; in a
//! plain WARC, garbage is skipped up to the next `WARC/` line.
//!
//! A document's source is `PATH@OFFSET`: the byte offset of its record (of its gzip
//! member in a compressed file), the key Common Crawl's own index uses.

use crate::{human_limit, human_size, InputError, Item};
use dyad_core::{Document, MediaType};
use flate2::bufread::GzDecoder;
use std::borrow::Cow;
use std::io::{self, BufRead, Read};

/// Longest header line accepted, in bytes.
const MAX_LINE: usize = 16 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 512;

/// A `BufRead` that knows how many bytes have been consumed from it.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt)
    }
}

/// A `BufRead` that can record what is consumed from it and later hand those bytes
/// out again: after a corrupt gzip member the decoder has read past the start of the
/// next member, and the search for it must start again just after the bad one.
struct Rewind<R> {
    inner: R,
    replay: Vec<u8>,
    replay_pos: usize,
    /// Whether what is consumed is being kept in `recorded`.
    recording: bool,
    /// What was consumed since the last `start_recording`: one buffer kept from
    /// member to member (a new one for each had to grow from empty, copied as it
    /// doubled, for every compressed member read).
    recorded: Vec<u8>,
}

impl<R: BufRead> Rewind<R> {
    fn start_recording(&mut self) {
        self.recorded.clear();
        self.recording = true;
    }

    /// Stop recording; what was recorded stays readable in `recorded` until the
    /// next `start_recording`.
    fn stop_recording(&mut self) {
        self.recording = false;
    }

    /// Hand `bytes` out again before anything not yet read.
    fn unread(&mut self, bytes: &[u8]) {
        let mut replay = bytes.to_vec();
        replay.extend_from_slice(&self.replay[self.replay_pos..]);
        self.replay = replay;
        self.replay_pos = 0;
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.replay_pos < self.replay.len() {
            return Ok(&self.replay[self.replay_pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if self.replay_pos < self.replay.len() {
            let end = (self.replay_pos + amt).min(self.replay.len());
            if self.recording {
                self.recorded.extend_from_slice(&self.replay[self.replay_pos..end]);
            }
            self.replay_pos = end;
            if self.replay_pos == self.replay.len() {
                self.replay = Vec::new();
                self.replay_pos = 0;
            }
            return;
        }
        if self.recording {
            // the bytes being consumed are still in the inner buffer: no I/O here
            if let Ok(buf) = self.inner.fill_buf() {
                self.recorded.extend_from_slice(&buf[..amt.min(buf.len())]);
            }
        }
        self.inner.consume(amt)
    }
}

/// One WARC record: its offset, named headers and content block (borrowed from a
/// decompressed gzip member, owned when read from a plain WARC).
struct Record<'a> {
    offset: u64,
    headers: Vec<(String, String)>,
    block: Cow<'a, [u8]>,
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// A record's version line and headers, read: where it starts, its headers and the
/// length of the content block that follows.
struct Head {
    offset: u64,
    headers: Vec<(String, String)>,
    len: u64,
}

enum Next<'a> {
    Record(Record<'a>),
    Error(u64, String),
    End,
}

/// Read one line (up to `MAX_LINE`), without its line ending. None at end of input.
fn read_line<R: BufRead>(r: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let n = r.take(MAX_LINE as u64).read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

/// Skip to the next line that starts a record.
fn resync<R: BufRead>(r: &mut Counting<R>) {
    loop {
        match r.fill_buf() {
            Ok(b) if b.starts_with(b"WARC/") => return,
            Ok([]) | Err(_) => return,
            Ok(_) => {
                let mut skipped = Vec::new();
                if r.take(MAX_LINE as u64).read_until(b'\n', &mut skipped).is_err() {
                    return;
                }
            }
        }
    }
}

/// Read a record up to its content block; `Err` for the end of input or a record
/// skipped with an error.
fn read_head<R: BufRead>(r: &mut Counting<R>, max_bytes: usize) -> Result<Head, Next<'static>> {
    // records are separated by blank lines
    loop {
        match r.fill_buf() {
            Ok([]) => return Err(Next::End),
            Ok(b) if b[0] == b'\r' || b[0] == b'\n' => r.consume(1),
            Ok(_) => break,
            Err(e) => return Err(Next::Error(r.pos, e.to_string())),
        }
    }
    let offset = r.pos;
    let version = match read_line(r) {
        Ok(Some(l)) => l,
        Ok(None) => return Err(Next::End),
        Err(e) => return Err(Next::Error(offset, e.to_string())),
    };
    if !version.starts_with(b"WARC/") {
        resync(r);
        return Err(Next::Error(offset, "garbage where a WARC record should start, skipped to the next record".into()));
    }
    let mut headers = Vec::new();
    loop {
        let line = match read_line(r) {
            Ok(Some(l)) => l,
            Ok(None) => return Err(Next::Error(offset, "truncated record: the file ends inside its headers".into())),
            Err(e) => return Err(Next::Error(offset, e.to_string())),
        };
        if line.is_empty() {
            break;
        }
        if headers.len() >= MAX_HEADERS {
            resync(r);
            return Err(Next::Error(offset, format!("more than {MAX_HEADERS} header lines, skipped")));
        }
        let line = String::from_utf8_lossy(&line);
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let len =
        headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("Content-Length")).and_then(|(_, v)| v.parse::<u64>().ok());
    let Some(len) = len else {
        resync(r);
        return Err(Next::Error(offset, "missing or unreadable Content-Length, skipped".into()));
    };
    if len > max_bytes as u64 + MAX_LINE as u64 * 4 {
        let skipped = io::copy(&mut r.take(len), &mut io::sink()).unwrap_or(0);
        let why = format!("record of {} exceeds the {} limit, skipped", human_size(len), human_limit(max_bytes));
        return Err(if skipped < len {
            Next::Error(offset, format!("{why}; the file ends inside it"))
        } else {
            Next::Error(offset, why)
        });
    }
    Ok(Head { offset, headers, len })
}

fn read_record<R: BufRead>(r: &mut Counting<R>, max_bytes: usize) -> Next<'static> {
    let Head { offset, headers, len } = match read_head(r, max_bytes) {
        Ok(h) => h,
        Err(next) => return next,
    };
    let mut block = Vec::with_capacity(len as usize);
    if let Err(e) = r.take(len).read_to_end(&mut block) {
        return Next::Error(offset, e.to_string());
    }
    if (block.len() as u64) < len {
        return Next::Error(
            offset,
            format!("truncated record: Content-Length {len} but only {} bytes left", block.len()),
        );
    }
    Next::Record(Record { offset, headers, block: Cow::Owned(block) })
}

/// [`read_record`] over a decompressed gzip member: the content block is borrowed
/// from the member, not copied out of it.
fn read_record_in<'a>(r: &mut Counting<io::Cursor<&'a [u8]>>, max_bytes: usize) -> Next<'a> {
    let Head { offset, headers, len } = match read_head(r, max_bytes) {
        Ok(h) => h,
        Err(next) => return next,
    };
    let member: &'a [u8] = r.inner.get_ref();
    let start = (r.inner.position() as usize).min(member.len());
    let left = member.len() - start;
    if (left as u64) < len {
        r.consume(left);
        return Next::Error(offset, format!("truncated record: Content-Length {len} but only {left} bytes left"));
    }
    r.consume(len as usize);
    Next::Record(Record { offset, headers, block: Cow::Borrowed(&member[start..start + len as usize]) })
}

/// Read `r` to its end into `storage`, returning how many bytes were read: as
/// `read_to_end`, but into storage kept from call to call, which is zeroed only when
/// it grows (`read_to_end` zeroes the spare room it reads into on every call, and
/// a vector grown from empty for each gzip member was reallocated and copied as it
/// doubled). Bytes past the returned length are stale.
fn read_member(mut r: impl Read, storage: &mut Vec<u8>) -> io::Result<usize> {
    let mut filled = 0;
    loop {
        if filled == storage.len() {
            let grow = storage.len().clamp(64 * 1024, 8 << 20);
            storage.resize(storage.len() + grow, 0);
        }
        match r.read(&mut storage[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The documents of a WARC file (plain or gzip-compressed).
pub(crate) struct WarcDocs<R> {
    source: String,
    input: Counting<Rewind<R>>,
    gzip: bool,
    max_bytes: usize,
    /// Items of the current gzip member not yet handed out.
    pending: std::vec::IntoIter<Item>,
    done: bool,
    /// Storage for a decompressed member, kept from member to member (see [`read_member`]).
    member: Vec<u8>,
}

impl<R: BufRead> WarcDocs<R> {
    pub(crate) fn new(source: String, input: R, gzip: bool, max_bytes: usize) -> Self {
        WarcDocs {
            source,
            input: Counting {
                inner: Rewind {
                    inner: input,
                    replay: Vec::new(),
                    replay_pos: 0,
                    recording: false,
                    recorded: Vec::new(),
                },
                pos: 0,
            },
            gzip,
            max_bytes,
            pending: Vec::new().into_iter(),
            done: false,
            member: Vec::new(),
        }
    }

    fn error(&self, offset: u64, message: impl Into<String>) -> Item {
        Err(InputError { source: self.source.clone(), offset: Some(offset), message: message.into() })
    }

    /// Decompress the next gzip member and turn its records into items.
    fn next_member(&mut self) -> Vec<Item> {
        let start = self.input.pos;
        match self.input.fill_buf() {
            Ok([]) => {
                self.done = true;
                return Vec::new();
            }
            Err(e) => {
                self.done = true;
                return vec![self.error(start, e.to_string())];
            }
            Ok(_) => {}
        }
        let limit = self.max_bytes as u64 + 64 * 1024;
        let mut storage = std::mem::take(&mut self.member);
        self.input.inner.start_recording();
        let result = read_member(GzDecoder::new(&mut self.input).take(limit + 1), &mut storage);
        self.input.inner.stop_recording();
        let member = &storage[..*result.as_ref().unwrap_or(&0)];
        let mut out = Vec::new();
        match result {
            Ok(_) if member.len() as u64 > limit => {
                out.push(
                    self.error(start, format!("record larger than the {} limit, skipped", human_limit(self.max_bytes))),
                );
                self.skip_to_next_member(start);
            }
            Ok(_) => {
                let mut r = Counting { inner: io::Cursor::new(member), pos: 0 };
                loop {
                    match read_record_in(&mut r, self.max_bytes) {
                        Next::End => break,
                        Next::Error(_, msg) => out.push(self.error(start, msg)),
                        Next::Record(mut rec) => {
                            rec.offset = start;
                            out.extend(to_document(&self.source, rec, self.max_bytes));
                        }
                    }
                }
            }
            Err(e) => {
                out.push(self.error(start, format!("corrupt gzip member ({e}), skipped")));
                // the decoder may have read into the next member: search again from here
                if self.input.inner.recorded.len() > 1 {
                    let compressed = std::mem::take(&mut self.input.inner.recorded);
                    self.input.inner.unread(&compressed[1..]);
                    self.input.pos = start + 1;
                }
                self.skip_to_next_member(start);
            }
        }
        self.member = storage;
        out
    }

    /// After a bad member, move to the next gzip header (1f 8b 08) past `start`.
    fn skip_to_next_member(&mut self, start: u64) {
        if self.input.pos == start {
            self.input.consume(1);
        }
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(b) => b,
            };
            match buf.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                Some(i) => {
                    self.input.consume(i);
                    return;
                }
                // keep the last two bytes: a header may straddle the buffer's end
                None if buf.len() > 2 => {
                    let n = buf.len() - 2;
                    self.input.consume(n);
                }
                None => {
                    let n = buf.len();
                    self.input.consume(n);
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcDocs<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.next() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            if self.gzip {
                self.pending = self.next_member().into_iter();
                continue;
            }
            match read_record(&mut self.input, self.max_bytes) {
                Next::End => self.done = true,
                Next::Error(offset, msg) => return Some(self.error(offset, msg)),
                Next::Record(rec) => {
                    if let Some(item) = to_document(&self.source, rec, self.max_bytes) {
                        return Some(item);
                    }
                }
            }
        }
    }
}

/// A response or resource record with an HTML or text payload becomes a document;
/// requests, metadata, redirects and images are skipped without an error.
fn to_document(source: &str, rec: Record, max_bytes: usize) -> Option<Item> {
    let kind = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let url = rec.header("WARC-Target-URI").map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
    let doc_source = format!("{source}@{}", rec.offset);
    let fail =
        |msg: String| Some(Err(InputError { source: source.to_string(), offset: Some(rec.offset), message: msg }));
    let (content_type, body) = match kind.as_str() {
        "response" => {
            let http = match parse_http(&rec.block, max_bytes) {
                Ok(h) => h,
                Err(msg) => return fail(msg),
            };
            if !(200..300).contains(&http.status) {
                return None;
            }
            (http.content_type, http.body)
        }
        "resource" => (rec.header("Content-Type").map(str::to_string), rec.block.into_owned()),
        _ => return None,
    };
    let ct = content_type.unwrap_or_default().to_ascii_lowercase();
    let media_type = if ct.contains("html") || ct.is_empty() {
        MediaType::Html
    } else if ct.starts_with("text/plain") {
        MediaType::Text
    } else {
        return None;
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let mut doc = Document::new(doc_source, media_type, body);
    doc.url = url;
    doc.charset =
        ct.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(|c| c.trim_matches('"').to_string());
    Some(Ok(doc))
}

struct Http {
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

/// An HTTP response as archived: status, headers, then the body, de-chunked and
/// decompressed as the headers say.
fn parse_http(block: &[u8], max_bytes: usize) -> Result<Http, String> {
    let split = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = split else {
        return Err("HTTP response without a blank line after its headers".into());
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status =
        status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| {
            format!("unreadable HTTP status line {:?}", status_line.chars().take(60).collect::<String>())
        })?;
    let mut content_type = None;
    let (mut chunked, mut gzip) = (false, false);
    for line in lines {
        let Some((k, v)) = line.split_once(':') else { continue };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
        match k.as_str() {
            "content-type" => content_type = Some(v),
            "transfer-encoding" => chunked |= v.contains("chunked"),
            "content-encoding" => gzip |= v.contains("gzip") || v.contains("deflate"),
            _ => {}
        }
    }
    let mut body = block[body_start..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
    }
    if gzip && body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(body.as_slice())
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("corrupt gzip content encoding: {e}"))?;
        if out.len() > max_bytes {
            return Err(format!("decompressed body exceeds the {} limit", human_limit(max_bytes)));
        }
        body = out;
    }
    Ok(Http { status, content_type, body })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undo `Transfer-Encoding: chunked`. None when the chunk sizes do not add up.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    fn record(kind: &str, url: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn response(body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n{body}").into_bytes()
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read(bytes: Vec<u8>, gzip: bool) -> Vec<Item> {
        WarcDocs::new("t.warc".into(), io::Cursor::new(bytes), gzip, 1 << 20).collect()
    }

    #[test]
    fn responses_become_documents_and_other_records_are_skipped() {
        let mut w = record("warcinfo", "", b"software: test");
        w.extend(record("request", "http://a.example/1", b"GET /1 HTTP/1.1\r\n\r\n"));
        let first = w.len();
        w.extend(record("response", "http://a.example/1", &response("<p>One</p>")));
        w.extend(record(
            "response",
            "http://a.example/img",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        w.extend(record(
            "response",
            "http://a.example/gone",
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nno",
        ));
        let items = read(w, false);
        assert_eq!(items.len(), 1, "{items:?}");
        let d = items[0].as_ref().unwrap();
        assert_eq!(d.url.as_deref(), Some("http://a.example/1"));
        assert_eq!(d.source, format!("t.warc@{first}"));
        assert_eq!(d.charset.as_deref(), Some("iso-8859-1"));
        assert_eq!(d.bytes, b"<p>One</p>");
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        let body = gz(b"<p>Hello there</p>");
        block.extend(format!("{:x}\r\n", body.len()).into_bytes());
        block.extend(&body);
        block.extend(b"\r\n0\r\n\r\n");
        let items = read(record("response", "http://a.example/z", &block), false);
        assert_eq!(items[0].as_ref().unwrap().bytes, b"<p>Hello there</p>");
    }

    #[test]
    fn per_record_gzip_with_a_corrupt_member_goes_on() {
        let a = gz(&record("response", "http://a.example/a", &response("<p>A</p>")));
        let mut bad = gz(&record("response", "http://a.example/b", &response("<p>B</p>")));
        let n = bad.len();
        bad[n / 2] ^= 0xff; // corrupt the middle of the member
        bad[n - 5] ^= 0xff; // and its checksum
        let c = gz(&record("response", "http://a.example/c", &response("<p>C</p>")));
        let mut file = a.clone();
        file.extend(&bad);
        file.extend(&c);
        let items = read(file, true);
        let urls: Vec<String> = items.iter().filter_map(|i| i.as_ref().ok()).filter_map(|d| d.url.clone()).collect();
        assert_eq!(urls, vec!["http://a.example/a", "http://a.example/c"]);
        let err = items.iter().find_map(|i| i.as_ref().err()).expect("the bad member is reported");
        assert_eq!(err.offset, Some(a.len() as u64));
        assert!(err.message.contains("gzip"), "{err}");
        let c_doc = items.iter().filter_map(|i| i.as_ref().ok()).next_back().unwrap();
        assert_eq!(c_doc.source, format!("t.warc@{}", a.len() + bad.len()));
    }

    #[test]
    fn each_corrupt_member_is_searched_past_on_its_own_bytes() {
        // good, bad, good, bad, good: the bytes kept for searching past a bad
        // member are only that member's, though one buffer serves them all
        let good =
            |i: usize| gz(&record("response", &format!("http://a.example/{i}"), &response(&"x".repeat(i * 999))));
        let bad = |i: usize| {
            let mut m = good(i);
            let n = m.len();
            m[n / 2] ^= 0xff;
            m[n - 5] ^= 0xff;
            m
        };
        let members = [good(1), bad(2), good(3), bad(4), good(5)];
        let mut file = Vec::new();
        let mut offsets = Vec::new();
        for m in &members {
            offsets.push(file.len() as u64);
            file.extend(m);
        }
        let items = read(file, true);
        let docs: Vec<&Document> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        let urls: Vec<&str> = docs.iter().filter_map(|d| d.url.as_deref()).collect();
        assert_eq!(urls, ["http://a.example/1", "http://a.example/3", "http://a.example/5"]);
        let sources: Vec<String> = docs.iter().map(|d| d.source.clone()).collect();
        let want: Vec<String> = [0, 2, 4].iter().map(|&k| format!("t.warc@{}", offsets[k])).collect();
        assert_eq!(sources, want);
        let errs: Vec<u64> = items.iter().filter_map(|i| i.as_ref().err()).filter_map(|e| e.offset).collect();
        assert_eq!(errs, [offsets[1], offsets[3]]);
    }

    #[test]
    fn gzip_members_of_any_sizes_in_turn_are_read_whole() {
        // long, short, longer and short again: each member's storage is the last one's
        let bodies: Vec<String> = [300_000, 10, 700_000, 0, 65_536]
            .iter()
            .enumerate()
            .map(|(i, &n)| format!("<p>{i}{}</p>", "abcdefghij".repeat(n / 10)))
            .collect();
        let mut file = Vec::new();
        for (i, b) in bodies.iter().enumerate() {
            file.extend(gz(&record("response", &format!("http://a.example/{i}"), &response(b))));
        }
        let docs: Vec<Vec<u8>> = read(file, true).into_iter().map(|i| i.unwrap().bytes).collect();
        let want: Vec<Vec<u8>> = bodies.iter().map(|b| b.clone().into_bytes()).collect();
        assert_eq!(docs, want);
    }

    #[test]
    fn garbage_bad_lengths_and_truncation_are_reported_with_offsets() {
        let mut w = b"this is not a warc header\r\nnor this\r\n".to_vec();
        let good = w.len();
        w.extend(record("response", "http://a.example/ok", &response("<p>ok</p>")));
        let bad = w.len();
        w.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxx\r\n\r\n");
        let trunc = w.len();
        w.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nshort");
        let items = read(w, false);
        let errs: Vec<&InputError> = items.iter().filter_map(|i| i.as_ref().err()).collect();
        let docs: Vec<&Document> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].source, format!("t.warc@{good}"));
        assert_eq!(errs.iter().map(|e| e.offset.unwrap()).collect::<Vec<_>>(), vec![0, bad as u64, trunc as u64]);
        assert!(errs[1].message.contains("Content-Length"));
        assert!(errs[2].message.contains("truncated"));
    }

    #[test]
    fn oversized_records_are_skipped_and_reading_goes_on() {
        let big = response(&"x".repeat(200_000));
        let mut w = record("response", "http://a.example/big", &big);
        w.extend(record("response", "http://a.example/small", &response("<p>s</p>")));
        let items: Vec<Item> = WarcDocs::new("t.warc".into(), io::Cursor::new(w), false, 1000).collect();
        assert!(items[0].as_ref().unwrap_err().message.contains("exceeds"));
        assert_eq!(items[1].as_ref().unwrap().url.as_deref(), Some("http://a.example/small"));
    }

    #[test]
    fn dechunk_rejects_bad_sizes() {
        assert_eq!(dechunk(b"3\r\nabc\r\n0\r\n\r\n").unwrap(), b"abc");
        assert!(dechunk(b"zz\r\nabc").is_none());
        assert!(dechunk(b"10\r\nabc").is_none());
    }
}

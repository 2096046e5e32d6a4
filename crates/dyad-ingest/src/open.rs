//! Opening one file or stdin: gzip, size limits, binary and empty checks, and the
//! choice between one document, one per line, and JSONL.

use crate::sniff::{is_gzip, kind_from_name, looks_binary, sniff, utf16_without_bom, InputKind};
use crate::{human_limit, human_size, InputError, InputOptions, Item, STDIN_SOURCE};
use dyad_core::{Document, MediaType};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How many bytes are looked at to decide what an input is.
const HEAD_BYTES: usize = 8192;

/// Read buffer for a WARC file. A gzip member is inflated from what the buffer
/// holds at each call, and zlib copies every call's output into its 32 KiB window:
/// with the default 8 KiB buffer (about 30 KiB of HTML out per call) that copied all
/// the HTML a second time; with this one only the last 32 KiB of each call.
const WARC_BUFFER: usize = 256 * 1024;

type Docs = Box<dyn Iterator<Item = Item>>;

fn fail(e: InputError) -> Docs {
    Box::new(std::iter::once(Err(e)))
}

/// Documents of one file. `explicit` is false for files found by walking a
/// directory, where non-inputs (images, archives) are skipped without an error.
pub(crate) fn open_path(path: &Path, explicit: bool, opts: &InputOptions, bytes_read: Option<Arc<AtomicU64>>) -> Docs {
    let source = path.display().to_string();
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(InputError::new(source, e.to_string())),
    };
    let size = file.metadata().ok().map(|m| m.len());
    let raw: Box<dyn Read> = match bytes_read {
        Some(counter) => Box::new(CountingRead { inner: file, counter }),
        None => Box::new(file),
    };
    open_reader(source, Some(&name), size, raw, explicit, opts)
}

/// Adds every byte read to a shared counter (progress across threads).
struct CountingRead<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Documents read from standard input.
pub(crate) fn open_stdin(opts: &InputOptions) -> Docs {
    open_reader(STDIN_SOURCE.to_string(), None, None, Box::new(io::stdin()), true, opts)
}

pub(crate) fn open_reader(
    source: String,
    name: Option<&str>,
    size: Option<u64>,
    raw: Box<dyn Read>,
    explicit: bool,
    opts: &InputOptions,
) -> Docs {
    let inner_name = name.map(|n| n.strip_suffix(".gz").unwrap_or(n));
    let named_kind = inner_name.map_or(InputKind::Unknown, kind_from_name);
    match named_kind {
        InputKind::NotInput if explicit => {
            let ext = inner_name.and_then(|n| n.rsplit_once('.')).map_or("", |(_, e)| e);
            return fail(InputError::new(source, format!(".{ext} files are not an input: give text, HTML or JSONL")));
        }
        InputKind::NotInput => return Box::new(std::iter::empty()),
        _ => {}
    }

    let mut buffered =
        if named_kind == InputKind::Warc { BufReader::with_capacity(WARC_BUFFER, raw) } else { BufReader::new(raw) };
    let gzip = match buffered.fill_buf() {
        Ok(b) => is_gzip(b),
        Err(e) => return fail(InputError::new(source, e.to_string())),
    };
    if named_kind == InputKind::Warc {
        // read member by member, so a corrupt record costs only itself
        return Box::new(crate::warc::WarcDocs::new(source, buffered, gzip, opts.max_bytes));
    }
    let mut reader: Box<dyn Read> = if gzip { Box::new(MultiGzDecoder::new(buffered)) } else { Box::new(buffered) };
    let io_error = |e: io::Error| {
        let message = if gzip { format!("corrupt gzip data: {e}") } else { e.to_string() };
        InputError::new(source.as_str(), message)
    };

    let mut head = Vec::with_capacity(HEAD_BYTES);
    if let Err(e) = (&mut reader).take(HEAD_BYTES as u64).read_to_end(&mut head) {
        return fail(io_error(e));
    }
    if head.is_empty() {
        return fail(InputError::new(source, "empty input"));
    }
    if let Some(little_endian) = utf16_without_bom(&head) {
        // decoded here, before sniffing, so the rest of dyad sees UTF-8
        let mut all = head;
        if let Err(e) = (&mut reader).take(opts.max_bytes as u64 + 1).read_to_end(&mut all) {
            return fail(io_error(e));
        }
        if all.len() > opts.max_bytes {
            return fail(too_big(&source, "UTF-16 content", &human_limit(opts.max_bytes)));
        }
        let utf8 = crate::sniff::utf16_to_utf8(&all, little_endian);
        head = utf8[..utf8.len().min(HEAD_BYTES)].to_vec();
        reader = Box::new(Cursor::new(utf8[head.len()..].to_vec()));
    }
    if looks_binary(&head) {
        return fail(InputError::new(source, "binary content, not text or HTML"));
    }
    let kind = match named_kind {
        InputKind::Document(_) | InputKind::Jsonl | InputKind::Warc | InputKind::Feed => named_kind,
        _ => sniff(&head),
    };
    let reader: Box<dyn Read> = Box::new(Cursor::new(head).chain(reader));

    match kind {
        InputKind::Jsonl => Box::new(crate::jsonl::JsonlDocs::new(source, BufReader::new(reader), opts.max_bytes)),
        InputKind::Feed => {
            Box::new(crate::feed::read_feed(&source, BufReader::new(reader), opts.max_bytes).into_iter())
        }
        // recognised only after decompression: offsets count decompressed bytes
        InputKind::Warc => Box::new(crate::warc::WarcDocs::new(source, BufReader::new(reader), false, opts.max_bytes)),
        InputKind::Document(MediaType::Text) if opts.lines => {
            Box::new(crate::lines::LineDocs::new(source, BufReader::new(reader), opts.max_bytes))
        }
        InputKind::Document(media_type) => {
            let limit = human_limit(opts.max_bytes);
            if let Some(size) = size.filter(|&s| !gzip && s > opts.max_bytes as u64) {
                return fail(too_big(&source, &human_size(size), &limit));
            }
            let mut bytes = Vec::new();
            if let Err(e) = reader.take(opts.max_bytes as u64 + 1).read_to_end(&mut bytes) {
                return fail(io_error(e));
            }
            if bytes.len() > opts.max_bytes {
                let what = if gzip {
                    "decompressed content".to_string()
                } else {
                    format!("more than {}", human_size(opts.max_bytes as u64))
                };
                return fail(too_big(&source, &what, &limit));
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return fail(InputError::new(source, "empty input"));
            }
            Box::new(std::iter::once(Ok(Document::new(source, media_type, bytes))))
        }
        InputKind::Unknown | InputKind::NotInput => fail(InputError::new(source, "unrecognised input")),
    }
}

fn too_big(source: &str, what: &str, limit: &str) -> InputError {
    InputError::new(source, format!("{what} exceeds the {limit} document limit; raise it with --max-bytes"))
}

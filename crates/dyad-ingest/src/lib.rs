//! Sources: files, folders, stdin, gzip, JSONL, WARC and RSS/Atom into [`Document`]s.
//!
//! [`read_inputs`] walks its arguments lazily, one file at a time, so a folder of a
//! million pages never sits in memory at once. Every problem with one input is an
//! [`InputError`] naming it, and iteration goes on with the next.

mod feed;
mod jsonl;
mod lines;
mod open;
mod sniff;
mod warc;

use dyad_core::Document;
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Each non-empty line of a text input is its own document (`PATH:LINE`).
    pub lines: bool,
    /// Largest document accepted, in bytes (after decompression).
    pub max_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions { lines: false, max_bytes: 8 * 1024 * 1024 }
    }
}

/// One input that could not be read; the others are still read.
#[derive(Debug, Clone)]
pub struct InputError {
    /// The path, `PATH:LINE`, or `<stdin>`.
    pub source: String,
    /// Byte offset of the offending line in a line-oriented input.
    pub offset: Option<u64>,
    pub message: String,
}

impl InputError {
    pub(crate) fn new(source: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { source: source.into(), offset: None, message: message.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} at byte {}: {}", self.source, offset, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// The source name used for standard input.
pub const STDIN_SOURCE: &str = "<stdin>";

type Item = Result<Document, InputError>;

/// Documents from files, directories (walked recursively in path order, hidden
/// entries skipped) and `-` (stdin), in argument order.
pub fn read_inputs(args: &[String], opts: &InputOptions) -> impl Iterator<Item = Item> {
    Inputs::new(args, opts, None)
}

/// [`read_inputs`] that also adds the bytes it reads from files (as stored on disk,
/// compressed or not) to `bytes_read`, for a progress report against [`input_size`].
pub fn read_inputs_counted(
    args: &[String],
    opts: &InputOptions,
    bytes_read: Arc<AtomicU64>,
) -> impl Iterator<Item = Item> {
    Inputs::new(args, opts, Some(bytes_read))
}

/// Total size on disk of the files the arguments name (folders walked as
/// [`read_inputs`] walks them); None when standard input is among them.
pub fn input_size(args: &[String]) -> Option<u64> {
    fn walk(path: &Path, seen: &mut HashSet<PathBuf>) -> u64 {
        let Ok(meta) = std::fs::metadata(path) else { return 0 };
        if !meta.is_dir() {
            return meta.len();
        }
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen.insert(canonical) {
            return 0;
        }
        let Ok(entries) = std::fs::read_dir(path) else { return 0 };
        entries
            .flatten()
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter(|e| {
                let name = e.file_name().to_string_lossy().to_lowercase();
                let name = name.strip_suffix(".gz").unwrap_or(&name).to_string();
                e.path().is_dir() || sniff::kind_from_name(&name) != sniff::InputKind::NotInput
            })
            .map(|e| walk(&e.path(), seen))
            .sum()
    }
    if args.iter().any(|a| a == "-") {
        return None;
    }
    let mut seen = HashSet::new();
    Some(args.iter().map(|a| walk(Path::new(a), &mut seen)).sum())
}

/// Documents from one stream, read as a file named `source` would be: its name
/// (`.warc`, `.rss`, `.jsonl`, `.gz`, ...) and its first bytes decide the format.
/// For inputs that come from elsewhere than the file system, and for fuzzing.
pub fn read_stream(source: &str, reader: Box<dyn std::io::Read>, opts: &InputOptions) -> impl Iterator<Item = Item> {
    let name = Path::new(source).file_name().map(|n| n.to_string_lossy().to_lowercase());
    open::open_reader(source.to_string(), name.as_deref(), None, reader, true, opts)
}

/// Lazy walk over the arguments: `walk` is a stack of directory entries still to
/// visit (reversed, so the smallest path pops first) and `current` the documents
/// of the file being read.
struct Inputs {
    opts: InputOptions,
    args: VecDeque<String>,
    walk: Vec<PathBuf>,
    seen_dirs: HashSet<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Item>>>,
    bytes_read: Option<Arc<AtomicU64>>,
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            if let Some(path) = self.walk.pop() {
                if path.is_dir() {
                    if let Err(e) = self.enter_dir(&path) {
                        return Some(Err(e));
                    }
                } else {
                    self.current = Some(open::open_path(&path, false, &self.opts, self.bytes_read.clone()));
                }
                continue;
            }
            let arg = self.args.pop_front()?;
            if arg == "-" {
                self.current = Some(open::open_stdin(&self.opts));
                continue;
            }
            let path = PathBuf::from(&arg);
            match std::fs::metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Some(Err(InputError::new(arg, "no such file or directory")));
                }
                Err(e) => return Some(Err(InputError::new(arg, e.to_string()))),
                Ok(meta) if meta.is_dir() => {
                    if let Err(e) = self.enter_dir(&path) {
                        return Some(Err(e));
                    }
                }
                Ok(_) => self.current = Some(open::open_path(&path, true, &self.opts, self.bytes_read.clone())),
            }
        }
    }
}

/// Documents of one input held in memory (a file fetched by Spark, a page from
/// Python), read exactly as a file of that `name` would be: the name's extension
/// chooses WARC, JSONL, feed, HTML or text, else the bytes decide; gzip is undone.
/// `source` names the documents and the errors (`SOURCE@OFFSET` inside a WARC).
pub fn read_bytes(
    source: impl Into<String>,
    name: Option<&str>,
    bytes: Vec<u8>,
    opts: &InputOptions,
) -> impl Iterator<Item = Item> {
    let name = name.map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_lowercase());
    let size = Some(bytes.len() as u64);
    open::open_reader(source.into(), name.as_deref(), size, Box::new(std::io::Cursor::new(bytes)), true, opts)
}

/// HTML when the first bytes look like markup, else plain text (how an input
/// without a telling name is read).
pub fn sniff_media_type(head: &[u8]) -> dyad_core::MediaType {
    match sniff::sniff(head) {
        sniff::InputKind::Document(dyad_core::MediaType::Html) => dyad_core::MediaType::Html,
        _ => dyad_core::MediaType::Text,
    }
}

#[cfg(test)]
mod read_bytes_tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn bytes_read_like_the_file_they_came_from() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Rebels attacked the town.</p>";
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/1\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(block);
        record.extend_from_slice(b"\r\n\r\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&record).unwrap();
        let mut warc = gz.finish().unwrap();
        let second = warc.len();
        warc.extend_from_slice(b"\x1f\x8b\x08 not really gzip");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.warc.gz");
        std::fs::write(&path, &warc).unwrap();
        let from_file: Vec<String> = read_inputs(&[path.display().to_string()], &InputOptions::default())
            .map(|r| r.map(|d| format!("{} {:?}", d.source, d.url)).unwrap_or_else(|e| e.to_string()))
            .collect();
        let from_bytes: Vec<String> =
            read_bytes(path.display().to_string(), Some("/x/A.WARC.GZ"), warc, &InputOptions::default())
                .map(|r| r.map(|d| format!("{} {:?}", d.source, d.url)).unwrap_or_else(|e| e.to_string()))
                .collect();
        assert_eq!(from_file, from_bytes);
        assert_eq!(from_bytes.len(), 2);
        assert!(from_bytes[1].contains(&format!("at byte {second}")), "{from_bytes:?}");
    }

    #[test]
    fn media_type_from_the_first_bytes() {
        assert_eq!(sniff_media_type(b"<html><body><p>x</p>"), dyad_core::MediaType::Html);
        assert_eq!(sniff_media_type(b"Rebels attacked the town."), dyad_core::MediaType::Text);
    }
}

impl Inputs {
    fn new(args: &[String], opts: &InputOptions, bytes_read: Option<Arc<AtomicU64>>) -> Self {
        Inputs {
            opts: opts.clone(),
            args: args.iter().cloned().collect(),
            walk: Vec::new(),
            seen_dirs: HashSet::new(),
            current: None,
            bytes_read,
        }
    }

    /// Pushes a directory's visible entries, sorted, onto the walk stack. A
    /// directory already visited (a symlink loop) is skipped.
    fn enter_dir(&mut self, dir: &Path) -> Result<(), InputError> {
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.seen_dirs.insert(canonical) {
            return Ok(());
        }
        let source = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| InputError::new(source.as_str(), e.to_string()))?;
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| InputError::new(source.as_str(), e.to_string()))?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            paths.push(entry.path());
        }
        paths.sort();
        self.walk.extend(paths.into_iter().rev());
        Ok(())
    }
}

/// "10.0 MB" style sizes for messages.
pub(crate) fn human_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{:.1} KB", bytes as f64 / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

/// "8 MiB" style limits for messages.
pub(crate) fn human_limit(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes / MIB * MIB == bytes {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes / 1024 * 1024 == bytes {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests;

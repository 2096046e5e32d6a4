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
    Inputs {
        opts: opts.clone(),
        args: args.iter().cloned().collect(),
        walk: Vec::new(),
        seen_dirs: HashSet::new(),
        current: None,
    }
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
                    self.current = Some(open::open_path(&path, false, &self.opts));
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
                Ok(_) => self.current = Some(open::open_path(&path, true, &self.opts)),
            }
        }
    }
}

impl Inputs {
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

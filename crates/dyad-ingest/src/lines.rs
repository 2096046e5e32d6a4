//! Line-oriented reading with a per-line size limit, and `--lines` documents.

use crate::{human_limit, InputError, Item};
use dyad_core::{Document, MediaType};
use std::io::{BufRead, Read};

/// One line: its 1-based number, the byte offset of its start, and its bytes
/// without the line ending.
pub(crate) struct Line {
    pub number: usize,
    pub offset: u64,
    pub bytes: Vec<u8>,
}

/// Reads lines of at most `max` bytes; a longer line is an error and skipped
/// without holding it in memory.
pub(crate) struct LineReader<R> {
    source: String,
    reader: R,
    max: usize,
    number: usize,
    offset: u64,
    done: bool,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(source: String, reader: R, max: usize) -> Self {
        LineReader { source, reader, max, number: 0, offset: 0, done: false }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// `PATH:LINE` for a line number.
    pub fn line_source(&self, number: usize) -> String {
        format!("{}:{}", self.source, number)
    }

    pub fn next_line(&mut self) -> Option<Result<Line, InputError>> {
        if self.done {
            return None;
        }
        let mut bytes = Vec::new();
        let read = (&mut self.reader).take(self.max as u64 + 1).read_until(b'\n', &mut bytes);
        let n = match read {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(n) => n,
            Err(e) => {
                self.done = true;
                return Some(Err(InputError {
                    source: self.source.clone(),
                    offset: Some(self.offset),
                    message: e.to_string(),
                }));
            }
        };
        self.number += 1;
        let offset = self.offset;
        self.offset += n as u64;
        if bytes.len() > self.max && !bytes.ends_with(b"\n") {
            if let Err(e) = self.skip_rest_of_line() {
                self.done = true;
                return Some(Err(InputError::new(self.source.clone(), e.to_string())));
            }
            return Some(Err(InputError {
                source: self.line_source(self.number),
                offset: Some(offset),
                message: format!(
                    "line exceeds the {} document limit; raise it with --max-bytes",
                    human_limit(self.max)
                ),
            }));
        }
        while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            bytes.pop();
        }
        Some(Ok(Line { number: self.number, offset, bytes }))
    }

    fn skip_rest_of_line(&mut self) -> std::io::Result<()> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            if let Some(i) = buf.iter().position(|&b| b == b'\n') {
                self.reader.consume(i + 1);
                self.offset += i as u64 + 1;
                return Ok(());
            }
            let len = buf.len();
            self.reader.consume(len);
            self.offset += len as u64;
        }
    }
}

/// `--lines`: each non-empty line of a text input is its own text document.
pub(crate) struct LineDocs<R> {
    lines: LineReader<R>,
}

impl<R: BufRead> LineDocs<R> {
    pub fn new(source: String, reader: R, max: usize) -> Self {
        LineDocs { lines: LineReader::new(source, reader, max) }
    }
}

impl<R: BufRead> Iterator for LineDocs<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let line = match self.lines.next_line()? {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            if line.bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let source = self.lines.line_source(line.number);
            return Some(Ok(Document::new(source, MediaType::Text, line.bytes)));
        }
    }
}

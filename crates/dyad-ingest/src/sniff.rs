//! Deciding what an input is from its name and its first bytes.

use dyad_core::MediaType;

/// What kind of input a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// One document of this media type.
    Document(MediaType),
    /// One JSON document per line.
    Jsonl,
    /// Look at the bytes to decide.
    Unknown,
    /// A format dyad does not read (yet); the string names it.
    /// A WARC archive (Common Crawl and crawlers), plain or per-record gzip.
    Warc,
    /// RSS 2.0, RSS 1.0 or Atom.
    Feed,
    /// Clearly not an input (an image, an archive): skipped inside directories.
    NotInput,
}

/// The kind implied by a file name (lowercased, `.gz` already stripped).
pub(crate) fn kind_from_name(name: &str) -> InputKind {
    let ext = match name.rsplit_once('.') {
        Some((_, ext)) => ext,
        None => return InputKind::Unknown,
    };
    match ext {
        "txt" | "text" => InputKind::Document(MediaType::Text),
        "html" | "htm" | "xhtml" | "shtml" => InputKind::Document(MediaType::Html),
        "jsonl" | "ndjson" => InputKind::Jsonl,
        "warc" => InputKind::Warc,
        "rss" | "atom" => InputKind::Feed,
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "ico" | "tif" | "tiff" | "svg" | "avif" | "heic" | "pdf"
        | "zip" | "tar" | "tgz" | "7z" | "rar" | "xz" | "bz2" | "zst" | "lz4" | "mp3" | "mp4" | "m4a" | "wav"
        | "ogg" | "webm" | "avi" | "mov" | "mkv" | "flac" | "woff" | "woff2" | "ttf" | "otf" | "eot" | "exe"
        | "dll" | "so" | "dylib" | "o" | "a" | "class" | "jar" | "pyc" | "wasm" | "bin" | "db" | "sqlite"
        | "db-wal" | "db-shm" | "db-journal" | "sqlite-wal" | "sqlite-shm" | "parquet" | "doc" | "docx" | "xls"
        | "xlsx" | "ppt" | "pptx" | "odt" | "css" | "js" | "mjs" | "map" | "json" | "csv" | "tsv" | "md"
        | "markdown" | "rst" | "yml" | "yaml" | "toml" | "lock" | "py" | "rs" | "sh" => InputKind::NotInput,
        _ => InputKind::Unknown,
    }
}

/// gzip magic bytes.
pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Decides an unknown input from its first bytes: JSONL, HTML, a feed, or text.
pub(crate) fn sniff(head: &[u8]) -> InputKind {
    let head = &head[..head.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let trimmed = trim_start(&lower);
    if trimmed.starts_with(b"{") && (has_key(trimmed, b"html") || has_key(trimmed, b"text")) {
        return InputKind::Jsonl;
    }
    // the formats told by how they begin come before markup found anywhere in the
    // head: a WARC's first record and a feed's first item often hold HTML
    if trimmed.starts_with(b"warc/") {
        return InputKind::Warc;
    }
    let feed_root = contains(&lower, b"<rss") || contains(&lower, b"<feed") || contains(&lower, b"<rdf:rdf");
    if (trimmed.starts_with(b"<?xml") || trimmed.starts_with(b"<rss") || trimmed.starts_with(b"<feed")) && feed_root {
        return InputKind::Feed;
    }
    let html_marks: [&[u8]; 6] = [b"<html", b"<!doctype html", b"<body", b"<p>", b"<head", b"<article"];
    if html_marks.iter().any(|m| contains(&lower, m)) {
        return InputKind::Document(MediaType::Html);
    }
    InputKind::Document(MediaType::Text)
}

/// Binary content: NUL bytes or more than 10% control characters in the first
/// 8 KB. UTF-16 with a byte order mark is text (extract decodes it).
pub fn looks_binary(head: &[u8]) -> bool {
    let head = &head[..head.len().min(8192)];
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return false;
    }
    if head.starts_with(b"%PDF-") || head.contains(&0) {
        return true;
    }
    let control =
        head.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    control * 10 > head.len()
}

/// UTF-16 without a byte order mark, told by where the zero bytes of ASCII-range
/// characters fall: mostly in odd positions (little-endian) or even ones (big-endian),
/// and hardly ever in the other. `Some(true)` is little-endian.
pub(crate) fn utf16_without_bom(head: &[u8]) -> Option<bool> {
    let head = &head[..head.len().min(8192) & !1];
    if head.len() < 8 || head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let hardly = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && hardly(zero_even) {
        Some(true)
    } else if mostly(zero_even) && hardly(zero_odd) {
        Some(false)
    } else {
        None
    }
}

/// UTF-16 bytes as UTF-8; unpaired surrogates become U+FFFD, an odd last byte is dropped.
pub(crate) fn utf16_to_utf8(bytes: &[u8], little_endian: bool) -> Vec<u8> {
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>().into_bytes()
}

fn trim_start(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(b);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    &b[start..]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// `"key"` followed by optional spaces and a colon.
fn has_key(hay: &[u8], key: &[u8]) -> bool {
    let quoted = [b"\"", key, b"\""].concat();
    let mut from = 0;
    while let Some(pos) = hay[from..].windows(quoted.len()).position(|w| w == quoted) {
        let after = &hay[from + pos + quoted.len()..];
        if trim_start(after).starts_with(b":") {
            return true;
        }
        from += pos + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_bytes() {
        assert_eq!(kind_from_name("a.htm"), InputKind::Document(MediaType::Html));
        assert_eq!(kind_from_name("a.jsonl"), InputKind::Jsonl);
        assert_eq!(kind_from_name("a.png"), InputKind::NotInput);
        // a store inside an input folder: its SQLite sidecar files are not inputs
        assert_eq!(kind_from_name("dyad.db-wal"), InputKind::NotInput);
        assert_eq!(kind_from_name("dyad.db-shm"), InputKind::NotInput);
        assert_eq!(kind_from_name("README"), InputKind::Unknown);
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), InputKind::Document(MediaType::Html));
        assert_eq!(sniff(b"Plain words <b>."), InputKind::Document(MediaType::Text));
        assert_eq!(sniff(b"{\"url\": \"x\", \"text\" : \"y\"}"), InputKind::Jsonl);
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0"));
        assert!(!looks_binary("caf\u{e9} \t\r\n".as_bytes()));
        assert!(!looks_binary(b"\xff\xfeh\0i\0"));
    }

    #[test]
    fn utf16_without_a_byte_order_mark() {
        let text = "<p>Caf\u{e9} talks in \u{41a}\u{438}\u{435}\u{432} resumed.</p>";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(true));
        assert_eq!(utf16_without_bom(&be), Some(false));
        assert_eq!(utf16_to_utf8(&le, true), text.as_bytes());
        assert_eq!(utf16_to_utf8(&be, false), text.as_bytes());
        assert_eq!(utf16_without_bom(text.as_bytes()), None);
        assert_eq!(utf16_without_bom(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0"), None);
        assert_eq!(utf16_without_bom(&[0u8; 64]), None, "all zeros is binary, not text");
        // a lone surrogate does not stop decoding
        assert_eq!(utf16_to_utf8(&[0x00, 0xd8, b'a', 0], true), "\u{fffd}a".as_bytes());
    }
}

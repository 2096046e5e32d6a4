//! Bytes into text (borrowed when they are UTF-8 already): byte order mark, declared charset, `<meta charset>`,
//! UTF-8, or a detected legacy encoding, in that order.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How the encoding of a document was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    Bom,
    /// Declared outside the bytes (HTTP header, feed, JSONL).
    Declared,
    /// `<meta charset>`, `http-equiv` or an XML declaration.
    Meta,
    /// Valid UTF-8.
    Utf8,
    /// Guessed by chardetng.
    Detected,
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
    /// Some bytes were not valid in `encoding` and became U+FFFD.
    pub had_errors: bool,
}

/// How much of an HTML page is searched for a charset declaration.
const PRESCAN_BYTES: usize = 2048;
/// How much of an undeclared document is fed to the detector.
const DETECT_BYTES: usize = 1 << 20;

/// Decodes `bytes`. `declared` is a charset label from outside the document;
/// `html` enables the `<meta>` prescan.
pub fn decode<'a>(bytes: &'a [u8], declared: Option<&str>, html: bool) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, CharsetSource::Bom);
    }
    // encoding_rs's validator (SIMD) rather than std's: a third of the time on pages
    let as_utf8 = match UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(Cow::Borrowed(text)) => Some(text),
        _ => None,
    };
    let utf8 = as_utf8.is_some();
    if let Some(encoding) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // a header that says UTF-8 over bytes that are not is wrong: look further
        if encoding != UTF_8 || utf8 {
            return finish_checked(bytes, as_utf8, encoding, CharsetSource::Declared);
        }
    }
    if html {
        if let Some(encoding) = meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
            // Pages often declare a legacy charset but are served as UTF-8; bytes
            // that are valid, non-ASCII UTF-8 are almost never legacy text.
            if !(utf8 && encoding != UTF_8 && !bytes.is_ascii()) {
                return finish_checked(bytes, as_utf8, encoding, CharsetSource::Meta);
            }
        }
    }
    if let Some(text) = as_utf8 {
        return Decoded { text: Cow::Borrowed(text), encoding: UTF_8, source: CharsetSource::Utf8, had_errors: false };
    }
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    detector.feed(sample, sample.len() == bytes.len());
    let encoding = detector.guess(None, true);
    finish(bytes, encoding, CharsetSource::Detected)
}

/// [`finish`] for bytes already validated: UTF-8 bytes known to be valid
/// (`utf8`) are borrowed as they are, not validated a second time (what
/// decoding them would do, with the same result).
fn finish_checked<'a>(
    bytes: &'a [u8],
    utf8: Option<&'a str>,
    encoding: &'static Encoding,
    source: CharsetSource,
) -> Decoded<'a> {
    match utf8 {
        Some(text) if encoding == UTF_8 => Decoded { text: Cow::Borrowed(text), encoding, source, had_errors: false },
        _ => finish(bytes, encoding, source),
    }
}

fn finish<'a>(bytes: &'a [u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text, encoding, source, had_errors }
}

/// The charset named by a `<meta charset>`, a `http-equiv` content type or an XML
/// declaration in the first bytes of a page. UTF-16 labels mean UTF-8 here, as
/// in browsers: a page readable as ASCII cannot be UTF-16.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        if let Some(enc) = charset_in(&lower[start..end]) {
            return Some(enc);
        }
        from = start + 5;
    }
    if lower.starts_with(b"<?xml") {
        let end = lower.iter().position(|&b| b == b'>').unwrap_or(lower.len());
        let decl = &lower[..end];
        if let Some(p) = find(decl, b"encoding") {
            return label_after(&decl[p + 8..]);
        }
    }
    None
}

/// `charset=LABEL` inside one tag.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let p = find(tag, b"charset")?;
    label_after(&tag[p + 7..])
}

/// The label after optional spaces, `=`, and an optional quote.
fn label_after(rest: &[u8]) -> Option<&'static Encoding> {
    let rest = skip_spaces(rest).strip_prefix(b"=")?;
    let rest = skip_spaces(rest);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..len])?;
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    if encoding == encoding_rs::X_USER_DEFINED {
        return Some(encoding_rs::WINDOWS_1252);
    }
    Some(encoding)
}

fn skip_spaces(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_declarations() {
        let enc = |s: &[u8]| meta_charset(s).map(|e| e.name());
        assert_eq!(enc(b"<meta charset=\"windows-1252\">"), Some("windows-1252"));
        assert_eq!(enc(b"<META CHARSET=iso-8859-1>"), Some("windows-1252"));
        assert_eq!(enc(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">"), Some("KOI8-R"));
        assert_eq!(enc(b"<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(enc(b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>"), Some("ISO-8859-2"));
        assert_eq!(enc(b"<meta name=description content=x>"), None);
        assert_eq!(enc(b"<meta charset=bogus>"), None);
    }

    #[test]
    fn order_of_evidence() {
        let d = decode(b"\xef\xbb\xbfhi", Some("windows-1252"), false);
        assert_eq!((d.text.as_ref(), d.source), ("hi", CharsetSource::Bom));
        let d = decode(b"caf\xe9", Some("latin1"), false);
        assert_eq!((d.text.as_ref(), d.source), ("café", CharsetSource::Declared));
        let d = decode("café".as_bytes(), None, false);
        assert_eq!(d.source, CharsetSource::Utf8);
        // a legacy declaration over bytes that are valid UTF-8 loses
        let d = decode("<meta charset=windows-1252>café".as_bytes(), None, true);
        assert_eq!(d.source, CharsetSource::Utf8);
        assert!(d.text.ends_with("café"));
        let d = decode(b"\xff\xfeh\0i\0", None, false);
        assert_eq!(d.text, "hi");
    }

    #[test]
    fn a_wrong_or_unknown_declared_charset_gives_way() {
        // header says UTF-8, the page is windows-1252 and says so itself
        let d = decode(b"<meta charset=windows-1252><p>Z\xfcrich caf\xe9</p>", Some("utf-8"), true);
        assert_eq!((d.source, d.had_errors), (CharsetSource::Meta, false));
        assert!(d.text.contains("Zürich café"), "{}", d.text);
        // header says UTF-8 and nothing else is declared: detected, never U+FFFD
        let d = decode(b"Les r\xe9fugi\xe9s fuient la guerre \xe0 Z\xfcrich", Some("UTF-8"), false);
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(!d.text.contains('\u{fffd}'), "{}", d.text);
        // an unknown label is ignored
        let d = decode("café".as_bytes(), Some("x-no-such-charset"), false);
        assert_eq!((d.text.as_ref(), d.source), ("café", CharsetSource::Utf8));
    }
}

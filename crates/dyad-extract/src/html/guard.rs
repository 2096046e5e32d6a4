//! Limits applied to markup before parsing. html5ever's tree builder scans the
//! stack of open elements for every start tag, so 100,000 nested `<div>`s cost
//! quadratic time (about 40 s); a start tag with 100,000 attributes likewise.
//! Like browsers (Blink caps parser depth at 512), start tags past a depth limit
//! are dropped along with their end tags; the text inside is kept, so nothing a
//! reader could see is lost. Excess attributes are dropped too.

use std::borrow::Cow;

/// Deepest nesting of elements kept; real pages stay well under 100.
pub const MAX_DEPTH: usize = 512;
/// Most attributes kept on one start tag.
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements without content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "image"
    )
}

/// Elements whose end tag may be omitted: a new one closes the previous, so they
/// do not nest by themselves and are not counted.
fn closes_implicitly(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "rb"
            | "rt"
            | "rp"
            | "rtc"
            | "html"
            | "head"
            | "body"
    )
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes")
}

/// `src` with nesting and attribute counts limited; borrowed when nothing changed.
pub fn limit(src: &str) -> Cow<'_, str> {
    let bytes = src.as_bytes();
    let mut out: Option<String> = None;
    // Everything in src[copied..pos] is yet to be copied to `out`.
    let mut copied = 0;
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut foreign = 0usize;
    let mut pos = 0;
    while let Some(lt) = memchr(b'<', &bytes[pos..]) {
        let start = pos + lt;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            pos = find(&bytes[start + 4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            pos = memchr(b'>', rest).map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len =
            bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':').count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            pos = start + 1;
            continue;
        }
        let name = src[name_start..name_start + name_len].to_ascii_lowercase();
        let tag = scan_tag(bytes, name_start + name_len);
        pos = tag.end;
        if closing {
            if name == "svg" || name == "math" {
                foreign = foreign.saturating_sub(1);
            }
            if is_void(&name) || closes_implicitly(&name) || is_raw_text(&name) {
                continue;
            }
            if dropped > 0 {
                dropped -= 1;
                skip(src, &mut out, &mut copied, start, tag.end);
            } else {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let opens = !is_void(&name)
            && !closes_implicitly(&name)
            && !is_raw_text(&name)
            && !(tag.self_closing && (foreign > 0 || name == "svg" || name == "math"));
        if opens && depth >= MAX_DEPTH {
            dropped += 1;
            skip(src, &mut out, &mut copied, start, tag.end);
            continue;
        }
        if opens {
            depth += 1;
            if name == "svg" || name == "math" {
                foreign += 1;
            }
        }
        if let Some(cut) = tag.excess_attributes {
            let close = if tag.self_closing { "/>" } else { ">" };
            skip(src, &mut out, &mut copied, start, tag.end);
            let o = out.get_or_insert_with(String::new);
            o.push_str(src[start..cut].trim_end());
            o.push_str(close);
        }
        if is_raw_text(&name) {
            let close = format!("</{name}");
            pos = find_ignore_case(&bytes[tag.end..], close.as_bytes()).map_or(bytes.len(), |e| tag.end + e);
        }
    }
    match out {
        None => Cow::Borrowed(src),
        Some(mut o) => {
            o.push_str(&src[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Copies `src[copied..start]` and leaves out `src[start..end]`.
fn skip(src: &str, out: &mut Option<String>, copied: &mut usize, start: usize, end: usize) {
    let o = out.get_or_insert_with(|| String::with_capacity(src.len()));
    o.push_str(&src[*copied..start]);
    *copied = end;
}

struct Tag {
    /// Just past the closing `>`.
    end: usize,
    self_closing: bool,
    /// Where the first attribute past the limit starts.
    excess_attributes: Option<usize>,
}

/// Scans attributes from `from` to the end of the tag, honouring quoted values.
/// Every position returned is a char boundary: only ASCII bytes are matched.
fn scan_tag(bytes: &[u8], from: usize) -> Tag {
    let mut i = from;
    let mut attributes = 0;
    let mut excess = None;
    let mut in_name = false;
    let mut self_closing = false;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'>' => return Tag { end: i + 1, self_closing, excess_attributes: excess },
            b'=' => {
                in_name = false;
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let quote = bytes[i];
                    i = memchr(quote, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e + 1);
                    continue;
                }
                continue;
            }
            b'/' => {
                in_name = false;
                self_closing = bytes.get(i + 1) == Some(&b'>');
            }
            _ if b.is_ascii_whitespace() => in_name = false,
            _ => {
                if !in_name {
                    in_name = true;
                    self_closing = false;
                    attributes += 1;
                    if attributes == MAX_ATTRIBUTES + 1 {
                        excess = Some(i);
                    }
                }
            }
        }
        i += 1;
    }
    Tag { end: bytes.len(), self_closing, excess_attributes: excess }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_is_untouched() {
        let page = "<!DOCTYPE html><html><head><script>if (a<b) x='</div>'</script></head>\
            <body><div class=\"a>b\"><p>one<p>two<br><img src=x><svg><path d='M0'/><path/></svg>\
            <!-- <div><div> --></div></body></html>";
        assert!(matches!(limit(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = MAX_DEPTH + 100;
        let page = format!("{}<b>x</b>text{}after", "<div>".repeat(n), "</div>".repeat(n));
        let limited = limit(&page);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        assert!(limited.contains("xtext") && limited.ends_with("</div>after"));
    }

    #[test]
    fn excess_attributes_are_dropped() {
        let attrs: String = (0..MAX_ATTRIBUTES + 10).map(|i| format!(" a{i}='v'")).collect();
        let page = format!("<p{attrs}>text</p>");
        let limited = limit(&page);
        assert!(limited.contains(&format!("a{}='v'>text", MAX_ATTRIBUTES - 1)));
        assert!(!limited.contains(&format!("a{}", MAX_ATTRIBUTES)));
    }
}

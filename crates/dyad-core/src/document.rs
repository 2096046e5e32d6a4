use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// What the bytes of a document are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaType {
    Html,
    Text,
}

/// One input as it arrived: bytes plus what the source told us about them.
#[derive(Clone, Debug)]
pub struct Document {
    /// Where it came from: a path, `PATH:LINE` for `--lines`, or a URL.
    pub source: String,
    pub url: Option<String>,
    pub media_type: MediaType,
    pub bytes: Vec<u8>,
    /// Publication date given by the source (feed item, JSONL field, `--published`).
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    /// Charset declared outside the bytes (HTTP header), if any.
    pub charset: Option<String>,
}

impl Document {
    pub fn new(source: impl Into<String>, media_type: MediaType, bytes: Vec<u8>) -> Self {
        Document { source: source.into(), url: None, media_type, bytes, published: None, title: None, charset: None }
    }

    /// Stable id: a hash of the URL (or source when there is none) and the content.
    pub fn id(&self) -> String {
        doc_id(self.url.as_deref().unwrap_or(&self.source), &self.bytes)
    }
}

/// Stable 64-bit document id in hex: same origin and same bytes give the same id.
pub fn doc_id(origin: &str, content: &[u8]) -> String {
    let mut h = Xxh3::new();
    h.update(origin.as_bytes());
    h.update(&[0]);
    h.update(content);
    format!("{:016x}", h.digest())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_id_depends_on_origin_and_content() {
        let a = doc_id("a.txt", b"hello");
        assert_eq!(a, doc_id("a.txt", b"hello"));
        assert_eq!(a.len(), 16);
        assert_ne!(a, doc_id("b.txt", b"hello"));
        assert_ne!(a, doc_id("a.txt", b"hello!"));
        // the separator keeps origin and content apart
        assert_ne!(doc_id("ab", b"c"), doc_id("a", b"bc"));
    }
}

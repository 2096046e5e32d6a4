//! Timing on hostile pages: `hostile_pages deep [DEPTH]` nests divs, `hostile_pages big [MB]` is one huge page.
//! Run with `--release`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    let mut page = String::from("<html><body>");
    if args.get(1).map(String::as_str) == Some("big") {
        let mb = if n == 0 { 50 } else { n };
        page.push_str("<nav><a href=/>Home</a></nav><div class=story>");
        while page.len() < mb * 1_000_000 {
            page.push_str(
                "<p>A paragraph of article text with <a href=/x>a link</a> in it, long enough to count.</p>\n",
            );
        }
        page.push_str("</div>");
    } else {
        let depth = if n == 0 { 100_000 } else { n };
        for _ in 0..depth {
            page.push_str("<div>");
        }
        page.push_str("<p>Deep inside the page there is a sentence of article text for us.</p>");
        for _ in 0..depth {
            page.push_str("</div>");
        }
    }
    let t = std::time::Instant::now();
    let doc = dyad_core::Document::new("x", dyad_core::MediaType::Html, page.into_bytes());
    let a = dyad_extract::extract(&doc).unwrap();
    eprintln!("extract {:?}: {} bytes of text, {} boilerplate", t.elapsed(), a.text.len(), a.boilerplate.len());
}

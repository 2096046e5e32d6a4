//! Reading at scale: progress counts the bytes read against the inputs' total size,
//! and a gzip member cut short costs only itself, not the members after it.

use dyad_ingest::{input_size, read_inputs, read_inputs_counted, InputOptions};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn record(url: &str, body: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

fn page(i: usize) -> String {
    // enough varied text that a member is several deflate blocks long
    (0..400).map(|j| format!("<p>Paragraph {j} of page {i}: talks resumed in Geneva on day {}.</p>", i * j)).collect()
}

#[test]
fn a_member_cut_short_does_not_hide_the_members_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = gz(&record("https://a.example/0", &page(0)));
    let cut_at = file.len();
    let cut = gz(&record("https://a.example/cut", &page(1)));
    file.extend(&cut[..cut.len() / 2]);
    let next = file.len();
    file.extend(gz(&record("https://a.example/2", &page(2))));
    file.extend(gz(&record("https://a.example/3", &page(3))));
    let path = dir.path().join("cut.warc.gz");
    std::fs::write(&path, &file).unwrap();
    let items: Vec<_> = read_inputs(&[path.display().to_string()], &InputOptions::default()).collect();
    let urls: Vec<String> = items.iter().filter_map(|i| i.as_ref().ok()).filter_map(|d| d.url.clone()).collect();
    assert_eq!(urls, ["https://a.example/0", "https://a.example/2", "https://a.example/3"]);
    let errors: Vec<_> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].offset, Some(cut_at as u64));
    assert!(errors[0].to_string().contains("cut.warc.gz at byte"), "{}", errors[0]);
    let second = items.iter().filter_map(|i| i.as_ref().ok()).nth(1).unwrap();
    assert_eq!(second.source, format!("{}@{next}", path.display()));
}

#[test]
fn bytes_read_reach_the_input_size() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Rebels attacked the town on Monday.").unwrap();
    std::fs::write(dir.path().join("sub/b.html.gz"), gz(b"<p>Ministers met in Paris.</p>")).unwrap();
    let mut w = gz(&record("https://a.example/w", "<p>Talks in Geneva.</p>"));
    w.extend(gz(&record("https://a.example/x", "<p>Talks in Oslo.</p>")));
    std::fs::write(dir.path().join("sub/c.warc.gz"), w).unwrap();
    std::fs::write(dir.path().join("image.png"), [0x89u8, b'P', b'N', b'G', 0, 0, 0, 0]).unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "not read").unwrap();
    let on_disk = ["a.txt", "sub/b.html.gz", "sub/c.warc.gz"]
        .iter()
        .map(|f| std::fs::metadata(dir.path().join(f)).unwrap().len())
        .sum::<u64>();
    let args = vec![dir.path().display().to_string()];
    assert_eq!(input_size(&args), Some(on_disk));
    assert_eq!(input_size(&["-".to_string()]), None);
    let counter = Arc::new(AtomicU64::new(0));
    let docs: Vec<_> = read_inputs_counted(&args, &InputOptions::default(), counter.clone()).collect();
    assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), 4, "{docs:?}");
    assert_eq!(counter.load(Ordering::Relaxed), on_disk);
}

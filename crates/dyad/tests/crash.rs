//! Crash safety: `dyad ingest` killed with SIGKILL at random moments (seeded; set
//! DYAD_KILL_SEED to replay), re-run each time, then run to completion. After every
//! kill the store passes SQLite's integrity check and holds only whole documents;
//! at the end it holds every document exactly once, row for row the same as a store
//! written in one uninterrupted run.

use dyad_store::Store;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const DOCS: usize = 400;
const KILLS: usize = 10;

/// xorshift64*: enough randomness for kill times, reproducible from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn corpus(path: &Path, rng: &mut Rng) {
    let actors = ["Kenya", "Ethiopia", "Russia", "Ukraine", "Turkey", "Syria", "Sudan", "Chad", "the police", "rebels"];
    let verbs =
        ["accused", "met", "attacked", "praised", "threatened", "criticized", "signed an accord with", "shelled"];
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let mut out = String::new();
    for i in 0..DOCS {
        let mut text = String::new();
        for s in 0..1 + rng.below(4) {
            let a = actors[rng.below(actors.len() as u64) as usize];
            let b = actors[rng.below(actors.len() as u64) as usize];
            let v = verbs[rng.below(verbs.len() as u64) as usize];
            let d = days[rng.below(days.len() as u64) as usize];
            text.push_str(&format!("{a} {v} {b} on {d} (report {i}.{s}). "));
        }
        out.push_str(&format!(
            "{{\"url\": \"https://news.example/{i}\", \"text\": \"{text}\", \"published\": \"2024-07-09\"}}\n"
        ));
    }
    std::fs::write(path, out).unwrap();
}

fn ingest(input: &Path, db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.args(["ingest", input.to_str().unwrap(), "--db", db.to_str().unwrap(), "--batch-size", "16"]);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Per document: doc id, sentences, entities, events. Also checks that no document
/// is missing its article or has stray rows.
fn snapshot(db: &Path) -> Vec<(String, i64, i64, i64)> {
    let store = Store::open(db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let conn = store.connection();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        one("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc_id = d.doc_id)
             OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)"),
        0,
        "a document without its article or sentences"
    );
    for table in ["articles", "sentences", "entities", "events"] {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)");
        assert_eq!(one(&sql), 0, "{table} rows without their document");
    }
    assert_eq!(one("SELECT COUNT(*) - COUNT(DISTINCT doc_id) FROM documents"), 0, "a document twice");
    let mut stmt = conn
        .prepare(
            "SELECT d.doc_id,
                    (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.doc_id),
                    (SELECT COUNT(*) FROM entities e WHERE e.doc_id = d.doc_id),
                    (SELECT COUNT(*) FROM events v WHERE v.doc_id = d.doc_id)
             FROM documents d ORDER BY d.doc_id",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn sigkill_at_random_points_never_loses_duplicates_or_halves_a_document() {
    let seed = std::env::var("DYAD_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_d1ad);
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("docs.jsonl");
    corpus(&input, &mut rng);

    let reference = dir.path().join("reference.db");
    assert!(ingest(&input, &reference).status().unwrap().success());
    let expected = snapshot(&reference);
    assert_eq!(expected.len(), DOCS);
    assert!(expected.iter().map(|r| r.3).sum::<i64>() > 0, "the corpus has events");

    let db = dir.path().join("dyad.db");
    let stored_now = |db: &Path| Store::open_read_only(db).and_then(|s| s.counts()).map_or(0, |c| c.documents as usize);
    let mut mid_run = 0;
    let mut stored_after_kills = Vec::new();
    for k in 0..KILLS {
        // kill once the store holds a random number of documents (polled on a second,
        // read-only connection), so the kill lands mid-ingest whatever the machine's
        // speed; a target equal to what is stored kills during start-up
        let before = stored_after_kills.last().copied().unwrap_or(0);
        // spread the targets over what is left, so that most kills find work to interrupt
        let step = 2 * (DOCS - before) / (KILLS - k + 1);
        let target = before + rng.below(step.max(1) as u64) as usize;
        let mut child = ingest(&input, &db).spawn().unwrap();
        let mut finished = false;
        while !finished && stored_now(&db) < target {
            std::thread::sleep(Duration::from_millis(1));
            finished = child.try_wait().unwrap().is_some();
        }
        let _ = child.kill(); // SIGKILL on Unix; an error only means it had already exited
        child.wait().unwrap();
        let now = snapshot(&db);
        if !finished && now.len() < DOCS {
            mid_run += 1;
        }
        // what is stored is stored whole: each document exactly as in the reference
        for row in &now {
            assert!(expected.binary_search(row).is_ok(), "document differs from the reference: {row:?}");
        }
        stored_after_kills.push(now.len());
    }
    assert!(ingest(&input, &db).status().unwrap().success());
    assert_eq!(snapshot(&db), expected, "every document exactly once, row for row");
    eprintln!(
        "crash test: seed {seed:#x}, {KILLS} SIGKILLs ({mid_run} mid-ingest), documents stored after each: {stored_after_kills:?}"
    );
    assert!(mid_run > 0, "at least one kill landed while ingesting");
}

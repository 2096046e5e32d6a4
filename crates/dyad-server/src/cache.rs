//! A bounded cache of API responses, valid for one version of the store.
//!
//! The server only reads, but `dyad ingest` may write to the same store while it runs.
//! SQLite's `PRAGMA data_version` on one connection changes whenever any other connection
//! commits; each entry keeps the version seen before its query ran and is served only while
//! the version is still that one, so an answer is never older than the store it came from.
//! A dashboard asks the same few questions over and over (the default event list, the
//! timeline, the network); those are answered from memory, everything else goes to the store.

use axum::body::Bytes;
use dyad_store::Store;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

pub(crate) struct ResponseCache {
    /// A connection used only to read the store's version.
    monitor: Mutex<Store>,
    inner: Mutex<Entries>,
    budget: usize,
}

#[derive(Default)]
struct Entries {
    version: i64,
    bytes: usize,
    map: HashMap<String, Bytes>,
    /// Keys oldest first, for eviction.
    order: VecDeque<String>,
}

impl ResponseCache {
    /// A cache holding at most `budget` bytes of response bodies.
    pub(crate) fn new(monitor: Store, budget: usize) -> ResponseCache {
        ResponseCache { monitor: Mutex::new(monitor), inner: Mutex::new(Entries::default()), budget }
    }

    /// The store's version now, or `None` when it cannot be read (then nothing is cached).
    pub(crate) fn version(&self) -> Option<i64> {
        self.monitor.lock().ok()?.data_version().ok()
    }

    /// The body stored for `key` at `version`; a newer version empties the cache.
    pub(crate) fn get(&self, key: &str, version: i64) -> Option<Bytes> {
        let mut e = self.inner.lock().ok()?;
        e.move_to(version);
        (e.version == version).then(|| e.map.get(key).cloned()).flatten()
    }

    /// Keep `body` for `key`, if it was computed at the current version and fits.
    pub(crate) fn put(&self, key: String, version: i64, body: Bytes) {
        // one answer may take at most an eighth of the budget
        if body.len() > self.budget / 8 {
            return;
        }
        let Ok(mut e) = self.inner.lock() else { return };
        e.move_to(version);
        if e.version != version || e.map.contains_key(&key) {
            return;
        }
        while e.bytes + body.len() > self.budget {
            let Some(old) = e.order.pop_front() else { break };
            if let Some(b) = e.map.remove(&old) {
                e.bytes -= b.len();
            }
        }
        e.bytes += body.len();
        e.order.push_back(key.clone());
        e.map.insert(key, body);
    }
}

impl Entries {
    /// Forget everything when `version` is newer than the entries' (the monitor's
    /// `data_version` only grows); an older one changes nothing and matches nothing.
    fn move_to(&mut self, version: i64) {
        if version > self.version {
            *self = Entries { version, ..Entries::default() };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(budget: usize) -> (tempfile::TempDir, std::path::PathBuf, ResponseCache) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dyad.db");
        drop(Store::open(&db).unwrap());
        let c = ResponseCache::new(Store::open_read_only(&db).unwrap(), budget);
        (dir, db, c)
    }

    #[test]
    fn a_commit_by_another_connection_ends_every_entry() {
        let (_dir, db, c) = cache(1 << 20);
        let v = c.version().unwrap();
        c.put("/api/events".into(), v, Bytes::from_static(b"[1]"));
        assert_eq!(c.get("/api/events", v).as_deref(), Some(&b"[1]"[..]));
        assert_eq!(c.version(), Some(v), "reading changes nothing");

        let mut writer = Store::open(&db).unwrap();
        writer.begin_run("test").unwrap();
        let v2 = c.version().unwrap();
        assert_ne!(v2, v, "the commit is seen");
        assert_eq!(c.get("/api/events", v2), None);
        // an answer computed before the commit is not kept after it
        c.put("/api/events".into(), v, Bytes::from_static(b"[1]"));
        assert_eq!(c.get("/api/events", v2), None);
    }

    #[test]
    fn the_oldest_entries_make_room_and_big_answers_are_not_kept() {
        let (_dir, _db, c) = cache(80);
        let v = c.version().unwrap();
        for k in 0..10 {
            c.put(format!("/k{k}"), v, Bytes::from(vec![b'x'; 10]));
        }
        assert_eq!(c.get("/k0", v), None, "evicted");
        assert!(c.get("/k9", v).is_some() && c.get("/k2", v).is_some());
        c.put("/big".into(), v, Bytes::from(vec![b'x'; 11]));
        assert_eq!(c.get("/big", v), None, "over an eighth of the budget");
    }
}

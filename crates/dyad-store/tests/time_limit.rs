//! The query time limit the server puts on its connections.

use dyad_store::{Store, StoreError};
use std::time::Duration;

const SLOW: &str =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT COUNT(*) FROM n";

#[test]
fn a_query_past_its_time_limit_is_interrupted_and_the_connection_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    drop(Store::open(&db).unwrap());
    let mut store = Store::open_read_only(&db).unwrap();

    store.set_time_limit(Some(Duration::ZERO)).unwrap();
    let err: StoreError = store.connection().query_row(SLOW, [], |r| r.get::<_, i64>(0)).unwrap_err().into();
    assert!(err.is_interrupted(), "{err}");

    store.set_time_limit(None).unwrap();
    let n: i64 = store.connection().query_row(SLOW, [], |r| r.get(0)).unwrap();
    assert_eq!(n, 5_000_000);
    let other: StoreError = rusqlite::Error::QueryReturnedNoRows.into();
    assert!(!other.is_interrupted());
}

//! The access report, and erasure on a copy of the book (secure delete on).

use std::path::{Path, PathBuf};
use std::time::Instant;

use consentbook::domain::demo::scale::{LONG_HISTORY_AT, LONG_HISTORY_EVENTS};
use consentbook::store::{Erasure, ErasureReason, ReportTarget, Store};
use rusqlite::Connection;

use super::stats::Samples;

/// The access report of a contact with 100 consent events.
pub fn access_report(path: &Path) {
    let store = Store::open(path).expect("open");
    // Contacts are generated in order: index i has id i + 1.
    let id = (LONG_HISTORY_AT + 1) as i64;
    let events = store.consent_history(id).expect("history").len();
    assert_eq!(events, LONG_HISTORY_EVENTS, "the long-history contact");
    let mut s = Samples::default();
    for _ in 0..30 {
        s.time(|| {
            store
                .access_report(&ReportTarget::Contact(id), None, None)
                .expect("report")
        });
    }
    s.report("access report, contact with 100 consent events", "<= 50 ms");
}

fn copy_book(path: &Path) -> PathBuf {
    let copy = path.with_extension("erase-copy.db");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", copy.display()));
    }
    // Checkpoint first so the file alone is the whole book.
    let conn = Connection::open(path).expect("raw open");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    std::fs::copy(path, &copy).expect("copy");
    copy
}

fn remove_book(path: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
}

/// Erase single people, then every contact of a 100 000-contact source.
pub fn erasure(path: &Path) {
    let copy = copy_book(path);
    let mut store = Store::open(&copy).expect("open copy");
    let (_, _, secure) = store.pragmas().expect("pragmas");
    println!("erasure on a copy; secure_delete = {secure}");
    let how = Erasure::new(ErasureReason::Request, true);
    let mut one = Samples::default();
    for k in 0..20i64 {
        let id = 2_000 + k * 7_919;
        one.time(|| store.erase_contact(id, &how).expect("erase one"));
    }
    one.report("erase one person (incl. WAL checkpoint)", "<= 20 ms");
    // The extra source closest to 100 000 contacts.
    let conn = Connection::open(&copy).expect("raw open");
    let (source, n): (i64, i64) = conn
        .query_row(
            "SELECT source_id, count(DISTINCT contact_id) AS n FROM contact_sources
             GROUP BY source_id ORDER BY abs(n - 100000) LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("source");
    let ids: Vec<i64> = conn
        .prepare("SELECT DISTINCT contact_id FROM contact_sources WHERE source_id = ?1")
        .expect("prepare")
        .query_map([source], |r| r.get(0))
        .expect("ids")
        .collect::<Result<_, _>>()
        .expect("ids");
    drop(conn);
    let t = Instant::now();
    let out = store
        .erase_contacts(&ids, &how, None)
        .expect("erase source");
    let d = t.elapsed();
    println!(
        "{:<58} {:>9.0} ms  (once: {n} contacts, {} events anonymised, WAL truncated {})  target <= 3 s",
        "erase every contact of a source",
        d.as_secs_f64() * 1000.0,
        out.events_anonymised,
        out.wal_truncated
    );
    drop(store);
    remove_book(&copy);
}

//! Issue 8: the generated book, keyset pagination, big-book prefix search and
//! the kept "mailable for" answer, on real SQLite files.

use std::path::{Path, PathBuf};
use std::process::Command;

use consentbook::domain::demo::scale::{BookSpec, LONG_HISTORY_EVENTS};
use consentbook::store::{ContactQuery, ContactRow, SUBSTRING_SEARCH_MAX, Store, StoreError};

fn temp_book() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    (dir, path)
}

fn generated(path: &Path, contacts: usize, sources: usize, seed: u64) -> Store {
    let mut store = Store::open(path).unwrap();
    let spec = BookSpec {
        contacts,
        sources,
        seed,
    };
    let sum = store.generate_book(&spec, None).unwrap();
    assert_eq!(sum.contacts, contacts as u64);
    assert_eq!(sum.sources, sources as u64);
    store
}

/// Every row of the table for `q`, by offset pages.
fn all_by_offset(store: &Store, q: &ContactQuery) -> Vec<ContactRow> {
    let mut out = Vec::new();
    loop {
        let page = store.contact_page(q, out.len() as u64, 97).unwrap();
        let done = page.len() < 97;
        out.extend(page);
        if done {
            return out;
        }
    }
}

/// Every row of the table for `q`, by keyset pages.
fn all_by_key(store: &Store, q: &ContactQuery) -> Vec<ContactRow> {
    let mut out = store.contact_page(q, 0, 97).unwrap();
    loop {
        let Some(last) = out.last() else { return out };
        let page = store.contact_page_after(q, &last.key, 97).unwrap();
        if page.is_empty() {
            return out;
        }
        out.extend(page);
    }
}

#[test]
fn generated_book_is_deterministic_fake_and_complete() {
    let (_d, a) = temp_book();
    let (_e, b) = temp_book();
    let sa = generated(&a, 1_200, 9, 7);
    let sb = generated(&b, 1_200, 9, 7);
    let q = ContactQuery::default();
    let ra = sa.contact_page(&q, 0, 1_200).unwrap();
    let rb = sb.contact_page(&q, 0, 1_200).unwrap();
    assert_eq!(ra.len(), 1_200);
    assert_eq!(ra, rb, "same seed, same book");
    for r in &ra {
        let domain = r.email.rsplit('@').next().unwrap();
        assert!(
            domain.ends_with("example.com")
                || domain.ends_with("example.org")
                || domain.ends_with("example.net"),
            "fake e-mail only"
        );
    }
    let sources = sa.sources().unwrap();
    assert_eq!(sources.len(), 9);
    let linked: u64 = sources.iter().map(|s| s.contacts).sum();
    assert!(linked > 1_200, "several sources per contact: {linked}");
    // Index 9 has the long consent history.
    assert_eq!(sa.consent_history(10).unwrap().len(), LONG_HISTORY_EVENTS);
    assert!(!sa.requests(true).unwrap().is_empty(), "requests generated");
    let (_f, c) = temp_book();
    let sc = generated(&c, 1_200, 9, 8);
    assert_ne!(sc.contact_page(&q, 0, 50).unwrap(), ra[..50].to_vec());
}

#[test]
fn generating_into_a_filled_book_is_refused() {
    let (_d, path) = temp_book();
    let mut store = generated(&path, 50, 6, 1);
    let spec = BookSpec {
        contacts: 10,
        sources: 6,
        seed: 1,
    };
    assert!(matches!(
        store.generate_book(&spec, None),
        Err(StoreError::NotEmpty)
    ));
}

#[test]
fn keyset_pages_equal_offset_pages() {
    let (_d, path) = temp_book();
    let store = generated(&path, 700, 8, 3);
    for q in [
        ContactQuery::default(),
        ContactQuery {
            text: "an".into(),
            ..Default::default()
        },
        ContactQuery {
            source: Some(2),
            ..Default::default()
        },
    ] {
        let by_offset = all_by_offset(&store, &q);
        assert!(!by_offset.is_empty());
        assert_eq!(by_offset.len() as u64, store.count_contacts(&q).unwrap());
        assert_eq!(all_by_key(&store, &q), by_offset, "query {q:?}");
    }
}

/// Makes the book "big" for search by moving the last contact's id past the
/// substring limit (ids are what `is_big_book` looks at).
fn make_big(path: &Path, store: Store) -> Store {
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    let (old, new) = (
        conn.query_row("SELECT max(id) FROM contacts", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        SUBSTRING_SEARCH_MAX + 10,
    );
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF;
         UPDATE contacts SET id = {new} WHERE id = {old};
         UPDATE contact_sources SET contact_id = {new} WHERE contact_id = {old};
         UPDATE contact_purposes SET contact_id = {new} WHERE contact_id = {old};"
    ))
    .unwrap();
    drop(conn);
    Store::open(path).unwrap()
}

fn starts(hay: &str, prefix: &str) -> bool {
    // NOCASE folds ASCII letters only, as SQLite does.
    hay.len() >= prefix.len()
        && hay.is_char_boundary(prefix.len())
        && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[test]
fn big_books_search_by_prefix_exactly() {
    let (_d, path) = temp_book();
    let store = generated(&path, 4_500, 8, 11);
    let before = store
        .contact_page(
            &ContactQuery {
                text: "ller".into(),
                ..Default::default()
            },
            0,
            10,
        )
        .unwrap();
    assert!(!before.is_empty(), "small books match inside words");
    let store = make_big(&path, store);
    assert!(store.is_big_book().unwrap());
    let everyone = all_by_offset(&store, &ContactQuery::default());
    let members: std::collections::HashSet<i64> = all_by_offset(
        &store,
        &ContactQuery {
            source: Some(2),
            ..Default::default()
        },
    )
    .iter()
    .map(|r| r.id)
    .collect();
    assert!(members.len() > 100 && members.len() < everyone.len());
    let sample = &everyone[1_234];
    let mut prefixes = vec![
        "a".to_owned(),
        "M".into(),
        "ller".into(),
        "zz-nobody".into(),
    ];
    for n in [2, 4, 7] {
        for w in [
            &sample.key.last_name,
            &sample.name,
            &sample.company,
            &sample.email,
        ] {
            let p: String = w.chars().take(n).collect();
            if !p.is_empty() {
                prefixes.push(p);
            }
        }
    }
    for p in prefixes {
        let lower = p.to_lowercase();
        let expected: Vec<_> = everyone
            .iter()
            .filter(|r| {
                starts(&r.key.last_name, &p)
                    || starts(&r.name, &p)
                    || starts(&r.company, &p)
                    || r.email.to_lowercase().starts_with(&lower)
            })
            .map(|r| r.id)
            .collect();
        let q = ContactQuery {
            text: p.clone(),
            ..Default::default()
        };
        let got: Vec<_> = all_by_offset(&store, &q).iter().map(|r| r.id).collect();
        assert_eq!(got, expected, "prefix {p:?}");
        let first: Vec<_> = store
            .contact_page(&q, 0, 100)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(
            first,
            expected[..expected.len().min(100)],
            "first page {p:?}"
        );
        assert_eq!(store.count_contacts(&q).unwrap(), expected.len() as u64);
        let keyed: Vec<_> = all_by_key(&store, &q).iter().map(|r| r.id).collect();
        assert_eq!(keyed, expected, "keyset {p:?}");
        // With a source filter too: every way of reading applies it.
        let q = ContactQuery {
            source: Some(2),
            ..q
        };
        let filtered: Vec<_> = expected
            .iter()
            .copied()
            .filter(|id| members.contains(id))
            .collect();
        let got: Vec<_> = all_by_key(&store, &q).iter().map(|r| r.id).collect();
        assert_eq!(got, filtered, "source filter {p:?}");
    }
}

#[test]
fn kept_mailable_answer_follows_changes() {
    let (_d, path) = temp_book();
    let mut store = generated(&path, 600, 8, 5);
    let q = ContactQuery {
        mailable_for: Some("newsletter".into()),
        ..Default::default()
    };
    let bulk = |s: &Store| -> Vec<i64> {
        let mut ids: Vec<i64> = all_by_offset(s, &q).iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids
    };
    let kept = bulk(&store);
    assert_eq!(kept, store.mailable_contacts("newsletter", None).unwrap());
    assert_eq!(store.count_contacts(&q).unwrap(), kept.len() as u64);
    // A withdrawal, an erasure and a new suppression entry change it.
    let withdrawn = kept[0];
    let draft = consentbook::domain::ConsentEventDraft::new(
        "newsletter",
        consentbook::domain::Channel::Email,
        consentbook::domain::ConsentEventKind::Withdrawn,
        chrono::Utc::now(),
    );
    store.record_consent(withdrawn, &draft).unwrap();
    let erased = kept[1];
    store
        .erase_contact(
            erased,
            &consentbook::store::Erasure::new(consentbook::store::ErasureReason::Request, true),
        )
        .unwrap();
    let after = bulk(&store);
    assert!(!after.contains(&withdrawn) && !after.contains(&erased));
    assert_eq!(after, store.mailable_contacts("newsletter", None).unwrap());
    assert_eq!(store.count_contacts(&q).unwrap(), after.len() as u64);
}

fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_consentbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_dev_generate() {
    let (_d, path) = temp_book();
    let out = cli(
        &path,
        &[
            "dev",
            "generate",
            "--contacts",
            "300",
            "--sources",
            "8",
            "--seed",
            "42",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["contacts"], 300);
    assert_eq!(v["sources"], 8);
    assert!(v["consent_events"].as_u64().unwrap() > 300);
    assert!(v["suppression"].as_u64().unwrap() >= 1);
    let again = cli(&path, &["dev", "generate", "--contacts", "10"]);
    assert_eq!(again.status.code(), Some(1), "a filled book is refused");
    let (_e, other) = temp_book();
    let bad = cli(
        &other,
        &["dev", "generate", "--contacts", "10", "--sources", "0"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--sources"));
}

/// The kept per-source counts equal counting the links, through changes.
#[test]
fn source_counts_follow_links() {
    let (_d, path) = temp_book();
    let mut store = generated(&path, 800, 9, 13);
    let check = |store: &Store| {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for s in store.sources().unwrap() {
            let n: i64 = conn
                .query_row(
                    "SELECT count(DISTINCT contact_id) FROM contact_sources WHERE source_id = ?1",
                    [s.source.id],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(s.contacts, n as u64, "source {}", s.source.id);
        }
    };
    check(&store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    // A second link of the same contact to the same source (a re-import) and a moved link.
    conn.execute_batch(
        "INSERT INTO contact_sources (contact_id, source_id, first_seen_at)
            SELECT contact_id, source_id, first_seen_at FROM contact_sources WHERE id = 1;
         UPDATE contact_sources SET source_id = 7 WHERE id = 5;",
    )
    .unwrap();
    drop(conn);
    check(&store);
    let how = consentbook::store::Erasure::new(consentbook::store::ErasureReason::Request, true);
    store.erase_contacts(&[1, 2, 3, 400], &how, None).unwrap();
    check(&store);
}

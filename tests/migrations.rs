//! Migrations (issue 7, item 6): a fixture book for every released schema
//! version (`tests/fixtures/migrations/vN.sqlite`) opens, upgrades to the
//! current `SCHEMA_VERSION` and keeps every row as it was.
//!
//! The fixtures are made by running only the first N migration files of
//! `src/store/migrations/` and then the fake rows of
//! `tests/fixtures/migrations/seed/000K.sql` for K ≤ N, plus an audit chain.
//! Regenerate them (only ever for a NEW released version, never rewrite an
//! old one) with:
//!
//! ```sh
//! CB_FIXTURE_VERSIONS=1,2,3,4,5,6,7,8 cargo test --test migrations -- --ignored make_migration_fixtures
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use consentbook::domain::audit::{GENESIS_HASH, chain_hash};
use consentbook::store::{AuditCheck, ContactQuery, NewContact, SCHEMA_VERSION, Store};
use rusqlite::Connection;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/migrations")
}

/// `NNNN_name.sql` files of a folder, by number.
fn numbered_sql(dir: &Path) -> Vec<(i64, PathBuf)> {
    let mut out: Vec<(i64, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            Some((name.get(..4)?.parse().ok()?, p))
        })
        .collect();
    out.sort();
    out
}

/// The fixture files, by the version in their name (`v3.sqlite`).
fn fixture_files() -> Vec<(i64, PathBuf)> {
    let mut out: Vec<(i64, PathBuf)> = std::fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            let v = name
                .strip_prefix('v')?
                .strip_suffix(".sqlite")?
                .parse()
                .ok()?;
            Some((v, p))
        })
        .collect();
    out.sort();
    out
}

fn append_audit(
    c: &Connection,
    id: i64,
    prev: &str,
    action: &str,
    entity: &str,
    eid: &str,
) -> String {
    let at = format!("2025-12-0{id}T00:00:00Z");
    let details = r#"{"fixture":true}"#;
    let hash = chain_hash(prev, id, &at, action, entity, eid, details);
    c.execute(
        "INSERT INTO audit_log (id, at, action, entity, entity_id, details, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![id, at, action, entity, eid, details, prev, hash],
    )
    .unwrap();
    hash
}

fn make_fixture(version: i64, target: &Path) {
    let _ = std::fs::remove_file(target);
    let mut c = Connection::open(target).unwrap();
    // Small pages keep the committed files small.
    c.pragma_update(None, "page_size", 512).unwrap();
    for (v, file) in numbered_sql(&root().join("src/store/migrations")) {
        if v > version {
            break;
        }
        let tx = c.transaction().unwrap();
        tx.execute_batch(&std::fs::read_to_string(file).unwrap())
            .unwrap();
        tx.pragma_update(None, "user_version", v).unwrap();
        tx.commit().unwrap();
    }
    for (v, file) in numbered_sql(&fixtures().join("seed")) {
        if v <= version {
            c.execute_batch(&std::fs::read_to_string(file).unwrap())
                .unwrap();
        }
    }
    let h = append_audit(&c, 1, GENESIS_HASH, "contact.created", "contact", "1");
    let h = append_audit(&c, 2, &h, "import.committed", "import_batch", "1");
    append_audit(&c, 3, &h, "settings.changed", "settings", "company");
    c.execute_batch("VACUUM").unwrap();
}

/// Writes the fixtures of the versions in `CB_FIXTURE_VERSIONS` (e.g. `7`).
#[test]
#[ignore = "writes tests/fixtures/migrations; run by hand for a new released version"]
fn make_migration_fixtures() {
    let versions = std::env::var("CB_FIXTURE_VERSIONS").unwrap_or_default();
    for v in versions
        .split(',')
        .filter_map(|v| v.trim().parse::<i64>().ok())
    {
        make_fixture(v, &fixtures().join(format!("v{v}.sqlite")));
    }
}

/// Every row of every table, as text, as a sorted list per table.
fn snapshot(c: &Connection) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let cols: Vec<String> = c
                .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let rows = rows_of(c, &t, &cols);
            (t, (cols, rows))
        })
        .collect()
}

fn rows_of(c: &Connection, table: &str, cols: &[String]) -> Vec<String> {
    let list = cols
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = c
        .prepare(&format!("SELECT {list} FROM \"{table}\""))
        .unwrap();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| {
            let vals: Vec<rusqlite::types::Value> = (0..cols.len())
                .map(|i| r.get(i))
                .collect::<Result<_, _>>()?;
            Ok(format!("{vals:?}"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.sort();
    rows
}

/// Whether every row of `old` is in `new` (as many times).
fn contains_all(new: &[String], old: &[String]) -> bool {
    let mut left = new.to_vec();
    old.iter()
        .all(|row| match left.iter().position(|r| r == row) {
            Some(i) => {
                left.swap_remove(i);
                true
            }
            None => false,
        })
}

#[test]
fn there_is_a_fixture_for_every_released_version() {
    let found: Vec<i64> = fixture_files().into_iter().map(|(v, _)| v).collect();
    // Versions 1..=6 were released before these fixtures; each later version
    // adds its own (see the module's doc). The newest may be unreleased.
    let expected: Vec<i64> = (1..=6).collect();
    assert!(
        expected.iter().all(|v| found.contains(v)),
        "fixtures {found:?}"
    );
    assert!(found.iter().all(|v| *v <= SCHEMA_VERSION), "{found:?}");
}

#[test]
fn every_released_schema_upgrades_with_every_row_intact() {
    let files = fixture_files();
    assert!(files.len() >= 6);
    for (version, fixture) in files {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("old.sqlite");
        std::fs::copy(&fixture, &db).unwrap();
        let before = {
            let c = Connection::open(&db).unwrap();
            let v: i64 = c
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(v, version, "{fixture:?}");
            snapshot(&c)
        };
        assert!(before["contacts"].1.len() == 3, "v{version}: seeded");

        let mut store = Store::open(&db).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "v{version}"
        );
        assert_eq!(store.integrity_check().unwrap(), "ok", "v{version}");
        assert_eq!(
            store.verify_audit().unwrap(),
            AuditCheck::Intact { entries: 3 },
            "v{version}"
        );
        // The data read back through the store, as the app sees it.
        assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 3);
        let mia = store.contact_detail(1).unwrap();
        assert_eq!(mia.contact.fields.email, "mia.migration@example.com");
        assert_eq!(mia.contact.fields.city, "Berlin");
        assert_eq!(mia.sources[0].source.fields.name, "Trade fair 2025");
        let lars = store.contact_detail(2).unwrap();
        assert_eq!(lars.sources[0].batch_id, Some(1));
        assert_eq!(
            lars.sources[0].raw_row.as_deref(),
            Some(r#"{"email":"lars.liste@example.org"}"#)
        );
        assert_eq!(store.consent_history(2).unwrap().len(), 1);
        assert_eq!(
            store.settings().unwrap().controller.company,
            "Beispiel Migration GmbH"
        );
        assert_eq!(
            hex::encode(store.secret()),
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            "v{version}: the book's secret (and with it every keyed hash) is kept"
        );

        // Every row of every old table is still there, unchanged.
        let c = Connection::open(&db).unwrap();
        for (table, (cols, rows)) in &before {
            let now = rows_of(&c, table, cols);
            assert!(
                contains_all(&now, rows),
                "v{version}: rows of {table} changed:\nbefore {rows:#?}\nafter {now:#?}"
            );
            if !matches!(table.as_str(), "settings" | "register_meta") {
                assert_eq!(now.len(), rows.len(), "v{version}: rows of {table}");
            }
        }
        drop(c);

        // And the upgraded book works: a new contact is added and audited.
        let id = store
            .add_contact(&NewContact {
                fields: consentbook::domain::ContactFields {
                    email: "after.upgrade@example.com".into(),
                    ..Default::default()
                },
                ..Default::default()
            })
            .unwrap();
        assert!(id > 3);
        assert!(matches!(
            store.verify_audit().unwrap(),
            AuditCheck::Intact { entries } if entries > 3
        ));
    }
}

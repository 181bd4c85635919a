//! The store on real SQLite files in temporary directories.

use chrono::{TimeZone, Utc};
use consentbook::domain::demo::demo_book;
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ConsentMethod, ContactFields, ContactStatus,
    Field, FieldError, LegalBasis, SettingKey, SourceFields, SourceKind,
};
use consentbook::store::{AuditCheck, ContactQuery, NewContact, SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;

fn temp_book() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    (dir, path)
}

fn anna() -> ContactFields {
    ContactFields {
        first_name: "Anna".into(),
        last_name: "Muster".into(),
        email: "Anna.Muster@Example.com".into(),
        company: "Beispiel AG".into(),
        ..Default::default()
    }
}

fn add(store: &mut Store, fields: ContactFields) -> i64 {
    store
        .add_contact(&NewContact {
            fields,
            ..Default::default()
        })
        .unwrap()
}

#[test]
fn opening_sets_wal_foreign_keys_and_secure_delete() {
    let (_d, path) = temp_book();
    let store = Store::open(&path).unwrap();
    let (journal, fk, secure) = store.pragmas().unwrap();
    assert_eq!(journal, "wal");
    assert!(fk);
    assert!(secure);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn migrations_run_twice_safely_and_keep_data() {
    let (_d, path) = temp_book();
    let secret = {
        let mut store = Store::open(&path).unwrap();
        add(&mut store, anna());
        store.secret().to_vec()
    };
    for _ in 0..2 {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 1);
        assert_eq!(
            store.secret(),
            secret.as_slice(),
            "the secret must survive reopening"
        );
    }
    assert_eq!(secret.len(), 32);
    // the seeded purposes exist exactly once
    let store = Store::open(&path).unwrap();
    let keys: Vec<String> = store
        .purposes()
        .unwrap()
        .into_iter()
        .map(|p| p.key)
        .collect();
    assert_eq!(keys, ["customer-management", "newsletter", "prospecting"]);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let (_d, path) = temp_book();
    drop(Store::open(&path).unwrap());
    {
        let raw = Connection::open(&path).unwrap();
        raw.pragma_update(None, "journal_mode", "DELETE").unwrap();
        raw.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!(found, SCHEMA_VERSION + 5);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file must not change"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let (_d, path) = temp_book();
    std::fs::write(
        &path,
        b"this is a text file, not a database, and it is long enough to matter",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    // Without a passphrase it cannot be told apart from an encrypted book.
    assert!(matches!(Store::open(&path), Err(StoreError::Encrypted)));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn given(purpose: &str) -> ConsentEventDraft {
    let mut d = ConsentEventDraft::new(
        purpose,
        Channel::Email,
        ConsentEventKind::Given,
        Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap(),
    );
    d.method = ConsentMethod::WebForm;
    d.wording = Some("Yes, send me the newsletter.".into());
    d.ip = Some("203.0.113.7".into());
    d
}

#[test]
fn consent_events_cannot_be_updated_or_deleted() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna());
    let ev = store.record_consent(id, &given("newsletter")).unwrap();
    let raw = Connection::open(&path).unwrap();
    let upd = raw.execute(
        "UPDATE consent_events SET kind = 'withdrawn' WHERE id = ?1",
        [ev],
    );
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    let del = raw.execute("DELETE FROM consent_events WHERE id = ?1", [ev]);
    assert!(del.unwrap_err().to_string().contains("append-only"));
    // deleting the contact directly is refused too (its events reference it)
    assert!(raw.execute("PRAGMA foreign_keys = ON", []).is_ok());
    assert!(
        raw.execute("DELETE FROM contacts WHERE id = ?1", [id])
            .is_err()
    );
    let history = store.consent_history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, ConsentEventKind::Given);
}

#[test]
fn recording_consent_keeps_wording_hash_and_sets_the_basis() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna());
    store.record_consent(id, &given("newsletter")).unwrap();
    store.record_consent(id, &given("newsletter")).unwrap();
    let detail = store.contact_detail(id).unwrap();
    assert_eq!(detail.events.len(), 2);
    let e = &detail.events[0];
    assert_eq!(e.wording.as_deref(), Some("Yes, send me the newsletter."));
    assert_eq!(
        e.wording_sha256.as_deref(),
        Some(consentbook::domain::consent::wording_hash("Yes, send me the newsletter.").as_str())
    );
    assert_eq!(e.ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(detail.status, ContactStatus::Consented);
    let bases: Vec<_> = detail
        .bases
        .iter()
        .map(|(p, b)| (p.key.as_str(), *b))
        .collect();
    assert_eq!(bases, [("newsletter", LegalBasis::Consent)]);
    // one wording version for identical texts
    let raw = Connection::open(&path).unwrap();
    let n: i64 = raw
        .query_row("SELECT count(*) FROM wordings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // a withdrawal changes the status
    let mut w = given("newsletter");
    w.kind = ConsentEventKind::Withdrawn;
    w.at = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    store.record_consent(id, &w).unwrap();
    assert_eq!(
        store.contact_detail(id).unwrap().status,
        ContactStatus::Withdrawn
    );
}

#[test]
fn an_edited_audit_row_breaks_the_chain_at_that_row() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna());
    store.record_consent(id, &given("newsletter")).unwrap();
    store
        .set_setting(SettingKey::Company, "Beispiel GmbH")
        .unwrap();
    let n = match store.verify_audit().unwrap() {
        AuditCheck::Intact { entries } => entries,
        other => panic!("{other:?}"),
    };
    assert!(n >= 4, "{n}");
    let raw = Connection::open(&path).unwrap();
    // the log refuses edits outright …
    assert!(
        raw.execute("UPDATE audit_log SET details = '{}' WHERE id = 2", [])
            .is_err()
    );
    // … and someone who removes the guard still cannot hide an edit
    raw.execute_batch("DROP TRIGGER audit_log_append_only_update")
        .unwrap();
    raw.execute(
        "UPDATE audit_log SET action = 'nothing.happened' WHERE id = 2",
        [],
    )
    .unwrap();
    match store.verify_audit().unwrap() {
        AuditCheck::Broken(b) => assert_eq!(b.id, 2),
        other => panic!("expected a break, got {other:?}"),
    }
}

#[test]
fn adding_validates_dedupes_and_links_the_manual_source() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let mut bad = anna();
    bad.email = "anna(at)example.com".into();
    match store.add_contact(&NewContact {
        fields: bad,
        ..Default::default()
    }) {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e.get(Field::Email), Some(FieldError::InvalidEmail))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 0);

    let id = store
        .add_contact(&NewContact {
            fields: anna(),
            source: None,
            basis: Some(("prospecting".into(), LegalBasis::LegitimateInterest)),
        })
        .unwrap();
    let d = store.contact_detail(id).unwrap();
    assert_eq!(d.sources.len(), 1);
    assert_eq!(d.sources[0].source.fields.kind, SourceKind::Manual);
    assert_eq!(d.bases[0].1, LegalBasis::LegitimateInterest);

    let mut same = anna();
    same.email = "  anna.muster@EXAMPLE.com ".into();
    assert!(matches!(
        store.add_contact(&NewContact {
            fields: same,
            ..Default::default()
        }),
        Err(StoreError::DuplicateEmail)
    ));
}

#[test]
fn suppressed_people_cannot_be_added() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    store
        .suppress_email("anna.muster@example.com", "erased", "all")
        .unwrap();
    assert!(
        store
            .is_email_suppressed("ANNA.MUSTER@example.com")
            .unwrap()
    );
    assert!(!store.is_email_suppressed("someone@example.com").unwrap());
    assert!(matches!(
        store.add_contact(&NewContact {
            fields: anna(),
            ..Default::default()
        }),
        Err(StoreError::Suppressed)
    ));
    // the list holds a keyed hash, not the address
    let raw = Connection::open(&path).unwrap();
    let hash: String = raw
        .query_row("SELECT hash FROM suppression", [], |r| r.get(0))
        .unwrap();
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("anna"));
}

#[test]
fn edits_are_audited_without_personal_data() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna());
    let mut f = anna();
    f.email = "anna.neu@example.org".into();
    f.city = "Köln".into();
    store.update_contact(id, &f).unwrap();
    assert_eq!(store.contact(id).unwrap().fields.city, "Köln");
    store.record_consent(id, &given("newsletter")).unwrap();
    store.delete_contact(id).unwrap();
    let entries = store.audit_for("contact", &id.to_string()).unwrap();
    let actions: Vec<_> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "contact.created",
            "contact.updated",
            "consent.recorded",
            "contact.deleted"
        ]
    );
    assert!(entries[1].details.contains("\"email\"") && entries[1].details.contains("\"city\""));
    let raw = Connection::open(&path).unwrap();
    let mut stmt = raw
        .prepare("SELECT action || entity || entity_id || details FROM audit_log")
        .unwrap();
    let all: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for text in all {
        let lower = text.to_lowercase();
        for needle in ["anna", "muster", "example", "köln", "beispiel"] {
            assert!(!lower.contains(needle), "audit row leaks {needle}: {text}");
        }
    }
}

#[test]
fn delete_removes_the_contact_and_its_history() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna());
    let other = add(
        &mut store,
        ContactFields {
            email: "b@example.org".into(),
            ..Default::default()
        },
    );
    store.record_consent(id, &given("newsletter")).unwrap();
    store.record_consent(other, &given("newsletter")).unwrap();
    store.delete_contact(id).unwrap();
    assert!(matches!(store.contact(id), Err(StoreError::NotFound(_))));
    let raw = Connection::open(&path).unwrap();
    let linked: i64 = raw
        .query_row(
            "SELECT count(*) FROM consent_events WHERE contact_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(linked, 1, "only the other contact's event stays linked");
    let anonymous: i64 = raw
        .query_row(
            "SELECT count(*) FROM consent_events WHERE contact_id IS NULL AND ip IS NULL AND evidence = ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        anonymous, 1,
        "the deleted contact's event stays only as anonymous proof"
    );
    let guard: i64 = raw
        .query_row("SELECT count(*) FROM erasure_guard", [], |r| r.get(0))
        .unwrap();
    assert_eq!(guard, 0, "the guard is lifted again");
    assert!(raw.execute("DELETE FROM consent_events", []).is_err());
}

#[test]
fn sources_with_counts_and_flags() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let mut list = SourceFields::new("Leads 2026", SourceKind::PurchasedList);
    assert!(
        matches!(store.create_source(&list), Err(StoreError::Invalid(_))),
        "a bought list needs its vendor"
    );
    list.vendor_name = "LeadsDirect Example GmbH".into();
    list.acquired_on = chrono::NaiveDate::from_ymd_opt(2026, 9, 15);
    list.claimed_basis = Some(LegalBasis::Consent);
    let sid = store.create_source(&list).unwrap();
    assert!(matches!(
        store.create_source(&list),
        Err(StoreError::DuplicateSourceName)
    ));
    for i in 0..3 {
        let fields = ContactFields {
            email: format!("p{i}@example.com"),
            ..Default::default()
        };
        store
            .add_contact(&NewContact {
                fields,
                source: Some(sid),
                basis: None,
            })
            .unwrap();
    }
    add(&mut store, anna());
    store.set_source_doubtful(sid, true).unwrap();
    let sources = store.sources().unwrap();
    let leads = sources.iter().find(|s| s.source.id == sid).unwrap();
    assert_eq!(leads.contacts, 3);
    assert!(leads.source.fields.doubtful);
    assert_eq!(leads.source.fields.vendor_name, "LeadsDirect Example GmbH");
    assert_eq!(
        store
            .count_contacts(&ContactQuery {
                text: String::new(),
                source: Some(sid),
                ..Default::default()
            })
            .unwrap(),
        3
    );
    let mut renamed = leads.source.fields.clone();
    renamed.name = "Leads (Sept 2026)".into();
    store.update_source(sid, &renamed).unwrap();
    assert_eq!(store.source(sid).unwrap().fields.name, "Leads (Sept 2026)");
}

#[test]
fn the_visible_page_is_searched_sorted_and_paged() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    for (first, last, company) in [
        ("Zoë", "Zimmer", "Acme"),
        ("Anna", "Adler", "Beispiel AG"),
        ("Ben", "Berg", "Beispiel AG"),
    ] {
        let email = format!("{}@example.com", last.to_lowercase());
        add(
            &mut store,
            ContactFields {
                first_name: first.into(),
                last_name: last.into(),
                company: company.into(),
                email,
                ..Default::default()
            },
        );
    }
    let all = store.contact_page(&ContactQuery::default(), 0, 10).unwrap();
    let names: Vec<_> = all.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Anna Adler", "Ben Berg", "Zoë Zimmer"]);
    assert_eq!(all[0].sources, ["Manual entry"]);
    let page2 = store.contact_page(&ContactQuery::default(), 1, 1).unwrap();
    assert_eq!(page2[0].name, "Ben Berg");
    let q = ContactQuery {
        text: "beispiel".into(),
        source: None,
        ..Default::default()
    };
    assert_eq!(store.count_contacts(&q).unwrap(), 2);
    let q = ContactQuery {
        text: "ben berg".into(),
        source: None,
        ..Default::default()
    };
    assert_eq!(store.contact_page(&q, 0, 10).unwrap()[0].name, "Ben Berg");
    let q = ContactQuery {
        text: "100%_".into(),
        source: None,
        ..Default::default()
    };
    assert_eq!(
        store.count_contacts(&q).unwrap(),
        0,
        "LIKE wildcards are literal"
    );
}

#[test]
fn settings_round_trip_and_are_validated() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    store
        .set_setting(SettingKey::Company, "Beispiel Consulting")
        .unwrap();
    store.set_setting(SettingKey::Jurisdiction, "FR").unwrap();
    assert!(matches!(
        store.set_setting(SettingKey::Website, "example"),
        Err(StoreError::Invalid(_))
    ));
    let mut s = store.settings().unwrap();
    assert_eq!(s.controller.company, "Beispiel Consulting");
    assert_eq!(s.jurisdiction, consentbook::domain::Jurisdiction::Fr);
    s.controller.address = "Musterstraße 1\n10115 Berlin".into();
    s.language = consentbook::domain::Language::De;
    store.save_settings(&s).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.settings().unwrap(), s);
}

#[test]
fn demo_data_fill_an_empty_book_only() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let n = store.load_demo(&demo_book()).unwrap();
    assert!(n >= 200);
    assert!(store.is_demo().unwrap());
    assert_eq!(
        store.count_contacts(&ContactQuery::default()).unwrap(),
        n as u64
    );
    let sources = store.sources().unwrap();
    assert!(sources.len() >= 4);
    assert!(
        sources
            .iter()
            .any(|s| s.source.fields.kind == SourceKind::PurchasedList && s.contacts > 0)
    );
    assert_eq!(
        store.settings().unwrap().controller.company,
        "Beispiel Consulting"
    );
    assert!(matches!(
        store.load_demo(&demo_book()),
        Err(StoreError::NotEmpty)
    ));
    assert!(matches!(
        store.verify_audit().unwrap(),
        AuditCheck::Intact { .. }
    ));
    // a bought-list contact keeps the row as received
    let bought = sources
        .iter()
        .find(|s| s.source.fields.kind == SourceKind::PurchasedList)
        .unwrap();
    let q = ContactQuery {
        text: String::new(),
        source: Some(bought.source.id),
        ..Default::default()
    };
    let row = &store.contact_page(&q, 0, 1).unwrap()[0];
    let d = store.contact_detail(row.id).unwrap();
    let link = d
        .sources
        .iter()
        .find(|l| l.source.id == bought.source.id)
        .unwrap();
    assert!(link.raw_row.as_deref().unwrap().contains("Opt-in-Datum"));
    assert!(!d.events.is_empty());
}

fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap_or_default();
    for ext in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        all.extend(std::fs::read(std::path::PathBuf::from(p)).unwrap_or_default());
    }
    all
}

#[test]
fn erasure_leaves_no_bytes_and_keeps_the_person_out() {
    use consentbook::store::{Erasure, ErasureReason};
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let mut f = anna();
    f.first_name = "Zacharias".into();
    f.last_name = "Quixotefield".into();
    f.email = "zacharias.quixotefield@example.org".into();
    f.phone = "+44 7700 900123".into();
    let id = add(&mut store, f.clone());
    let keep = add(
        &mut store,
        ContactFields {
            email: "keep@example.com".into(),
            ..Default::default()
        },
    );
    let mut ev = given("newsletter");
    ev.evidence = "Signed by Zacharias Quixotefield".into();
    store.record_consent(id, &ev).unwrap();
    assert!(contains_bytes(&file_bytes(&path), b"Quixotefield"));

    let out = store
        .erase_contact(id, &Erasure::new(ErasureReason::Request, true))
        .unwrap();
    assert_eq!(out.contacts, 1);
    assert_eq!(out.events_anonymised, 1);
    assert_eq!(out.suppression_entries, 2);
    assert!(out.wal_truncated);
    let bytes = file_bytes(&path);
    for needle in [
        "Quixotefield",
        "quixotefield",
        "Zacharias",
        "zacharias.quixotefield@example.org",
        "900123",
        "203.0.113.7",
    ] {
        assert!(
            !contains_bytes(&bytes, needle.as_bytes()),
            "{needle} is still in the files"
        );
    }
    // the other contact is untouched, the anonymous proof stays
    assert!(store.contact(keep).is_ok());
    let raw = Connection::open(&path).unwrap();
    let anon: i64 = raw
        .query_row(
            "SELECT count(*) FROM consent_events WHERE contact_id IS NULL AND ip IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(anon, 1);
    drop(raw);
    // the person cannot come back, by e-mail or by phone
    assert!(matches!(
        store.add_contact(&NewContact {
            fields: f.clone(),
            ..Default::default()
        }),
        Err(StoreError::Suppressed)
    ));
    let by_phone = ContactFields {
        phone: "07700 900123".into(),
        ..Default::default()
    };
    let mut by_phone_intl = by_phone.clone();
    by_phone_intl.phone = "+44 7700 900123".into();
    assert!(matches!(
        store.add_contact(&NewContact {
            fields: by_phone_intl,
            ..Default::default()
        }),
        Err(StoreError::Suppressed)
    ));
    let entries = store.audit_for("contact", &id.to_string()).unwrap();
    assert_eq!(entries.last().unwrap().action, "contact.erased");
}

#[test]
fn a_cancelled_bulk_erasure_changes_nothing() {
    use consentbook::domain::progress::Progress;
    use consentbook::store::{Erasure, ErasureReason};
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let ids: Vec<i64> = (0..5)
        .map(|i| {
            add(
                &mut store,
                ContactFields {
                    email: format!("p{i}@example.com"),
                    ..Default::default()
                },
            )
        })
        .collect();
    let p = Progress::new();
    p.cancel();
    let res = store.erase_contacts(
        &ids,
        &Erasure::new(ErasureReason::Retention, false),
        Some(&p),
    );
    assert!(matches!(res, Err(StoreError::Cancelled)));
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 5);
    let out = store
        .erase_contacts(
            &ids[..3],
            &Erasure::new(ErasureReason::Retention, false),
            None,
        )
        .unwrap();
    assert_eq!(out.contacts, 3);
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 2);
    assert!(!store.is_email_suppressed("p0@example.com").unwrap());
}

#[test]
fn restriction_is_set_and_lifted() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = add(&mut store, anna());
    store.set_restricted(id, true).unwrap();
    assert!(store.contact(id).unwrap().restricted_at.is_some());
    assert_eq!(
        store.contact_detail(id).unwrap().status,
        ContactStatus::Restricted
    );
    store.set_restricted(id, false).unwrap();
    assert!(store.contact(id).unwrap().restricted_at.is_none());
}

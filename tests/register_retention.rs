//! Retention and the breach log on real SQLite files.

use chrono::{Duration, TimeZone, Utc};
use consentbook::domain::demo::demo_book;
use consentbook::domain::register::breach::{AffectedScope, Breach, BreachType, Clock, RiskLevel};
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ContactFields, LegalBasis, SourceFields,
    SourceKind,
};
use consentbook::store::{AuditCheck, ContactQuery, NewContact, RetentionMode, Store, StoreError};
use rusqlite::Connection;

fn temp_book() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("retention.sqlite");
    (dir, path)
}

fn source(store: &mut Store, name: &str, kind: SourceKind) -> i64 {
    let mut f = SourceFields::new(name, kind);
    if kind.is_list_deal() {
        f.vendor_name = "LeadsDirect Example GmbH".into();
    }
    store.create_source(&f).unwrap()
}

fn contact(store: &mut Store, email: &str, src: i64, basis: Option<(&str, LegalBasis)>) -> i64 {
    store
        .add_contact(&NewContact {
            fields: ContactFields {
                first_name: "Test".into(),
                last_name: email.split('@').next().unwrap().into(),
                email: email.into(),
                ..Default::default()
            },
            source: Some(src),
            basis: basis.map(|(p, b)| (p.to_owned(), b)),
        })
        .unwrap()
}

/// Moves a contact's collection date (and creation) into the past.
fn backdate(path: &std::path::Path, id: i64, when: &str) {
    let raw = Connection::open(path).unwrap();
    raw.execute(
        "UPDATE contact_sources SET first_seen_at = ?2 WHERE contact_id = ?1",
        rusqlite::params![id, when],
    )
    .unwrap();
    raw.execute(
        "UPDATE contacts SET created_at = ?2 WHERE id = ?1",
        rusqlite::params![id, when],
    )
    .unwrap();
}

// --- retention ---

struct RetentionBook {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: Store,
    /// (name, id)
    ids: Vec<(&'static str, i64)>,
}

impl RetentionBook {
    fn id(&self, name: &str) -> i64 {
        self.ids.iter().find(|(n, _)| *n == name).unwrap().1
    }
}

/// Six contacts, two of them due today.
fn retention_book() -> RetentionBook {
    let (dir, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let fair = source(&mut store, "Fair", SourceKind::Event);
    let customers = source(&mut store, "Customers", SourceKind::ExistingCustomer);
    let li = Some(("prospecting", LegalBasis::LegitimateInterest));
    let mut ids = vec![
        ("old", contact(&mut store, "old@example.com", fair, li)),
        (
            "recent",
            contact(&mut store, "recent@example.com", fair, li),
        ),
        (
            "customer",
            contact(&mut store, "customer@example.com", customers, None),
        ),
        (
            "replied",
            contact(&mut store, "replied@example.com", fair, li),
        ),
        (
            "objected",
            contact(&mut store, "objected@example.com", fair, li),
        ),
        (
            "restricted",
            contact(&mut store, "restricted@example.com", fair, li),
        ),
    ];
    let at = Utc.with_ymd_and_hms(2023, 3, 1, 9, 0, 0).unwrap();
    let objection = ConsentEventDraft::new(
        "prospecting",
        Channel::Email,
        ConsentEventKind::Objected,
        at,
    );
    let o = ids[4].1;
    store.record_consent(o, &objection).unwrap();
    store.set_restricted(ids[5].1, true).unwrap();
    for (name, id) in &ids {
        if *name != "recent" {
            backdate(&path, *id, "2021-05-10T08:00:00Z");
        }
    }
    let raw = Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE contacts SET last_inbound_at = '2025-01-15T12:00:00Z' WHERE id = ?1",
        [ids[3].1],
    )
    .unwrap();
    ids.sort();
    RetentionBook {
        _dir: dir,
        path,
        store,
        ids,
    }
}

#[test]
fn the_due_list_is_a_dry_run_of_exactly_the_due_prospects() {
    let b = retention_book();
    let rep = b.store.retention_report(Utc::now(), 60).unwrap();
    let due: Vec<i64> = rep.due.iter().map(|d| d.id).collect();
    let mut want = vec![b.id("old"), b.id("objected")];
    want.sort();
    assert_eq!(due, want);
    assert_eq!((rep.customers, rep.restricted, rep.kept), (1, 1, 2));
    let obj = rep.due.iter().find(|d| d.id == b.id("objected")).unwrap();
    assert!(obj.objected);
    assert_eq!(obj.months, 36);
    assert_eq!(obj.due_on.format("%Y-%m-%d").to_string(), "2024-05-10");
    // listing changed nothing
    assert_eq!(b.store.count_contacts(&ContactQuery::default()).unwrap(), 6);
}

#[test]
fn retention_apply_removes_exactly_the_due_contacts() {
    let mut b = retention_book();
    let out = b
        .store
        .apply_retention(RetentionMode::Erase, Utc::now(), None)
        .unwrap();
    assert_eq!(out.erased, 2);
    assert_eq!(out.objected, 1);
    assert_eq!(out.suppression_entries, 1, "only the objector's e-mail");
    for name in ["old", "objected"] {
        assert!(
            matches!(b.store.contact(b.id(name)), Err(StoreError::NotFound(_))),
            "{name}"
        );
    }
    for name in ["recent", "customer", "replied", "restricted"] {
        assert!(b.store.contact(b.id(name)).is_ok(), "{name}");
    }
    assert!(b.store.is_email_suppressed("objected@example.com").unwrap());
    assert!(!b.store.is_email_suppressed("old@example.com").unwrap());
    // the objection stays as anonymous proof
    let raw = Connection::open(&b.path).unwrap();
    let anon: i64 = raw
        .query_row(
            "SELECT count(*) FROM consent_events WHERE contact_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(anon, 1);
    let entries = b.store.audit_tail(1).unwrap();
    assert_eq!(entries[0].action, "retention.applied");
    assert!(!entries[0].details.contains("example.com"));
    assert!(matches!(
        b.store.verify_audit().unwrap(),
        AuditCheck::Intact { .. }
    ));
    // nothing more is due
    assert!(
        b.store
            .retention_report(Utc::now(), 0)
            .unwrap()
            .due
            .is_empty()
    );
}

#[test]
fn anonymising_keeps_only_counts() {
    let mut b = retention_book();
    let out = b
        .store
        .apply_retention(RetentionMode::Anonymise, Utc::now(), None)
        .unwrap();
    assert_eq!(out.erased, 2);
    let counts = b.store.anonymised_counts().unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(counts[0].purpose_key, "prospecting");
    assert_eq!(counts[0].contacts, 2);
    assert_eq!(counts[0].month, Utc::now().format("%Y-%m").to_string());
}

#[test]
fn a_cancelled_retention_run_changes_nothing() {
    use consentbook::domain::progress::Progress;
    let mut b = retention_book();
    let p = Progress::new();
    p.cancel();
    let res = b
        .store
        .apply_retention(RetentionMode::Erase, Utc::now(), Some(&p));
    assert!(matches!(res, Err(StoreError::Cancelled)));
    assert_eq!(b.store.count_contacts(&ContactQuery::default()).unwrap(), 6);
    assert!(!b.store.is_email_suppressed("objected@example.com").unwrap());
}

#[test]
fn a_source_kind_rule_shortens_the_period() {
    let mut b = retention_book();
    let now = Utc::now();
    backdate(
        &b.path,
        b.id("recent"),
        &consentbook::domain::fmt_time(now - Duration::days(400)),
    );
    assert_eq!(b.store.retention_report(now, 0).unwrap().due.len(), 2);
    b.store
        .set_retention_rule(SourceKind::Event, Some(12))
        .unwrap();
    let rep = b.store.retention_report(now, 0).unwrap();
    assert_eq!(rep.due.len(), 4, "recent and replied are now due too");
    b.store.set_retention_rule(SourceKind::Event, None).unwrap();
    b.store.set_retention_default(120).unwrap();
    assert!(b.store.retention_report(now, 0).unwrap().due.is_empty());
    assert!(matches!(
        b.store.set_retention_default(0),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn prospects_asked_again_are_marked_and_held() {
    let mut b = retention_book();
    // in Germany only people with a current consent may be written to
    let rep = b.store.retention_report(Utc::now(), 60).unwrap();
    assert!(rep.repermission.is_empty());
    let old = b.id("old");
    let ev = ConsentEventDraft::new(
        "newsletter",
        Channel::Email,
        ConsentEventKind::Given,
        Utc.with_ymd_and_hms(2021, 6, 1, 0, 0, 0).unwrap(),
    );
    let mut ev = ev;
    ev.method = consentbook::domain::ConsentMethod::Import;
    b.store.record_consent(old, &ev).unwrap();
    let rep = b.store.retention_report(Utc::now(), 60).unwrap();
    let ids: Vec<i64> = rep.repermission.iter().map(|d| d.id).collect();
    assert_eq!(ids, [old], "the objector is never asked");
    assert_eq!(b.store.mark_repermission(&ids).unwrap(), 1);
    assert_eq!(b.store.mark_repermission(&ids).unwrap(), 0, "marked once");
    let rep = b.store.retention_report(Utc::now(), 60).unwrap();
    assert!(rep.repermission.is_empty());
    assert_eq!(
        rep.awaiting_answer.iter().map(|d| d.id).collect::<Vec<_>>(),
        [old]
    );
    assert!(rep.due.iter().all(|d| d.id != old));
    let entries = b.store.audit_for("contact", &old.to_string()).unwrap();
    assert_eq!(
        entries.last().unwrap().action,
        "retention.repermission-marked"
    );
    // after the grace period it is due again
    let later = Utc::now() + Duration::days(31);
    assert!(
        b.store
            .retention_report(later, 0)
            .unwrap()
            .due
            .iter()
            .any(|d| d.id == old)
    );
}

// --- breaches ---

#[test]
fn a_breach_is_logged_with_counts_from_the_book_and_its_clock() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    store.load_demo(&demo_book()).unwrap();
    let now = Utc::now();
    let mut b = Breach::new(now - Duration::hours(10));
    b.occurred_at = Some(now - Duration::hours(30));
    b.types = vec![BreachType::Confidentiality, BreachType::Availability];
    b.description = "Laptop stolen from a parked car".into();
    b.data_categories = "Names, business e-mail addresses, phone numbers".into();
    b.scope = AffectedScope::AllContacts;
    b.risk = Some(RiskLevel::Risk);
    let id = store.save_breach(None, &b).unwrap();
    let rec = store.breach(id).unwrap();
    assert_eq!(rec.breach.people, Some(240));
    assert!(rec.breach.records.unwrap() > 240);
    assert!(
        matches!(rec.breach.clock(now), Clock::Running { minutes_left, .. } if (61 * 60..=62 * 60).contains(&minutes_left))
    );
    // notified later: the clock stops; the update audits field names only
    let mut b2 = rec.breach.clone();
    b2.notified_at = Some(now);
    b2.authority_ref = "LDI-2026-0042".into();
    store.save_breach(Some(id), &b2).unwrap();
    let rec = store.breach(id).unwrap();
    assert_eq!(
        rec.breach.clock(now),
        Clock::NotifiedInTime {
            at: rec.breach.notified_at.unwrap()
        }
    );
    // saving it unchanged is not a change
    store.save_breach(Some(id), &rec.breach).unwrap();
    let entries = store.audit_for("breach", &id.to_string()).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].action, "breach.logged");
    assert_eq!(entries[1].action, "breach.updated");
    assert!(entries[1].details.contains("authority_ref"));
    assert!(!entries[1].details.contains("LDI-2026"));
    // by source
    let bought = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.source.fields.kind == SourceKind::PurchasedList)
        .unwrap();
    let counts = store
        .affected_counts(&AffectedScope::Source(bought.source.id))
        .unwrap()
        .unwrap();
    assert_eq!(counts.0, bought.contacts);
    assert_eq!(store.breaches().unwrap().len(), 1);
}

#[test]
fn an_invalid_breach_is_refused() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let mut b = Breach::new(Utc::now());
    assert!(matches!(
        store.save_breach(None, &b),
        Err(StoreError::Invalid(_))
    ));
    b.description = "USB stick lost".into();
    b.closed_at = Some(Utc::now() - Duration::days(3));
    assert!(matches!(
        store.save_breach(None, &b),
        Err(StoreError::Invalid(_))
    ));
    assert!(store.breaches().unwrap().is_empty());
}

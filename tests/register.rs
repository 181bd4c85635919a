//! The processing register, retention and the breach log on real SQLite files.

use chrono::{Duration, TimeZone, Utc};
use consentbook::domain::demo::{demo_book, demo_controller};
use consentbook::domain::register::breach::{AffectedScope, Breach, BreachType, Clock, RiskLevel};
use consentbook::domain::register::check::Finding;
use consentbook::domain::register::presets::{Preset, preset};
use consentbook::domain::register::{Activity, DataCategory, DataFamily, PurposeLine};
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ContactFields, Language, LegalBasis, Settings,
    SourceFields, SourceKind,
};
use consentbook::store::{AuditCheck, ContactQuery, NewContact, RetentionMode, Store, StoreError};
use rusqlite::Connection;
use serde_json::Value;

fn temp_book() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.sqlite");
    (dir, path)
}

fn with_controller(store: &mut Store) {
    let settings = Settings {
        controller: demo_controller(),
        ..Default::default()
    };
    store.save_settings(&settings).unwrap();
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

fn all_presets(store: &mut Store, lang: Language) {
    for &p in Preset::ALL {
        store.apply_preset(p, lang).unwrap();
    }
}

/// A book with the controller set and every preset applied, exported as JSON.
fn exported() -> Value {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    with_controller(&mut store);
    all_presets(&mut store, Language::En);
    let export = store.register_export(Language::En, Utc::now()).unwrap();
    serde_json::to_value(&export).unwrap()
}

fn activities(v: &Value) -> &Vec<Value> {
    v["activities"].as_array().unwrap()
}

fn non_empty(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Null => false,
        _ => true,
    }
}

// --- Art. 30(1)(a)-(g) in the JSON export, one test per item ---

#[test]
fn export_art_30_1_a_controller_and_activity_names() {
    let v = exported();
    assert_eq!(v["format"], "consentbook-register");
    let c = &v["controller"];
    assert_eq!(c["name"], "Beispiel Consulting");
    assert!(non_empty(&c["address"]));
    assert_eq!(c["contact"]["email"], "info@example.com");
    assert!(non_empty(&c["representative"]));
    assert_eq!(c["dpo"], "datenschutz@example.com");
    assert!(c.get("joint_controller").is_some());
    let names: Vec<&str> = activities(&v)
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 5);
    assert!(names.contains(&"Newsletter"));
    assert!(names.iter().all(|n| !n.is_empty()));
}

#[test]
fn export_art_30_1_b_purposes_with_legal_basis() {
    let v = exported();
    for a in activities(&v) {
        assert!(non_empty(&a["main_purpose"]), "{}", a["name"]);
        let purposes = a["purposes"].as_array().unwrap();
        assert!(!purposes.is_empty());
        for p in purposes {
            assert!(non_empty(&p["description"]));
            assert!(non_empty(&p["basis"]), "basis missing in {}", a["name"]);
        }
    }
    let news = activities(&v)
        .iter()
        .find(|a| a["name"] == "Newsletter")
        .unwrap();
    assert_eq!(news["purposes"][0]["key"], "newsletter");
    assert_eq!(news["purposes"][0]["basis"], "consent");
}

#[test]
fn export_art_30_1_c_data_subjects_and_categories() {
    let v = exported();
    for a in activities(&v) {
        assert!(non_empty(&a["data_subjects"]), "{}", a["name"]);
        let cats = a["data_categories"].as_array().unwrap();
        assert!(!cats.is_empty());
        for c in cats {
            assert!(DataFamily::from_code(c["family"].as_str().unwrap()).is_some());
            assert!(non_empty(&c["details"]));
        }
        assert!(a["sensitive_data"].is_boolean());
    }
}

#[test]
fn export_art_30_1_d_recipients() {
    let v = exported();
    for a in activities(&v) {
        let r = a["recipients"].as_array().unwrap();
        assert!(!r.is_empty(), "{}", a["name"]);
        for x in r {
            assert!(["internal", "external", "processor"].contains(&x["kind"].as_str().unwrap()));
            assert!(non_empty(&x["name"]));
        }
    }
}

#[test]
fn export_art_30_1_e_third_country_transfers() {
    let v = exported();
    for a in activities(&v) {
        assert!(a["transfers"].is_array(), "{}", a["name"]);
    }
    let news = activities(&v)
        .iter()
        .find(|a| a["name"] == "Newsletter")
        .unwrap();
    let t = &news["transfers"][0];
    assert_eq!(t["country"], "USA");
    assert!(t["safeguard"].as_str().unwrap().contains("46(2)(c)"));
}

#[test]
fn export_art_30_1_f_erasure_time_limits() {
    let v = exported();
    for a in activities(&v) {
        for c in a["data_categories"].as_array().unwrap() {
            assert!(non_empty(&c["retention"]), "{}", a["name"]);
        }
    }
    let b2b = activities(&v)
        .iter()
        .find(|a| a["name"] == "B2B prospecting")
        .unwrap();
    assert_eq!(b2b["prospect_retention_months"], 36);
}

#[test]
fn export_art_30_1_g_security_measures() {
    let v = exported();
    for a in activities(&v) {
        let s = a["security"].as_array().unwrap();
        let kinds: Vec<&str> = s.iter().map(|m| m["measure"].as_str().unwrap()).collect();
        for k in [
            "access-control",
            "traceability",
            "software-protection",
            "backup",
            "encryption",
            "processor-control",
            "other",
        ] {
            assert!(kinds.contains(&k), "{k} missing in {}", a["name"]);
        }
    }
}

#[test]
fn the_export_names_its_version_and_date() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.register_version().unwrap().version, 0);
    store
        .apply_preset(Preset::Newsletter, Language::De)
        .unwrap();
    store
        .apply_preset(Preset::B2bProspecting, Language::De)
        .unwrap();
    let v = serde_json::to_value(store.register_export(Language::De, Utc::now()).unwrap()).unwrap();
    assert_eq!(v["version"], 2);
    assert!(v["updated_at"].as_str().unwrap().starts_with("20"));
    assert!(v["generated_at"].as_str().is_some());
    assert_eq!(v["language"], "de");
    assert_eq!(v["activities"][0]["name"], "Newsletter");
    assert_eq!(v["activities"][1]["name"], "B2B-Neukundengewinnung");
}

// --- versioning and audit ---

#[test]
fn register_changes_raise_the_version_and_are_audited() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .apply_preset(Preset::Newsletter, Language::En)
        .unwrap();
    let mut a = store.activity(id).unwrap().activity;
    a.software = "Consentbook; Example Mailer".into();
    a.prospect_retention_months = Some(24);
    store.update_activity(id, &a).unwrap();
    // saving unchanged is not a change
    store.update_activity(id, &a).unwrap();
    store.set_joint_controller("Beispiel Partner AG").unwrap();
    store
        .set_retention_rule(SourceKind::PurchasedList, Some(12))
        .unwrap();
    store.delete_activity(id).unwrap();
    assert_eq!(store.register_version().unwrap().version, 5);
    let entries = store.audit_for("activity", &id.to_string()).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "register.activity-added",
            "register.activity-updated",
            "register.activity-deleted"
        ]
    );
    let fields: Value = serde_json::from_str(&entries[1].details).unwrap();
    assert_eq!(fields["version"], 2);
    let mut changed: Vec<&str> = fields["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    changed.sort();
    assert_eq!(changed, ["prospect_retention_months", "software"]);
    assert!(!entries[1].details.contains("Example Mailer"));
    assert!(matches!(
        store.verify_audit().unwrap(),
        AuditCheck::Intact { .. }
    ));
    assert!(matches!(store.activity(id), Err(StoreError::NotFound(_))));
}

#[test]
fn an_invalid_activity_is_refused() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let a = Activity {
        name: " ".into(),
        ..Default::default()
    };
    assert!(matches!(
        store.add_activity(&a, None),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.register_version().unwrap().version, 0);
}

// --- linked to the real data ---

#[test]
fn activities_count_the_contacts_and_sources_they_cover() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let fair = source(&mut store, "Fair", SourceKind::Event);
    let list = source(&mut store, "List", SourceKind::PurchasedList);
    contact(
        &mut store,
        "a@example.com",
        fair,
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    contact(
        &mut store,
        "b@example.com",
        list,
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    let c = contact(&mut store, "c@example.com", fair, None);
    let mut ev = ConsentEventDraft::new(
        "newsletter",
        Channel::Email,
        ConsentEventKind::Given,
        Utc::now(),
    );
    ev.wording = Some("Yes, send me the newsletter.".into());
    store.record_consent(c, &ev).unwrap();
    store
        .apply_preset(Preset::B2bProspecting, Language::En)
        .unwrap();
    store
        .apply_preset(Preset::Newsletter, Language::En)
        .unwrap();
    store
        .apply_preset(Preset::SuppressionList, Language::En)
        .unwrap();
    let s = store.activity_summaries().unwrap();
    let counts: Vec<(u64, u64)> = s.iter().map(|x| (x.contacts, x.sources)).collect();
    assert_eq!(counts, [(2, 2), (1, 1), (0, 0)]);
}

fn findings(store: &Store) -> Vec<Finding> {
    store.register_check(Utc::now()).unwrap()
}

#[test]
fn check_finds_a_purpose_in_use_that_no_activity_covers() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    with_controller(&mut store);
    let fair = source(&mut store, "Fair", SourceKind::Event);
    contact(
        &mut store,
        "a@example.com",
        fair,
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    contact(
        &mut store,
        "b@example.com",
        fair,
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    store
        .apply_preset(Preset::Newsletter, Language::En)
        .unwrap();
    assert_eq!(
        findings(&store),
        [Finding::PurposeNotCovered {
            purpose: "prospecting".into(),
            contacts: 2
        }]
    );
    store
        .apply_preset(Preset::B2bProspecting, Language::En)
        .unwrap();
    assert_eq!(findings(&store), []);
}

#[test]
fn check_finds_an_activity_without_retention_limit() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    with_controller(&mut store);
    let mut a = preset(Preset::DataSubjectRequests, Language::En);
    for c in &mut a.data_categories {
        c.retention.clear();
    }
    let id = store.add_activity(&a, None).unwrap();
    assert_eq!(
        findings(&store),
        [Finding::NoRetentionLimit {
            activity_id: id,
            activity: "Handling data-subject requests".into()
        }]
    );
    a.data_categories[0].retention = "3 years after the request was closed".into();
    store.update_activity(id, &a).unwrap();
    assert_eq!(findings(&store), []);
}

#[test]
fn check_finds_a_purchased_list_no_activity_names() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    with_controller(&mut store);
    let list = source(
        &mut store,
        "LeadsDirect B2B list",
        SourceKind::PurchasedList,
    );
    contact(
        &mut store,
        "a@example.com",
        list,
        Some(("newsletter", LegalBasis::Consent)),
    );
    store
        .apply_preset(Preset::Newsletter, Language::En)
        .unwrap();
    assert_eq!(
        findings(&store),
        [Finding::ListSourceNotInRegister {
            source_id: list,
            source: "LeadsDirect B2B list".into(),
            kind: SourceKind::PurchasedList,
            contacts: 1
        }]
    );
    let id = store.activities().unwrap()[0].id;
    let mut a = store.activity(id).unwrap().activity;
    a.data_origins.push(SourceKind::PurchasedList);
    store.update_activity(id, &a).unwrap();
    assert_eq!(findings(&store), []);
}

#[test]
fn check_finds_prospects_kept_longer_than_the_activity_allows() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    with_controller(&mut store);
    let fair = source(&mut store, "Fair", SourceKind::Event);
    let old = contact(
        &mut store,
        "old@example.com",
        fair,
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    contact(
        &mut store,
        "new@example.com",
        fair,
        Some(("prospecting", LegalBasis::LegitimateInterest)),
    );
    let id = store
        .apply_preset(Preset::B2bProspecting, Language::En)
        .unwrap();
    assert_eq!(findings(&store), []);
    backdate(&path, old, "2022-06-01T10:00:00Z");
    assert_eq!(
        findings(&store),
        [Finding::ProspectsKeptTooLong {
            activity_id: id,
            activity: "B2B prospecting".into(),
            months: 36,
            contacts: 1
        }]
    );
}

#[test]
fn check_finds_missing_items_and_an_empty_register() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let f = findings(&store);
    assert!(matches!(f[0], Finding::ControllerIncomplete { .. }));
    assert_eq!(f[1], Finding::NoActivities);
    let a = Activity {
        name: "Half done".into(),
        purposes: vec![PurposeLine {
            description: "Something".into(),
            ..Default::default()
        }],
        data_categories: vec![DataCategory {
            family: DataFamily::Identity,
            details: "Names".into(),
            retention: "1 year".into(),
        }],
        ..Default::default()
    };
    with_controller(&mut store);
    let id = store.add_activity(&a, None).unwrap();
    assert_eq!(
        findings(&store),
        [Finding::ActivityIncomplete {
            activity_id: id,
            activity: "Half done".into(),
            missing: vec!["legal-basis", "data-subjects", "recipients", "security"]
        }]
    );
}

#[test]
fn the_demo_book_with_all_presets_passes_the_check() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    store.load_demo(&demo_book()).unwrap();
    assert!(findings(&store).len() >= 4);
    all_presets(&mut store, Language::De);
    assert_eq!(findings(&store), []);
    let s = store.activity_summaries().unwrap();
    let total: u64 = s.iter().map(|x| x.contacts).sum();
    assert!(total > 200, "{total}");
}

#[test]
fn purpose_info_for_the_access_report() {
    let (_d, path) = temp_book();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .apply_preset(Preset::Newsletter, Language::En)
        .unwrap();
    store
        .apply_preset(Preset::CustomerManagement, Language::En)
        .unwrap();
    let info = store.purpose_register_info().unwrap();
    let keys: Vec<&str> = info.iter().map(|i| i.purpose_key.as_str()).collect();
    assert_eq!(keys, ["customer-management", "newsletter"]);
    let news = &info[1];
    assert_eq!(news.activity_id, id);
    assert_eq!(
        news.legal_bases,
        [LegalBasis::Consent, LegalBasis::LegalObligation]
    );
    assert!(!news.purposes.is_empty() && !news.data_categories.is_empty());
    assert!(!news.recipients.is_empty() && !news.retention.is_empty());
    assert_eq!(news.transfers.len(), 1);
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

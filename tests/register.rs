//! The processing register, retention and the breach log on real SQLite files.

use chrono::Utc;
use consentbook::domain::demo::{demo_book, demo_controller};
use consentbook::domain::register::check::Finding;
use consentbook::domain::register::presets::{Preset, preset};
use consentbook::domain::register::{Activity, DataCategory, DataFamily, PurposeLine};
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ContactFields, Language, LegalBasis, Settings,
    SourceFields, SourceKind,
};
use consentbook::store::{AuditCheck, NewContact, Store, StoreError};
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

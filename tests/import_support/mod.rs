//! Helpers shared by the import tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use consentbook::domain::import::{FileSpec, ImportReport};
use consentbook::domain::progress::Progress;
use consentbook::domain::{LegalBasis, SourceFields, SourceKind};
use consentbook::store::{ContactQuery, ImportRequest, SourceChoice, Store};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

pub fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.sqlite")).unwrap();
    (dir, store)
}

pub fn vendor_source(name: &str) -> SourceChoice {
    let mut f = SourceFields::new(name, SourceKind::PurchasedList);
    f.vendor_name = "LeadsDirect Example GmbH".into();
    f.acquired_on = chrono::NaiveDate::from_ymd_opt(2026, 10, 1);
    f.claimed_basis = Some(LegalBasis::Consent);
    f.consent_evidence_ref = "Vendor DOI log, ticket 4711".into();
    SourceChoice::New(f)
}

pub fn request(path: &Path, source: SourceChoice) -> ImportRequest {
    ImportRequest {
        spec: FileSpec::detect(path).unwrap(),
        mapping: None,
        mapping_file: None,
        source,
        purpose: "newsletter".into(),
    }
}

/// Previews, then imports; asserts that the preview told the truth.
pub fn import(store: &mut Store, name: &str) -> ImportReport {
    let req = request(&fixture(name), vendor_source(&format!("List {name}")));
    let preview = store.import(&req, &Progress::new(), true).unwrap();
    assert_eq!(preview.batch, None);
    let report = store.import(&req, &Progress::new(), false).unwrap();
    assert_eq!(
        preview.counts, report.counts,
        "preview of {name} differs from the import"
    );
    assert_eq!(preview.consent_events, report.consent_events);
    report
}

pub fn counts(r: &ImportReport) -> [u64; 5] {
    let c = r.counts;
    [
        c.added,
        c.merged,
        c.suppressed,
        c.invalid,
        c.duplicates_in_file,
    ]
}

pub fn by_email(store: &Store, email: &str) -> consentbook::store::ContactDetail {
    let id = store.contact_id_by_email(email).unwrap().expect(email);
    store.contact_detail(id).unwrap()
}

pub fn total(store: &Store) -> u64 {
    store.count_contacts(&ContactQuery::default()).unwrap()
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

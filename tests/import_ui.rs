//! egui_kittest drives the Import wizard of the real App on a temporary book:
//! type the path of a fixture, create the source, check the mapping, preview,
//! import, then undo the batch.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use consentbook::domain::SourceKind;
use consentbook::store::{ContactQuery, Store};
use consentbook::ui::{App, Nav};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Steps frames until `done` holds (a job runs on a worker thread).
fn wait_for(h: &mut Harness<'_, App>, what: &str, done: impl Fn(&Harness<'_, App>) -> bool) {
    let start = Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn a_purchased_list_goes_through_the_wizard_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ui.sqlite");
    let store = Store::open(&db).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(|_cc| App::new(store));
    h.run();

    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    assert_eq!(h.state().nav(), Nav::Import);
    let file = fixture("german-excel.csv");
    type_into(&mut h, "File", file.to_str().unwrap());
    click(&mut h, "Read file");
    assert!(h.query_by_label_contains("windows-1252").is_some());
    assert!(h.query_by_label_contains("11 columns").is_some());
    click(&mut h, "Next");

    // a new source with its provenance; a bought list needs its vendor
    type_into(&mut h, "Name", "Leads 2026");
    click(&mut h, "Next");
    assert!(h.query_by_label_contains("needs its vendor").is_some());
    type_into(&mut h, "Vendor", "LeadsDirect Example GmbH");
    type_into(&mut h, "Acquired on (YYYY-MM-DD)", "2026-10-01");
    click(&mut h, "Next");

    // the mapping was guessed from the German headers
    assert!(h.query_by_label("Vorname").is_some());
    let anrede = h.get_by_role_and_label(Role::ComboBox, "Anrede").value();
    assert_eq!(anrede.as_deref(), Some("— not imported —"));
    let vorname = h.get_by_role_and_label(Role::ComboBox, "Vorname").value();
    assert_eq!(vorname.as_deref(), Some("First name"));
    // a running job animates its progress bar: step frames rather than run to rest
    h.get_by_label("Preview").click();
    h.step();
    wait_for(&mut h, "the preview", |h| {
        h.query_by_label("Import 4 rows").is_some()
    });
    assert!(h.query_by_label_contains("Same person as line 2").is_some());
    assert!(h.query_by_label_contains("Empty row").is_some());
    assert_eq!(
        Store::open(&db)
            .unwrap()
            .count_contacts(&ContactQuery::default())
            .unwrap(),
        0,
        "the preview writes nothing"
    );

    h.get_by_label("Import 4 rows").click();
    h.step();
    wait_for(&mut h, "the import", |h| {
        h.query_by_label_contains("Imported as batch").is_some()
    });
    assert!(h.query_by_label("3 rows not imported").is_some());

    let s = Store::open(&db).unwrap();
    assert_eq!(s.count_contacts(&ContactQuery::default()).unwrap(), 4);
    let id = s
        .contact_id_by_email("aenne.oezdemir@example.org")
        .unwrap()
        .unwrap();
    let d = s.contact_detail(id).unwrap();
    assert_eq!(d.contact.fields.last_name, "Özdemir");
    assert_eq!(d.sources[0].source.fields.kind, SourceKind::PurchasedList);
    assert_eq!(
        d.sources[0].source.fields.vendor_name,
        "LeadsDirect Example GmbH"
    );
    assert!(d.sources[0].batch_id.is_some());

    // save the rejected rows by typing a path
    let out = dir.path().join("rejected.csv");
    type_into(&mut h, "Save to", out.to_str().unwrap());
    click(&mut h, "Save rejected rows as CSV");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 4);

    // the past batch, undone after a confirmation
    let batch = d.sources[0].batch_id.unwrap();
    click(&mut h, "Undo batch");
    click(&mut h, "Undo this import");
    assert_eq!(
        Store::open(&db)
            .unwrap()
            .count_contacts(&ContactQuery::default())
            .unwrap(),
        0
    );
    assert!(h.query_by_label("undone").is_some());
    assert!(Store::open(&db).unwrap().import_batches().unwrap()[0].id == batch);
}

#[test]
fn a_spreadsheet_offers_its_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("ui.sqlite")).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(|_cc| App::new(store));
    h.run();
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    type_into(&mut h, "File", fixture("list.xlsx").to_str().unwrap());
    click(&mut h, "Read file");
    assert!(h.query_by_label_contains("6 columns").is_some());
    h.get_by_role_and_label(Role::ComboBox, "Sheet").click();
    h.run();
    click(&mut h, "Zweites Blatt");
    assert!(h.query_by_label_contains("2 columns").is_some());
}

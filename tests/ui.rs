//! egui_kittest drives the real App on a temporary book; assertions check
//! what the window shows and what the store then holds.

use std::path::PathBuf;

use consentbook::domain::{ConsentEventKind, ConsentMethod, ContactFields, SourceKind};
use consentbook::store::{ContactQuery, NewContact, Store};
use consentbook::ui::{App, Nav};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Book {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn book() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.sqlite");
    Book { _dir: dir, path }
}

fn harness(b: &Book) -> Harness<'static, App> {
    let store = Store::open(&b.path).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|_cc| App::new(store));
    h.run();
    h
}

fn reopen(b: &Book) -> Store {
    Store::open(&b.path).unwrap()
}

fn with_contact(b: &Book) -> i64 {
    let mut s = reopen(b);
    s.add_contact(&NewContact {
        fields: ContactFields {
            first_name: "Anna".into(),
            last_name: "Muster".into(),
            email: "anna.muster@example.com".into(),
            company: "Beispiel AG".into(),
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap()
}

fn type_into(h: &mut Harness<'_, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Replaces the whole text of a field.
fn replace_text(h: &mut Harness<'_, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn adding_a_contact_through_the_form_shows_it_and_stores_it() {
    let b = book();
    let mut h = harness(&b);
    click(&mut h, "Add contact");
    type_into(&mut h, Role::TextInput, "First name", "Jonas");
    type_into(&mut h, Role::TextInput, "Last name", "Beispiel");
    type_into(&mut h, Role::TextInput, "E-mail", "jonas@example.org");
    type_into(&mut h, Role::TextInput, "Company", "Musterbau GmbH");
    click(&mut h, "Save");

    // in the table (and in the detail pane that opens for the new contact)
    assert!(
        !h.get_all_by_label("Jonas Beispiel")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert!(h.query_all_by_label("jonas@example.org").count() >= 1);
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(_, t)| *t == "Contact added.")
    );

    let store = reopen(&b);
    let id = store
        .contact_id_by_email("jonas@example.org")
        .unwrap()
        .expect("stored");
    let d = store.contact_detail(id).unwrap();
    assert_eq!(d.contact.fields.company, "Musterbau GmbH");
    assert_eq!(d.sources[0].source.fields.kind, SourceKind::Manual);
}

#[test]
fn an_invalid_email_shows_an_error_and_saves_nothing() {
    let b = book();
    let mut h = harness(&b);
    click(&mut h, "Add contact");
    type_into(&mut h, Role::TextInput, "First name", "Anna");
    type_into(&mut h, Role::TextInput, "E-mail", "anna(at)example.com");
    click(&mut h, "Save");
    assert!(
        h.query_by_label_contains("Not a valid e-mail address")
            .is_some()
    );
    // the form stays open with what was typed
    let value = h.get_by_role_and_label(Role::TextInput, "E-mail").value();
    assert_eq!(value.as_deref(), Some("anna(at)example.com"));
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        0
    );

    // a reachable-less contact is refused too
    h.get_by_role_and_label(Role::TextInput, "E-mail").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    click(&mut h, "Save");
    assert!(
        h.query_by_label_contains("Enter an e-mail address or a phone number")
            .is_some()
    );
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        0
    );
}

#[test]
fn a_duplicate_email_is_shown_inline() {
    let b = book();
    with_contact(&b);
    let mut h = harness(&b);
    click(&mut h, "Add contact");
    type_into(&mut h, Role::TextInput, "E-mail", "ANNA.MUSTER@example.com");
    click(&mut h, "Save");
    assert!(h.query_by_label_contains("already exists").is_some());
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        1
    );
}

#[test]
fn recording_a_consent_shows_it_in_the_history() {
    let b = book();
    let id = with_contact(&b);
    let mut h = harness(&b);
    h.get_by_role_and_label(Role::Button, "Anna Muster").click();
    h.run();
    assert!(h.query_by_label("No consent events yet.").is_some());
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Evidence note",
        "Signed form, folder 2026",
    );
    type_into(&mut h, Role::TextInput, "IP address", "203.0.113.5");
    click(&mut h, "Record event");
    assert!(h.query_by_label("No consent events yet.").is_none());
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(_, t)| *t == "Consent event recorded.")
    );

    let history = reopen(&b).consent_history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, ConsentEventKind::Given);
    assert_eq!(history[0].purpose, "newsletter");
    assert_eq!(history[0].method, ConsentMethod::WebForm);
    assert_eq!(history[0].evidence, "Signed form, folder 2026");
    assert_eq!(history[0].ip.as_deref(), Some("203.0.113.5"));
    // the history row shows the event
    assert!(h.query_by_label("newsletter").is_some());
}

#[test]
fn an_invalid_ip_in_the_consent_form_is_refused() {
    let b = book();
    let id = with_contact(&b);
    let mut h = harness(&b);
    h.get_by_role_and_label(Role::Button, "Anna Muster").click();
    h.run();
    type_into(&mut h, Role::TextInput, "IP address", "999.1.1.1");
    click(&mut h, "Record event");
    assert!(h.query_by_label_contains("Not an IP address").is_some());
    assert!(reopen(&b).consent_history(id).unwrap().is_empty());
}

#[test]
fn editing_and_deleting_a_contact() {
    let b = book();
    let id = with_contact(&b);
    let mut h = harness(&b);
    h.get_by_role_and_label(Role::Button, "Anna Muster").click();
    h.run();
    click(&mut h, "Edit");
    type_into(&mut h, Role::TextInput, "City", "Köln");
    click(&mut h, "Save");
    assert_eq!(reopen(&b).contact(id).unwrap().fields.city, "Köln");

    click(&mut h, "Delete");
    click(&mut h, "Delete contact");
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        0
    );
}

#[test]
fn first_start_offers_demo_data_in_a_separate_book() {
    let b = book();
    let mut h = harness(&b);
    assert!(h.query_by_label("Welcome to Consentbook").is_some());
    click(&mut h, "Open demo data");
    let app = h.state();
    let demo_path = app.store().unwrap().path().to_owned();
    assert_ne!(
        demo_path, b.path,
        "demo data never go into the user's own book"
    );
    let demo = Store::open(&demo_path).unwrap();
    assert!(demo.count_contacts(&ContactQuery::default()).unwrap() >= 200);
    assert!(
        h.query_by_label("Demo book — every person in it is fake.")
            .is_some()
    );
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        0
    );

    // searching narrows the table to the visible matches
    type_into(&mut h, Role::TextInput, "Search", "LeadsDirect");
    assert!(h.query_by_label("No contacts match.").is_some());

    click(&mut h, "Back to my book");
    assert_eq!(h.state().store().unwrap().path(), b.path.as_path());
    assert!(h.query_by_label("Welcome to Consentbook").is_some());
}

#[test]
fn sources_can_be_created_and_flagged() {
    let b = book();
    with_contact(&b);
    let mut h = harness(&b);
    click(&mut h, "Sources");
    assert_eq!(h.state().nav(), Nav::Sources);
    click(&mut h, "New source");
    type_into(&mut h, Role::TextInput, "Name", "Leads 2026");
    click(&mut h, "Save");
    // kind defaults to purchased list, which needs a vendor
    assert!(h.query_by_label_contains("needs its vendor").is_some());
    type_into(
        &mut h,
        Role::TextInput,
        "Vendor",
        "LeadsDirect Example GmbH",
    );
    type_into(
        &mut h,
        Role::TextInput,
        "Acquired on (YYYY-MM-DD)",
        "2026-09-15",
    );
    click(&mut h, "Save");
    let store = reopen(&b);
    let s = store
        .source_by_name("Leads 2026")
        .unwrap()
        .expect("created");
    assert_eq!(s.fields.kind, SourceKind::PurchasedList);
    assert_eq!(
        s.fields.acquired_on,
        chrono::NaiveDate::from_ymd_opt(2026, 9, 15)
    );
    assert!(!s.fields.doubtful);

    h.get_by_label("Flag Leads 2026 as doubtful").click();
    h.run();
    assert!(reopen(&b).source(s.id).unwrap().fields.doubtful);
}

#[test]
fn settings_are_saved_and_the_language_switches() {
    let b = book();
    with_contact(&b);
    let mut h = harness(&b);
    click(&mut h, "Settings");
    type_into(
        &mut h,
        Role::TextInput,
        "Company name",
        "Beispiel Consulting",
    );
    type_into(&mut h, Role::TextInput, "Website", "example");
    click(&mut h, "Save settings");
    assert!(h.query_by_label_contains("Not a web address").is_some());
    assert_eq!(reopen(&b).settings().unwrap().controller.company, "");

    // "example.com" still lacks the scheme
    replace_text(&mut h, Role::TextInput, "Website", "example.com");
    click(&mut h, "Save settings");
    assert!(h.query_by_label_contains("Not a web address").is_some());
    replace_text(
        &mut h,
        Role::TextInput,
        "Website",
        "https://www.example.com",
    );
    h.get_by_role_and_label(Role::ComboBox, "Language").click();
    h.run();
    click(&mut h, "Deutsch");
    click(&mut h, "Save settings");
    let s = reopen(&b).settings().unwrap();
    assert_eq!(s.controller.company, "Beispiel Consulting");
    assert_eq!(s.controller.website, "https://www.example.com");
    assert_eq!(s.language, consentbook::domain::Language::De);
    assert!(
        h.query_by_label("Kontakte").is_some(),
        "navigation is German now"
    );

    click(&mut h, "Prüfprotokoll prüfen");
    assert!(h.query_by_label_contains("unversehrt").is_some());
}

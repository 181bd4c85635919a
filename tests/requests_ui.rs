//! egui_kittest drives the real App: log a request, export the access
//! report to a typed path, erase with the typed confirmation; the start-up
//! notice; adding a suppressed person back with a new consent.

use std::path::PathBuf;

use chrono::{Duration, Local};
use consentbook::domain::ContactFields;
use consentbook::domain::requests::{RequestDraft, RequestKind, Requester};
use consentbook::store::{ContactQuery, ErasureOrder, NewContact, Store};
use consentbook::ui::{App, ToastKind};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Book {
    dir: tempfile::TempDir,
    path: PathBuf,
}

fn book() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.sqlite");
    Book { dir, path }
}

fn harness(b: &Book) -> Harness<'static, App> {
    let store = Store::open(&b.path).unwrap();
    let mut h = Harness::builder()
        .with_size([1500.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(|_cc| App::new(store));
    h.run();
    h
}

fn reopen(b: &Book) -> Store {
    Store::open(&b.path).unwrap()
}

const EMAIL: &str = "anna.muster@example.com";

fn with_contact(b: &Book) -> i64 {
    reopen(b)
        .add_contact(&NewContact {
            fields: ContactFields {
                first_name: "Anna".into(),
                last_name: "Muster".into(),
                email: EMAIL.into(),
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

fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn log_a_request_export_the_report_and_erase_with_confirmation() {
    let b = book();
    let id = with_contact(&b);
    let mut h = harness(&b);
    click(&mut h, "Requests");
    click(&mut h, "Log a request");
    type_into(&mut h, Role::TextInput, "Find a contact", "Anna");
    click(&mut h, "Anna Muster — anna.muster@example.com");
    click(&mut h, "Log request");
    let store = reopen(&b);
    let requests = store.requests(false).unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].kind, RequestKind::Access);
    assert_eq!(requests[0].contact_id(), Some(id));
    drop(store);

    // export the access report as HTML to a typed path
    h.get_by_role_and_label(Role::ComboBox, "Report format")
        .click();
    h.run();
    click(&mut h, "Printable page (HTML)");
    let out = b.dir.path().join("access-report.html");
    type_into(
        &mut h,
        Role::TextInput,
        "Save the report to",
        out.to_str().unwrap(),
    );
    click(&mut h, "Export access report");
    let html = std::fs::read_to_string(&out).expect("report written");
    assert!(html.contains("Anna") && html.contains(EMAIL));
    assert!(html.contains("Art. 15(1)(f) GDPR"));
    let r = reopen(&b).request(requests[0].id).unwrap();
    assert_eq!(r.exported_files(), [out.display().to_string()]);

    // erase: the plan first, then the typed confirmation
    click(&mut h, "Erase…");
    assert!(h.query_by_label_contains("Deleted for good").is_some());
    assert!(h.query_all_by_label_contains("suppression list").count() >= 1);
    type_into(&mut h, Role::TextInput, "Confirmation", "wrong@example.com");
    click(&mut h, "Erase now");
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        1,
        "a wrong confirmation erases nothing"
    );
    h.get_by_role_and_label(Role::TextInput, "Confirmation")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Confirmation")
        .type_text(EMAIL);
    h.run();
    click(&mut h, "Erase now");

    let store = reopen(&b);
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 0);
    assert!(store.is_email_suppressed(EMAIL).unwrap());
    let r = store.request(requests[0].id).unwrap();
    assert_eq!(r.requester, Requester::Erased);
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(k, t)| *k == ToastKind::Success && *t == "Erased.")
    );
}

#[test]
fn overdue_requests_are_announced_at_start() {
    let b = book();
    with_contact(&b);
    let mut store = reopen(&b);
    let mut d = RequestDraft::new(
        RequestKind::Erasure,
        Local::now().date_naive() - Duration::days(40),
    );
    d.email = EMAIL.into();
    store.log_request(&d).unwrap();
    drop(store);
    let mut h = harness(&b);
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(k, t)| *k == ToastKind::Error && t.contains("1 request is overdue")),
        "{:?}",
        h.state().toasts().texts()
    );
    // the toast shows it everywhere; the Requests panel adds a banner
    assert_eq!(h.query_all_by_label("⚠ 1 request is overdue").count(), 1);
    click(&mut h, "Requests");
    assert_eq!(h.query_all_by_label("⚠ 1 request is overdue").count(), 2);
    assert!(h.query_all_by_label_contains("Overdue by").count() >= 1);
}

#[test]
fn a_suppressed_person_is_added_back_only_with_a_new_consent() {
    let b = book();
    let id = with_contact(&b);
    reopen(&b)
        .erase_for_request(id, &ErasureOrder::request(None))
        .unwrap();
    let mut h = harness(&b);
    click(&mut h, "Add contact");
    type_into(&mut h, Role::TextInput, "E-mail", EMAIL);
    click(&mut h, "Save");
    assert!(h.query_by_label_contains("suppression list").is_some());
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        0
    );
    // without evidence the new consent is refused
    click(&mut h, "Add with this consent");
    assert_eq!(
        reopen(&b).count_contacts(&ContactQuery::default()).unwrap(),
        0
    );
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Evidence of the new consent",
        "Signed sign-up form of 2026-11-22, folder B",
    );
    click(&mut h, "Add with this consent");
    let store = reopen(&b);
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 1);
    assert!(!store.is_email_suppressed(EMAIL).unwrap());
    let back = store.contact_id_by_email(EMAIL).unwrap().unwrap();
    assert_eq!(store.consent_history(back).unwrap().len(), 1);
}

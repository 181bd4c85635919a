//! The Register panel driven through egui_kittest on a temporary book.

use std::path::PathBuf;

use consentbook::domain::register::breach::{AffectedScope, Breach, RiskLevel};
use consentbook::store::Store;
use consentbook::ui::{App, Nav};
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
        .with_size([1400.0, 900.0])
        .with_max_steps(16)
        .build_eframe(|_cc| App::new(store));
    h.run();
    h
}

fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn type_into(h: &mut Harness<'_, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn open_register(h: &mut Harness<'_, App>) {
    click(h, "Register");
    h.run();
    assert_eq!(h.state().nav(), Nav::Register);
}

#[test]
fn adding_an_activity_from_a_preset_and_exporting_it() {
    let b = book();
    let mut h = harness(&b);
    open_register(&mut h);
    assert!(
        h.query_by_label_contains("The register has no processing activity yet")
            .is_some()
    );

    // start from the newsletter preset, adapt it, save
    click(&mut h, "Newsletter");
    assert!(h.query_by_label("New processing activity").is_some());
    type_into(
        &mut h,
        Role::TextInput,
        "Software used",
        " and Example Mailer",
    );
    click(&mut h, "Save");
    assert!(
        h.query_by_label("New processing activity").is_none(),
        "editor closed"
    );
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(_, t)| *t == "Register saved.")
    );

    let store = Store::open(&b.path).unwrap();
    let acts = store.activities().unwrap();
    assert_eq!(acts.len(), 1);
    assert_eq!(acts[0].activity.name, "Newsletter");
    assert_eq!(acts[0].preset.as_deref(), Some("newsletter"));
    assert!(acts[0].activity.software.ends_with("and Example Mailer"));
    assert_eq!(store.register_version().unwrap().version, 1);

    // export as HTML to a typed path
    let out = b.dir.path().join("register.html");
    type_into(&mut h, Role::TextInput, "File", out.to_str().unwrap());
    click(&mut h, "Export register");
    let html = std::fs::read_to_string(&out).expect("the export was written");
    assert!(html.contains("Record of processing activities (Art. 30(1) GDPR)"));
    assert!(html.contains("Newsletter"));
    assert!(html.contains("Version"));
    assert!(html.contains("Time limits for erasure of the categories of data"));
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(_, t)| t.starts_with("Register version 1 exported"))
    );
}

#[test]
fn the_breach_log_shows_the_clock_and_the_draft() {
    let b = book();
    {
        let mut s = Store::open(&b.path).unwrap();
        let mut br = Breach::new(chrono::Utc::now() - chrono::Duration::hours(2));
        br.description = "USB stick lost on the train".into();
        br.scope = AffectedScope::AllContacts;
        br.risk = Some(RiskLevel::Risk);
        s.save_breach(None, &br).unwrap();
    }
    let mut h = harness(&b);
    open_register(&mut h);
    click(&mut h, "Breach log");
    assert!(h.query_by_label("USB stick lost on the train").is_some());
    assert!(h.query_by_label_contains("left to notify").is_some());
    h.get_by_label("Notification draft").click();
    h.run();
    assert!(h.query_by_label("Copy").is_some());
    assert!(
        h.query_by_label_contains("Notification draft — breach")
            .is_some()
    );
}

#[test]
fn the_retention_tab_lists_due_contacts() {
    let b = book();
    let id = {
        let mut s = Store::open(&b.path).unwrap();
        let id = s
            .add_contact(&consentbook::store::NewContact {
                fields: consentbook::domain::ContactFields {
                    first_name: "Olga".into(),
                    last_name: "Alt".into(),
                    email: "olga.alt@example.org".into(),
                    ..Default::default()
                },
                ..Default::default()
            })
            .unwrap();
        let raw = rusqlite::Connection::open(&b.path).unwrap();
        raw.execute(
            "UPDATE contact_sources SET first_seen_at = '2020-01-01T00:00:00Z' WHERE contact_id = ?1",
            [id],
        )
        .unwrap();
        id
    };
    let mut h = harness(&b);
    open_register(&mut h);
    click(&mut h, "Retention");
    assert!(h.query_by_label("Olga Alt").is_some());
    click(&mut h, "Erase 1 due contacts…");
    h.get_by_label("Erase now").click();
    // the job runs off the UI thread (its progress bar repaints): step until it reports
    let mut done = false;
    for _ in 0..100 {
        h.step();
        if h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(_, t)| t.starts_with("1 contacts erased"))
        {
            done = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    assert!(done, "{:?}", h.state().toasts().texts());
    h.run();
    assert!(Store::open(&b.path).unwrap().contact(id).is_err());
    assert!(h.query_by_label("Olga Alt").is_none());
}

//! The window with encrypted books, encryption settings and backups (kittest).

use std::path::PathBuf;

use consentbook::domain::ContactFields;
use consentbook::store::{
    ContactQuery, NewContact, Passphrase, Store, is_encrypted_file, open_with,
};
use consentbook::ui::{App, Launch};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Book {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn book_with(n: usize) -> Book {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trust.sqlite");
    let mut s = Store::open(&path).unwrap();
    for i in 0..n {
        let fields = ContactFields {
            email: format!("p{i}@example.com"),
            last_name: format!("Person{i}"),
            ..Default::default()
        };
        s.add_contact(&NewContact {
            fields,
            ..Default::default()
        })
        .unwrap();
    }
    Book { _dir: dir, path }
}

fn launch(b: &Book) -> Harness<'static, App> {
    let l = Launch {
        home: b.path.clone(),
        demo: b.path.with_file_name("demo.sqlite"),
        start_in_demo: false,
        key: None,
    };
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |_cc| App::launch(l));
    h.run();
    h
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

/// Clicks a button that starts background work, then waits for it.
fn click_and_settle(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.step();
    settle(h);
}

/// Steps the window until background work is done.
fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..400 {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(!h.state().is_busy(), "background work did not finish");
    h.run();
}

#[test]
fn an_encrypted_book_asks_for_its_passphrase() {
    let b = book_with(3);
    {
        let mut s = Store::open(&b.path).unwrap();
        s.set_encryption(Some(Passphrase::new("open sesame 42")))
            .unwrap();
    }
    let mut h = launch(&b);
    assert!(h.state().is_locked());
    assert!(h.query_by_label("This book is encrypted").is_some());
    type_into(&mut h, Role::PasswordInput, "Passphrase", "wrong guess 1");
    click(&mut h, "Open");
    assert!(h.state().is_locked());
    assert!(
        h.query_by_label_contains("does not open the book")
            .is_some()
    );
    type_into(&mut h, Role::PasswordInput, "Passphrase", "open sesame 42");
    click(&mut h, "Open");
    assert!(!h.state().is_locked());
    assert!(h.query_all_by_label("3 contacts").count() > 0);
}

#[test]
fn encrypting_from_settings_and_restoring_a_backup() {
    let b = book_with(4);
    let mut h = launch(&b);
    settle(&mut h); // the daily backup runs once for a book with contacts
    click(&mut h, "Settings");
    assert!(
        h.query_by_label("This book is not encrypted. Anyone with the file can read it.")
            .is_some()
    );
    type_into(
        &mut h,
        Role::PasswordInput,
        "New passphrase",
        "a long passphrase",
    );
    type_into(
        &mut h,
        Role::PasswordInput,
        "Repeat passphrase",
        "a long passphrase!",
    );
    click(&mut h, "Encrypt book");
    assert!(
        h.query_by_label_contains("The two passphrases differ.")
            .is_some()
    );
    assert!(!is_encrypted_file(&b.path));
    h.get_by_role_and_label(Role::PasswordInput, "Repeat passphrase")
        .focus();
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    click_and_settle(&mut h, "Encrypt book");
    assert!(is_encrypted_file(&b.path));
    assert!(
        h.query_by_label("This book is encrypted with a passphrase.")
            .is_some()
    );
    let store = open_with(&b.path, Some(Passphrase::new("a long passphrase"))).unwrap();
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 4);
    drop(store);

    // back up, add a contact, restore: the book goes back to four contacts
    let before = h.state().store().unwrap().list_backups().unwrap().len();
    click_and_settle(&mut h, "Back up now");
    let backups = h.state().store().unwrap().list_backups().unwrap();
    assert_eq!(backups.len(), before + 1);
    {
        let mut s = open_with(&b.path, Some(Passphrase::new("a long passphrase"))).unwrap();
        let fields = ContactFields {
            email: "late@example.com".into(),
            ..Default::default()
        };
        s.add_contact(&NewContact {
            fields,
            ..Default::default()
        })
        .unwrap();
    }
    h.get_all_by_label("Restore …").next().unwrap().click();
    h.run();
    click_and_settle(&mut h, "Restore");
    let store = open_with(&b.path, Some(Passphrase::new("a long passphrase"))).unwrap();
    assert_eq!(store.count_contacts(&ContactQuery::default()).unwrap(), 4);
}

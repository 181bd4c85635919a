//! egui_kittest drives the real App on a demo book: generate and copy a
//! footer, the mailability in the contact detail and the table filter, the
//! mail-merge export with its first-contact confirmation.

use std::path::PathBuf;

use consentbook::domain::demo::demo_book;
use consentbook::domain::outreach::NoticeState;
use consentbook::domain::{Channel, ContactId, SourceKind};
use consentbook::store::{ContactQuery, Store};
use consentbook::ui::{App, Nav};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Book {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn demo() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ui.sqlite");
    Store::open(&path).unwrap().load_demo(&demo_book()).unwrap();
    Book { _dir: dir, path }
}

fn harness(b: &Book) -> Harness<'static, App> {
    let store = Store::open(&b.path).unwrap();
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(|_cc| App::new(store));
    h.run();
    h
}

fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// A bought-list contact that may be e-mailed for prospecting: (id, name, e-mail).
fn bought_contact(b: &Book) -> (ContactId, String, String) {
    let store = Store::open(&b.path).unwrap();
    let sid = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.source.fields.kind == SourceKind::PurchasedList)
        .unwrap()
        .source
        .id;
    let q = ContactQuery {
        source: Some(sid),
        ..Default::default()
    };
    let row = store
        .contact_page(&q, 0, 1000)
        .unwrap()
        .into_iter()
        .find(|r| {
            store
                .may_contact(r.id, "prospecting", Channel::Email)
                .unwrap()
                .allowed
                && store.contact(r.id).unwrap().fields.language == "en"
        })
        .unwrap();
    (row.id, row.name, row.email)
}

fn copied(h: &Harness<'_, App>) -> Vec<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn generating_and_copying_a_footer() {
    let b = demo();
    let (_, name, email) = bought_contact(&b);
    let mut h = harness(&b);
    click(&mut h, "Footers");
    assert_eq!(h.state().nav(), Nav::Footers);
    assert!(
        h.query_by_label("Pick a contact to see the footer.")
            .is_some()
    );
    type_into(&mut h, "Contact", &email);
    click(&mut h, &format!("{name} <{email}>"));
    // newsletter first: no consent for it
    assert!(h.query_by_label("✖ May not be e-mailed").is_some());
    h.get_by_role_and_label(Role::ComboBox, "Purpose").click();
    h.run();
    click(&mut h, "prospecting");
    assert!(h.query_by_label("✔ May be e-mailed").is_some());
    assert!(
        h.query_by_label_contains("Prior consent given on")
            .is_some()
    );
    assert!(h.query_by_label("Rule: UWG § 7(2) Nr. 2").is_some());
    // the Art. 14 clock of a bought list, and the preview naming the vendor
    assert!(
        h.query_by_label_contains("Art. 14 notice overdue since 15 October 2026")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("LeadsDirect Example GmbH")
            .is_some()
    );

    click(&mut h, "Plain text");
    h.get_by_label("Copy text").click();
    h.step();
    let texts = copied(&h);
    assert_eq!(texts.len(), 1, "one copy command");
    let text = &texts[0];
    assert!(text.contains("This is an advertising e-mail from Beispiel Consulting GmbH."));
    assert!(text.contains("Your right to object (Art. 21 GDPR)"));
    assert!(text.contains("Unsubscribe: https://www.example.com/abmelden?t="));
    assert!(text.contains("LeadsDirect B2B list 2026 (LeadsDirect Example GmbH)"));
    h.run();
    assert!(
        h.state()
            .toasts()
            .texts()
            .iter()
            .any(|(_, t)| *t == "Copied to the clipboard.")
    );

    // the HTML source is shown and copied as HTML
    click(&mut h, "HTML source");
    h.get_by_label("Copy HTML").click();
    h.step();
    assert!(copied(&h)[0].starts_with("<div class=\"consentbook-footer\""));
    h.run();

    // in German on request
    h.get_by_role_and_label(Role::ComboBox, "Footer language")
        .click();
    h.run();
    click(&mut h, "Deutsch");
    click(&mut h, "Plain text");
    h.get_by_label("Copy text").click();
    h.step();
    assert!(copied(&h)[0].contains("Ihr Widerspruchsrecht (Art. 21 DSGVO)"));
    h.run();

    // recording the first mail settles the clock
    click(&mut h, "Record first mail sent (with this footer)");
    assert!(
        h.query_by_label_contains("Art. 14 notice sent on")
            .is_some()
    );
}

#[test]
fn the_detail_pane_and_the_table_filter_show_mailability() {
    let b = demo();
    let (_, name, email) = bought_contact(&b);
    let mut h = harness(&b);
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search")
        .type_text(&email);
    h.run();
    h.get_by_role_and_label(Role::Button, &name).click();
    h.run();
    assert!(h.query_by_label("May I e-mail this person?").is_some());
    assert!(
        h.query_by_label("✔ May be e-mailed").is_some(),
        "prospecting"
    );
    assert!(
        h.query_all_by_label("✖ May not be e-mailed").count() >= 1,
        "newsletter"
    );
    assert!(
        h.query_by_label("Notice overdue").is_some(),
        "Art. 14 column"
    );

    // "Footer for this contact…" opens the Footers panel on them
    // (below the consent form: may be scrolled out of view)
    h.get_by_label("Footer for this contact…").click_accesskit();
    h.run();
    assert_eq!(h.state().nav(), Nav::Footers);
    assert!(
        h.query_by_label_contains(&format!("{name} <{email}>, footer in English"))
            .is_some()
    );
    click(&mut h, "Contacts");
    click(&mut h, "Close");

    // the filter "mailable for newsletter"
    h.get_by_role_and_label(Role::TextInput, "Search").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    let n = Store::open(&b.path)
        .unwrap()
        .mailable_contacts("newsletter", None)
        .unwrap()
        .len();
    h.get_by_role_and_label(Role::ComboBox, "Mailable for")
        .click();
    h.run();
    click(&mut h, "newsletter");
    assert!(
        h.query_all_by_label(&format!("{n} contacts")).count() >= 1,
        "the table counts {n} mailable contacts"
    );
}

#[test]
fn exporting_then_confirming_records_the_first_contact() {
    let b = demo();
    let out = b.path.with_file_name("merge.csv");
    let mut h = harness(&b);
    click(&mut h, "Footers");
    h.get_by_role_and_label(Role::ComboBox, "Purpose").click();
    h.run();
    click(&mut h, "prospecting");
    let expected = Store::open(&b.path)
        .unwrap()
        .mailable_contacts("prospecting", None)
        .unwrap();
    assert!(
        h.query_by_label(&format!(
            "{} contacts may be e-mailed for prospecting.",
            expected.len()
        ))
        .is_some()
    );
    type_into(&mut h, "Save as", out.to_str().unwrap());
    h.get_by_label("Export mailable contacts").click();
    let mut waited = 0;
    while h.query_by_label("Record first contact").is_none() {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
        waited += 1;
        assert!(waited < 1000, "export did not finish");
    }
    h.run();
    assert!(
        h.query_by_label_contains(&format!("Exported {} contacts", expected.len()))
            .is_some()
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().filter(|l| l.contains('@')).count() >= expected.len());
    let store = Store::open(&b.path).unwrap();
    let today = chrono::Utc::now().date_naive();
    assert!(
        store
            .notice_clock(expected[0], today)
            .unwrap()
            .unwrap()
            .first_contact_at
            .is_none()
    );

    click(&mut h, "Record first contact");
    for id in &expected {
        let c = store.notice_clock(*id, today).unwrap().unwrap();
        assert_eq!(c.state, NoticeState::Sent);
        assert!(c.first_contact_at.is_some());
    }
    assert!(
        h.query_by_label("Record first contact").is_none(),
        "asked once"
    );
}

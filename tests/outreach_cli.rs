//! The outreach commands of the built binary on temporary books.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use consentbook::domain::demo::demo_book;
use consentbook::domain::{Channel, ContactId, SourceKind};
use consentbook::store::{ContactQuery, Store};
use serde_json::Value;

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_consentbook"))
        .env_remove("RUST_LOG")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

fn fails(db: &Path, args: &[&str], code: i32) -> String {
    let out = run(db, args);
    assert_eq!(out.status.code(), Some(code), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    if code == 1 {
        assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    }
    err
}

fn demo_book_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite");
    Store::open(&path).unwrap().load_demo(&demo_book()).unwrap();
    (dir, path)
}

/// The e-mail of the first demo contact from a source of `kind` for which `pick` holds.
fn email_of(db: &Path, kind: SourceKind, pick: impl Fn(&Store, ContactId) -> bool) -> String {
    let store = Store::open(db).unwrap();
    let sid = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.source.fields.kind == kind)
        .unwrap()
        .source
        .id;
    let q = ContactQuery {
        source: Some(sid),
        ..Default::default()
    };
    let id = store
        .contact_page(&q, 0, 1000)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .find(|id| pick(&store, *id))
        .unwrap();
    store.contact(id).unwrap().fields.email
}

fn allowed_for(purpose: &'static str) -> impl Fn(&Store, ContactId) -> bool {
    move |s, id| s.may_contact(id, purpose, Channel::Email).unwrap().allowed
}

#[test]
fn check_answers_allowed_reason_and_rule() {
    let (_d, db) = demo_book_file();
    let web = email_of(&db, SourceKind::WebForm, allowed_for("newsletter"));
    let v = json(&db, &["check", "--email", &web, "--purpose", "newsletter"]);
    assert_eq!(v["allowed"], true);
    assert_eq!(v["rule"], "UWG § 7(2) Nr. 2");
    assert_eq!(v["code"], "consent");
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .starts_with("prior consent given on 20")
    );

    let rented = email_of(&db, SourceKind::RentedList, |_, _| true);
    let v = json(
        &db,
        &[
            "check",
            "--email",
            &rented,
            "--purpose",
            "prospecting",
            "--channel",
            "email",
        ],
    );
    assert_eq!(v["allowed"], false);
    assert_eq!(v["reason"], "no prior consent for this purpose and channel");
    let v = json(
        &db,
        &[
            "check",
            "--email",
            &rented,
            "--purpose",
            "prospecting",
            "--channel",
            "post",
        ],
    );
    assert_eq!(v["code"], "post-opt-out");

    let err = fails(
        &db,
        &[
            "check",
            "--email",
            "nobody@example.org",
            "--purpose",
            "newsletter",
        ],
        1,
    );
    assert!(err.contains("no contact"));
    assert!(
        !err.contains("nobody@example.org"),
        "no personal data in errors"
    );
    fails(
        &db,
        &[
            "check",
            "--email",
            &web,
            "--purpose",
            "newsletter",
            "--channel",
            "pigeon",
        ],
        2,
    );
}

#[test]
fn purpose_rules_open_the_existing_customer_path() {
    let (_d, db) = demo_book_file();
    let customer = email_of(&db, SourceKind::ExistingCustomer, |s, id| {
        s.may_contact(id, "newsletter", Channel::Email)
            .unwrap()
            .reason
            == consentbook::domain::outreach::Reason::CustomerNotSimilar
    });
    let v = json(
        &db,
        &["check", "--email", &customer, "--purpose", "newsletter"],
    );
    assert_eq!(v["code"], "customer-not-similar");
    let v = json(
        &db,
        &[
            "purpose-rules",
            "--purpose",
            "newsletter",
            "--similar-goods",
            "yes",
            "--informed-at-collection",
            "yes",
        ],
    );
    assert_eq!(v["rules"]["similar_goods"], true);
    assert_eq!(v["rules"]["job_related"], false);
    let v = json(
        &db,
        &["check", "--email", &customer, "--purpose", "newsletter"],
    );
    assert_eq!(
        (v["allowed"].clone(), v["rule"].clone()),
        (Value::Bool(true), Value::from("UWG § 7(3)"))
    );
    // the footer of a § 7(3) customer carries the free-of-charge objection notice
    let text = ok(
        &db,
        &[
            "footer",
            "--email",
            &customer,
            "--lang",
            "de",
            "--purpose",
            "newsletter",
        ],
    );
    assert!(text.contains("Basistarifen"), "{text}");
    fails(
        &db,
        &[
            "purpose-rules",
            "--purpose",
            "newsletter",
            "--job-related",
            "maybe",
        ],
        2,
    );
}

#[test]
fn footer_in_three_languages_names_the_vendor_and_escapes_html() {
    let (_d, db) = demo_book_file();
    let bought = email_of(&db, SourceKind::PurchasedList, allowed_for("prospecting"));
    for (lang, objection, unsubscribe) in [
        (
            "de",
            "Widerspruchsrecht (Art. 21 DSGVO)",
            "Abmelden: https://www.example.com/abmelden?t=",
        ),
        (
            "en",
            "Your right to object (Art. 21 GDPR)",
            "Unsubscribe: https://www.example.com/abmelden?t=",
        ),
        (
            "fr",
            "droit d'opposition (art. 21 RGPD)",
            "Se désinscrire : https://www.example.com/abmelden?t=",
        ),
    ] {
        let text = ok(&db, &["footer", "--email", &bought, "--lang", lang]);
        assert!(text.contains("Beispiel Consulting GmbH"), "{lang}");
        assert!(text.contains("Musterstraße 1, 10115 Berlin"), "{lang}");
        assert!(text.contains(objection), "{lang}: {text}");
        assert!(text.contains(unsubscribe), "{lang}");
        assert!(
            text.contains("LeadsDirect B2B list 2026 (LeadsDirect Example GmbH)"),
            "{lang}"
        );
    }
    let html = ok(&db, &["footer", "--email", &bought, "--format", "html"]);
    assert!(html.starts_with("<div class=\"consentbook-footer\""));
    assert!(html.contains("<a href=\"https://www.example.com/impressum\""));
    let headers = ok(&db, &["footer", "--email", &bought, "--format", "headers"]);
    let lines: Vec<&str> = headers.lines().collect();
    assert!(lines[0].starts_with("List-Unsubscribe: <mailto:info@example.com?subject="));
    assert!(lines[0].contains(">, <https://www.example.com/abmelden?t="));
    assert_eq!(
        lines[1],
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click"
    );

    // the link's token leads back to the contact
    let token = lines[0]
        .rsplit("?t=")
        .next()
        .unwrap()
        .trim_end_matches('>')
        .to_owned();
    let v = json(&db, &["unsubscribe-token", "--token", &token]);
    assert_eq!(v["email"], bought.as_str());
    fails(
        &db,
        &[
            "unsubscribe-token",
            "--token",
            "0123456789abcdef0123456789abcdef",
        ],
        1,
    );

    // user data are escaped in HTML
    ok(&db, &["settings", "set", "company", "Müller & <Söhne>"]);
    let html = ok(&db, &["footer", "--email", &bought, "--format", "html"]);
    assert!(html.contains("Müller &amp; &lt;Söhne&gt;"));
    assert!(!html.contains("<Söhne>"));

    // a contact that may not be mailed still gets its footer, with a warning
    let out = run(
        &db,
        &["footer", "--email", &bought, "--purpose", "newsletter"],
    );
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("warning: this contact may not be e-mailed")
    );
}

#[test]
fn a_footer_needs_the_controller_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.sqlite");
    ok(
        &db,
        &[
            "contacts",
            "add",
            "--email",
            "anna@example.com",
            "--first",
            "Anna",
        ],
    );
    let err = fails(&db, &["footer", "--email", "anna@example.com"], 1);
    assert!(
        err.contains("company, address, email, impressum_url, privacy_url"),
        "{err}"
    );
}

#[test]
fn notice_names_the_source_and_is_refused_for_own_data() {
    let (_d, db) = demo_book_file();
    let bought = email_of(&db, SourceKind::PurchasedList, |_, _| true);
    let text = ok(&db, &["notice", "--email", &bought, "--lang", "en"]);
    assert!(text.starts_with("Information under Art. 14 GDPR for "));
    assert!(text.contains("LeadsDirect B2B list 2026 (LeadsDirect Example GmbH), obtained on 15 September 2026; Publicly accessible source: no"));
    assert!(text.contains("Data protection officer: datenschutz@example.com"));
    let de = ok(
        &db,
        &[
            "notice",
            "--email",
            &bought,
            "--lang",
            "de",
            "--record-sent",
        ],
    );
    assert!(de.contains("Herkunft der Daten"));
    let store = Store::open(&db).unwrap();
    let id = store.contact_id_by_email(&bought).unwrap().unwrap();
    let clock = store
        .notice_clock(id, chrono::Utc::now().date_naive())
        .unwrap()
        .unwrap();
    assert!(clock.notice_sent_at.is_some());

    let web = email_of(&db, SourceKind::WebForm, |_, _| true);
    let err = fails(&db, &["notice", "--email", &web], 1);
    assert!(err.contains("Art. 13"));
}

#[test]
fn export_mailable_writes_the_file_and_records_only_when_asked() {
    let (dir, db) = demo_book_file();
    let out = dir.path().join("merge.csv");
    let out_s = out.to_str().unwrap();
    let v = json(
        &db,
        &[
            "export",
            "mailable",
            "--purpose",
            "prospecting",
            "--out",
            out_s,
        ],
    );
    let n = v["exported"].as_u64().unwrap();
    assert!(n > 10, "{v}");
    assert_eq!(v["first_contact_recorded"], 0);
    assert_eq!(v["format"], "csv");
    let text = std::fs::read_to_string(&out).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(r.records().count() as u64, n);

    let xlsx = dir.path().join("merge.xlsx");
    let v = json(
        &db,
        &[
            "export",
            "mailable",
            "--purpose",
            "prospecting",
            "--out",
            xlsx.to_str().unwrap(),
            "--record-first-contact",
        ],
    );
    assert_eq!(v["format"], "xlsx");
    assert_eq!(v["first_contact_recorded"].as_u64(), Some(n));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    // the clock of every exported bought-list contact is settled
    let store = Store::open(&db).unwrap();
    let today = chrono::Utc::now().date_naive();
    for id in store.mailable_contacts("prospecting", None).unwrap() {
        let c = store.notice_clock(id, today).unwrap().unwrap();
        assert_eq!(c.state, consentbook::domain::outreach::NoticeState::Sent);
    }
    fails(&db, &["export", "mailable", "--out", out_s], 2);
}

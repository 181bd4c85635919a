//! Every HTML output escapes user data and every CSV output neutralises
//! formula cells (issue 7, item 5): hostile text in a contact, its source,
//! its consent wording, the controller settings and a register activity,
//! then every export of the command line is checked.
//!
//! HTML outputs: access report, register export, footer (`--format html`),
//! the footer_html column of the mail merge. CSV outputs: contacts list,
//! mail merge, portability, rejected rows of an import.

use std::path::Path;
use std::process::Command;

use chrono::{Duration, Utc};
use consentbook::domain::register::Activity;
use consentbook::domain::{
    Channel, ConsentEventDraft, ConsentEventKind, ContactFields, LegalBasis, SettingKey,
    SourceFields, SourceKind,
};
use consentbook::store::{NewContact, Store};

const SCRIPT: &str = "<script>alert('cb')</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const LINK: &str = "=HYPERLINK(\"http://evil.example.com\",\"click\")";

fn cli(db: &Path, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_consentbook"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn setup(db: &Path) {
    let mut s = Store::open(db).unwrap();
    s.set_setting(SettingKey::Company, &format!("Evil {SCRIPT} GmbH"))
        .unwrap();
    s.set_setting(
        SettingKey::Address,
        &format!("{IMG} Street 1\n10115 Berlin"),
    )
    .unwrap();
    s.set_setting(SettingKey::Email, "office@example.com")
        .unwrap();
    s.set_setting(SettingKey::ImpressumUrl, "https://example.com/impressum")
        .unwrap();
    s.set_setting(SettingKey::PrivacyUrl, "https://example.com/privacy")
        .unwrap();
    s.set_setting(SettingKey::UnsubscribeUrl, "https://example.com/u/{token}")
        .unwrap();
    let mut src = SourceFields::new(&format!("Fair {SCRIPT}"), SourceKind::Event);
    src.notes = LINK.into();
    let sid = s.create_source(&src).unwrap();
    let fields = ContactFields {
        first_name: format!("Eve {SCRIPT}"),
        last_name: LINK.into(),
        email: "eve.evil@example.com".into(),
        phone: "+44 7700 900666".into(),
        company: format!("@SUM(1;2) {IMG}"),
        job_title: "-2+3".into(),
        street: "+cmd|' /C calc'!A0".into(),
        city: format!("\tTabbed {SCRIPT}"),
        notes: format!("{IMG} {LINK}"),
        ..Default::default()
    };
    let id = s
        .add_contact(&NewContact {
            fields,
            source: Some(sid),
            basis: Some(("prospecting".into(), LegalBasis::LegitimateInterest)),
            ..Default::default()
        })
        .unwrap();
    let mut d = ConsentEventDraft::new(
        "newsletter",
        Channel::Email,
        ConsentEventKind::Given,
        Utc::now() - Duration::days(2),
    );
    d.wording = Some(format!("I agree {SCRIPT} {LINK}"));
    d.evidence = format!("form {IMG}");
    s.record_consent(id, &d).unwrap();
    s.add_activity(
        &Activity {
            name: format!("Newsletter {SCRIPT}"),
            main_purpose: format!("Mailing {IMG}"),
            responsible: LINK.into(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
}

/// The text holds the user data, escaped, and no raw markup of it.
fn assert_escaped_html(what: &str, html: &str) {
    assert!(!html.contains("<script"), "{what}: raw <script>");
    assert!(!html.contains("<img"), "{what}: raw <img>");
    assert!(
        html.contains("&lt;script&gt;") || html.contains("&lt;img"),
        "{what}: the hostile text should be there, escaped"
    );
}

/// Whether a spreadsheet would run the cell as a formula: it starts with
/// `=`, `@`, a tab or CR, or with `+`/`-` followed by more than a number
/// (a phone number such as `+44 7700 900123` runs nothing, and the
/// portability export keeps it as it is, machine-readable).
fn is_formula(cell: &str) -> bool {
    let numeric = cell
        .chars()
        .all(|c| c.is_ascii_digit() || " +-/().".contains(c));
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !numeric,
        _ => false,
    }
}

/// No cell is one a spreadsheet would run as a formula.
fn assert_neutral_csv(what: &str, text: &str, delimiter: u8) {
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut cells = 0;
    let mut hostile = 0;
    for rec in rdr.records() {
        for cell in rec.unwrap().iter() {
            cells += 1;
            assert!(!is_formula(cell), "{what}: formula cell {cell:?}");
            if cell.contains("HYPERLINK") || cell.contains("SUM(") {
                hostile += 1;
            }
        }
    }
    assert!(
        cells > 0 && hostile > 0,
        "{what}: the hostile cells are there"
    );
}

#[test]
fn every_html_output_escapes_and_every_csv_output_neutralises() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("evil.sqlite");
    setup(&db);
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let email = "eve.evil@example.com";

    // HTML
    let report = out("report.html");
    cli(
        &db,
        &[
            "request", "access", "--email", email, "--out", &report, "--format", "html",
        ],
    );
    assert_escaped_html("access report", &std::fs::read_to_string(&report).unwrap());
    let register = out("register.html");
    cli(
        &db,
        &["register", "export", "--format", "html", "--out", &register],
    );
    assert_escaped_html(
        "register export",
        &std::fs::read_to_string(&register).unwrap(),
    );
    let footer = cli(
        &db,
        &[
            "footer",
            "--email",
            email,
            "--format",
            "html",
            "--purpose",
            "newsletter",
        ],
    );
    assert_escaped_html("footer html", &footer);

    // CSV
    let list = cli(&db, &["contacts", "list", "--format", "csv"]);
    assert_neutral_csv("contacts list", &list, b',');
    let merge = out("merge.csv");
    cli(
        &db,
        &[
            "export",
            "mailable",
            "--purpose",
            "newsletter",
            "--out",
            &merge,
            "--format",
            "csv",
        ],
    );
    let merge_text = std::fs::read_to_string(&merge).unwrap();
    assert!(
        merge_text.contains("eve.evil@example.com"),
        "the contact is exported"
    );
    assert_neutral_csv("mail merge", &merge_text, b',');
    let mut rdr = csv::Reader::from_reader(merge_text.trim_start_matches('\u{feff}').as_bytes());
    let col = rdr
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "footer_html")
        .unwrap();
    for rec in rdr.records() {
        assert_escaped_html("mail merge footer_html", &rec.unwrap()[col]);
    }
    let portable = out("data.csv");
    cli(
        &db,
        &[
            "request",
            "portability",
            "--email",
            email,
            "--out",
            &portable,
            "--format",
            "csv",
        ],
    );
    assert_neutral_csv(
        "portability",
        &std::fs::read_to_string(&portable).unwrap(),
        b',',
    );

    // Rejected rows of an import: every row invalid, with formula cells.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "email,first_name,company\nnot-an-address,=HYPERLINK(\"x\"),@SUM(1;2)\n{LINK},+1,-1\n"
        ),
    )
    .unwrap();
    let rejected = out("rejected.csv");
    cli(
        &db,
        &[
            "import",
            bad.to_str().unwrap(),
            "--source",
            "Bad list",
            "--kind",
            "event",
            "--rejected",
            &rejected,
        ],
    );
    assert_neutral_csv(
        "rejected rows",
        &std::fs::read_to_string(&rejected).unwrap(),
        b',',
    );
}

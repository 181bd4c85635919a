//! The built binary on temporary books: output and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_consentbook"));
    c.env_remove("RUST_LOG");
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

fn ok_json(db: &Path, args: &[&str]) -> Value {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn book() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cli.sqlite");
    (dir, p)
}

#[test]
fn add_then_list_as_json_and_csv() {
    let (_d, db) = book();
    let added = ok_json(
        &db,
        &[
            "contacts",
            "add",
            "--email",
            "Anna@Example.com",
            "--first",
            "Anna",
            "--last",
            "Muster",
            "--company",
            "Beispiel AG",
            "--source",
            "Trade fair 2026",
            "--source-kind",
            "event",
            "--basis",
            "legitimate-interest",
            "--purpose",
            "prospecting",
        ],
    );
    assert_eq!(added["id"], 1);
    assert_eq!(added["source_created"], true);
    let list = ok_json(&db, &["contacts", "list"]);
    let arr = list.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    let c = &arr[0];
    assert_eq!(c["email"], "Anna@Example.com");
    assert_eq!(c["company"], "Beispiel AG");
    assert_eq!(c["sources"][0]["name"], "Trade fair 2026");
    assert_eq!(c["sources"][0]["kind"], "event");
    assert_eq!(c["bases"][0]["purpose"], "prospecting");
    assert_eq!(c["bases"][0]["basis"], "legitimate-interest");
    assert_eq!(c["status"], "no-consent");

    let out = run(&db, &["contacts", "list", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,first_name,last_name,email")
    );
    let row = lines.next().unwrap();
    assert!(row.starts_with("1,Anna,Muster,Anna@Example.com"), "{row}");
    assert!(row.contains("Trade fair 2026"));
    assert_eq!(lines.next(), None);
}

#[test]
fn an_empty_book_lists_an_empty_array() {
    let (_d, db) = book();
    assert_eq!(ok_json(&db, &["contacts", "list"]), serde_json::json!([]));
}

#[test]
fn user_errors_exit_1_with_one_line_and_usage_errors_exit_2() {
    let (_d, db) = book();
    let out = run(&db, &["contacts", "add", "--email", "not-an-address"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("email is not a valid e-mail address"), "{err}");
    assert!(
        !err.contains("not-an-address"),
        "the message must not echo personal data"
    );

    run(&db, &["contacts", "add", "--email", "a@example.com"]);
    let out = run(&db, &["contacts", "add", "--email", "A@EXAMPLE.com"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"));

    for args in [
        vec!["contacts", "frobnicate"],
        vec!["contacts", "add"],
        vec![
            "contacts",
            "add",
            "--email",
            "b@example.com",
            "--basis",
            "because",
        ],
        vec!["settings", "set", "colour", "blue"],
        vec![
            "consent",
            "record",
            "--email",
            "a@example.com",
            "--purpose",
            "newsletter",
            "--channel",
            "fax",
            "--event",
            "given",
        ],
    ] {
        let out = run(&db, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let help = bin().arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn consent_record_with_wording_file_and_time() {
    let (dir, db) = book();
    run(&db, &["contacts", "add", "--email", "anna@example.com"]);
    let wording = dir.path().join("wording.txt");
    std::fs::write(&wording, "Ja, ich möchte den Newsletter erhalten.").unwrap();
    let rec = ok_json(
        &db,
        &[
            "consent",
            "record",
            "--email",
            "ANNA@example.com",
            "--purpose",
            "newsletter",
            "--channel",
            "email",
            "--event",
            "given",
            "--method",
            "web-form",
            "--wording-file",
            wording.to_str().unwrap(),
            "--at",
            "2026-03-01T09:30:00+01:00",
            "--ip",
            "203.0.113.9",
        ],
    );
    assert_eq!(rec["state"], "given");
    let rec2 = ok_json(
        &db,
        &[
            "consent",
            "record",
            "--email",
            "anna@example.com",
            "--purpose",
            "newsletter",
            "--channel",
            "email",
            "--event",
            "objected",
        ],
    );
    assert_eq!(rec2["state"], "objected");
    let list = ok_json(&db, &["contacts", "list"]);
    assert_eq!(list[0]["status"], "objected");

    let store = consentbook::store::Store::open(&db).unwrap();
    let h = store.consent_history(1).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(
        consentbook::domain::fmt_time(h[0].at),
        "2026-03-01T08:30:00Z"
    );
    assert_eq!(
        h[0].wording.as_deref(),
        Some("Ja, ich möchte den Newsletter erhalten.")
    );
    assert_eq!(h[0].ip.as_deref(), Some("203.0.113.9"));

    let out = run(
        &db,
        &[
            "consent",
            "record",
            "--email",
            "nobody@example.com",
            "--purpose",
            "newsletter",
            "--channel",
            "email",
            "--event",
            "given",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no contact"));
    let out = run(
        &db,
        &[
            "consent",
            "record",
            "--email",
            "anna@example.com",
            "--purpose",
            "newsletter",
            "--channel",
            "email",
            "--event",
            "given",
            "--at",
            "yesterday",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn settings_set_and_show() {
    let (_d, db) = book();
    for (k, v) in [
        ("company", "Beispiel Consulting"),
        ("jurisdiction", "FR"),
        ("impressum_url", "https://example.com/impressum"),
        ("language", "de"),
    ] {
        let out = run(&db, &["settings", "set", k, v]);
        assert!(out.status.success(), "{k}: {}", stderr(&out));
    }
    let out = run(&db, &["settings", "set", "website", "example"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("website is not a web address"));
    let s = ok_json(&db, &["settings", "show", "--format", "json"]);
    assert_eq!(s["company"], "Beispiel Consulting");
    assert_eq!(s["jurisdiction"], "fr");
    assert_eq!(s["language"], "de");
    assert_eq!(s["impressum_url"], "https://example.com/impressum");
    assert_eq!(s["website"], "");
    let text = run(&db, &["settings", "show"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.lines().any(|l| l == "company: Beispiel Consulting"),
        "{text}"
    );
}

#[test]
fn audit_verify_detects_an_edited_row() {
    let (_d, db) = book();
    run(&db, &["contacts", "add", "--email", "a@example.com"]);
    run(&db, &["settings", "set", "company", "X"]);
    let out = run(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact"));
    let raw = rusqlite::Connection::open(&db).unwrap();
    raw.execute_batch("DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET entity_id = '999' WHERE id = 2;")
        .unwrap();
    drop(raw);
    let out = run(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("row 2"), "{err}");
}

#[test]
fn demo_flag_fills_an_empty_book_and_refuses_a_real_one() {
    let (dir, db) = book();
    let list = ok_json(&db, &["--demo", "contacts", "list"]);
    let arr = list.as_array().unwrap();
    assert!(arr.len() >= 200, "{}", arr.len());
    assert!(arr.iter().all(|c| {
        let e = c["email"].as_str().unwrap();
        e.ends_with("example.com") || e.ends_with("example.org") || e.ends_with("example.net")
    }));
    // open requests with deadlines to look at: one overdue, one due soon
    let requests = ok_json(&db, &["request", "list", "--format", "json"]);
    let requests = requests.as_array().unwrap();
    assert_eq!(requests.len(), 4);
    let days: Vec<i64> = requests
        .iter()
        .map(|r| r["days_left"].as_i64().unwrap())
        .collect();
    assert!(days.iter().any(|&d| d < 0), "{days:?}");
    assert!(days.iter().any(|&d| (0..=7).contains(&d)), "{days:?}");
    // again: the demo book stays as it is
    let again = ok_json(&db, &["--demo", "contacts", "list"]);
    assert_eq!(again.as_array().unwrap().len(), arr.len());
    // a real book is not mixed with demo data
    let real = dir.path().join("real.sqlite");
    run(&real, &["contacts", "add", "--email", "a@example.com"]);
    let out = run(&real, &["--demo", "contacts", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("empty book"));
}

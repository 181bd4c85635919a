//! `register`, `retention` and `breach` through the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

fn ok(db: &Path, args: &[&str]) -> Output {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ok_json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_slice(&ok(db, args).stdout).unwrap()
}

fn book() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cli.sqlite");
    (dir, p)
}

#[test]
fn presets_are_listed_and_applied() {
    let (_d, db) = book();
    let names = ok_json(&db, &["register", "preset", "list"]);
    assert_eq!(
        names,
        serde_json::json!([
            "customer-management",
            "b2b-prospecting",
            "newsletter",
            "data-subject-requests",
            "suppression-list"
        ])
    );
    let applied = ok_json(
        &db,
        &["register", "preset", "apply", "newsletter", "--lang", "fr"],
    );
    assert_eq!(applied["version"], 1);
    let list = ok_json(&db, &["register", "list"]);
    assert_eq!(list[0]["name"], "Lettre d'information");
    let bad = run(&db, &["register", "preset", "apply", "marketing"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn check_lists_findings_as_json_and_exits_0() {
    let (_d, db) = book();
    ok(
        &db,
        &[
            "contacts",
            "add",
            "--email",
            "anna@example.com",
            "--basis",
            "consent",
            "--purpose",
            "newsletter",
        ],
    );
    let findings = ok_json(&db, &["register", "check"]);
    let codes: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["finding"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "controller-incomplete",
            "no-activities",
            "purpose-not-covered"
        ]
    );
    assert_eq!(findings[2]["purpose"], "newsletter");
    assert_eq!(findings[2]["contacts"], 1);
}

#[test]
fn a_newcomer_builds_a_complete_register_from_presets() {
    let (dir, db) = book();
    for (k, v) in [
        ("company", "Beispiel Consulting"),
        ("address", "Musterstraße 1, 10115 Berlin"),
        ("email", "info@example.com"),
    ] {
        ok(&db, &["settings", "set", k, v]);
    }
    for p in [
        "customer-management",
        "b2b-prospecting",
        "newsletter",
        "data-subject-requests",
        "suppression-list",
    ] {
        ok(&db, &["register", "preset", "apply", p, "--lang", "de"]);
    }
    assert_eq!(ok_json(&db, &["register", "check"]), serde_json::json!([]));
    for fmt in ["html", "pdf", "json"] {
        let out = dir.path().join(format!("register.{fmt}"));
        let res = ok_json(
            &db,
            &[
                "register",
                "export",
                "--format",
                fmt,
                "--out",
                out.to_str().unwrap(),
                "--lang",
                "de",
            ],
        );
        assert_eq!(res["version"], 5);
        assert_eq!(res["activities"], 5);
        let bytes = std::fs::read(&out).unwrap();
        match fmt {
            "html" => {
                let html = String::from_utf8(bytes).unwrap();
                assert!(html.contains("Verzeichnis von Verarbeitungstätigkeiten"));
                assert!(
                    html.contains("Fristen für die Löschung der verschiedenen Datenkategorien")
                );
                assert!(html.contains("B2B-Neukundengewinnung"));
            }
            "pdf" => assert!(bytes.starts_with(b"%PDF-")),
            _ => {
                let v: Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(v["version"], 5);
                assert_eq!(v["activities"].as_array().unwrap().len(), 5);
            }
        }
    }
    let bad = run(
        &db,
        &["register", "export", "--format", "docx", "--out", "x.docx"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn retention_due_and_apply() {
    let (_d, db) = book();
    for e in ["old@example.com", "new@example.com"] {
        ok(
            &db,
            &[
                "contacts",
                "add",
                "--email",
                e,
                "--source",
                "Fair 2021",
                "--source-kind",
                "event",
                "--basis",
                "legitimate-interest",
                "--purpose",
                "prospecting",
            ],
        );
    }
    {
        let raw = rusqlite::Connection::open(&db).unwrap();
        raw.execute(
            "UPDATE contact_sources SET first_seen_at = '2021-02-01T10:00:00Z'
             WHERE contact_id = (SELECT id FROM contacts WHERE email = 'old@example.com')",
            [],
        )
        .unwrap();
    }
    let due = ok_json(&db, &["retention", "due", "--format", "json"]);
    assert_eq!(due["due"].as_array().unwrap().len(), 1);
    assert_eq!(due["due"][0]["email"], "old@example.com");
    assert_eq!(due["due"][0]["rule"]["rule"], "default");
    let text = String::from_utf8(ok(&db, &["retention", "due"]).stdout).unwrap();
    assert!(text.starts_with("due: 1"), "{text}");
    // neither --dry-run nor --yes: usage error
    assert_eq!(run(&db, &["retention", "apply"]).status.code(), Some(2));
    let dry = ok_json(&db, &["retention", "apply", "--dry-run"]);
    assert_eq!(dry["due"], 1);
    assert_eq!(
        ok_json(&db, &["contacts", "list"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let done = ok_json(&db, &["retention", "apply", "--yes"]);
    assert_eq!(done["outcome"]["erased"], 1);
    let left = ok_json(&db, &["contacts", "list"]);
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["email"], "new@example.com");
    let rules = ok_json(&db, &["retention", "rule", "set", "event", "12"]);
    assert_eq!(rules["by_source_kind"]["event"], 12);
    assert_eq!(
        run(&db, &["retention", "rule", "default", "0"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn breaches_are_logged_listed_and_drafted() {
    let (_d, db) = book();
    ok(&db, &["contacts", "add", "--email", "anna@example.com"]);
    let logged = ok_json(
        &db,
        &[
            "breach",
            "log",
            "--discovered",
            "2026-11-20 09:00",
            "--occurred",
            "2026-11-19",
            "--type",
            "confidentiality",
            "--type",
            "availability",
            "--description",
            "Laptop stolen from a parked car",
            "--categories",
            "Names, e-mail addresses",
            "--scope",
            "all-contacts",
            "--consequences",
            "Phishing attempts",
            "--risk",
            "risk",
            "--measures",
            "Disk encryption; passwords changed",
        ],
    );
    let id = logged["id"].as_i64().unwrap();
    assert_eq!(logged["people"], 1);
    assert!(logged["clock"]["state"].is_string());
    let updated = ok_json(
        &db,
        &[
            "breach",
            "log",
            "--id",
            &id.to_string(),
            "--notified-at",
            "2026-11-21 10:00",
            "--authority-ref",
            "LDI-42",
        ],
    );
    assert_eq!(updated["clock"]["state"], "notified-in-time");
    let list = ok_json(&db, &["breach", "list"]);
    assert_eq!(list[0]["description"], "Laptop stolen from a parked car");
    assert_eq!(list[0]["authority_ref"], "LDI-42");
    assert_eq!(list[0]["deadline"], "2026-11-23T09:00:00Z");
    assert_eq!(
        list[0]["types"],
        serde_json::json!(["confidentiality", "availability"])
    );
    let draft =
        String::from_utf8(ok(&db, &["breach", "draft", &id.to_string(), "--lang", "en"]).stdout)
            .unwrap();
    for needle in [
        "Art. 33(3)(a)",
        "Art. 33(3)(b)",
        "Art. 33(3)(c)",
        "Art. 33(3)(d)",
        "Laptop stolen",
        "ca. 1",
        "2026-11-23 09:00 UTC",
    ] {
        assert!(draft.contains(needle), "{needle} missing:\n{draft}");
    }
    let bad = run(
        &db,
        &[
            "breach",
            "log",
            "--description",
            "x",
            "--discovered",
            "yesterday",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    let invalid = run(&db, &["breach", "log"]);
    assert_eq!(invalid.status.code(), Some(1), "a description is required");
}

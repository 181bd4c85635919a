//! `consentbook request …` and `suppression check` on temporary books.

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

fn ok_json(db: &Path, args: &[&str]) -> Value {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn book() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cli.sqlite");
    (dir, p)
}

const EMAIL: &str = "zebulon.quackenbush@example.org";

fn with_person(db: &Path) {
    ok_json(
        db,
        &[
            "contacts",
            "add",
            "--email",
            EMAIL,
            "--first",
            "Zebulon",
            "--last",
            "Quackenbush",
            "--phone",
            "+44 7700 900456",
            "--basis",
            "consent",
            "--purpose",
            "newsletter",
        ],
    );
    ok_json(
        db,
        &[
            "consent",
            "record",
            "--email",
            EMAIL,
            "--purpose",
            "newsletter",
            "--channel",
            "email",
            "--event",
            "given",
            "--method",
            "web-form",
            "--evidence",
            "Form signed by Zebulon Quackenbush",
            "--ip",
            "203.0.113.77",
        ],
    );
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn log_and_list_with_due_dates() {
    let (_d, db) = book();
    with_person(&db);
    let logged = ok_json(
        &db,
        &[
            "request",
            "log",
            "--type",
            "access",
            "--email",
            EMAIL,
            "--received",
            "2026-01-31",
        ],
    );
    assert_eq!(logged["contact"], 1);
    assert_eq!(logged["due_on"], "2026-02-28");
    ok_json(
        &db,
        &[
            "request",
            "log",
            "--type",
            "erasure",
            "--email",
            "stranger@example.net",
        ],
    );
    let list = ok_json(&db, &["request", "list", "--format", "json"]);
    let arr = list.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    let access = arr.iter().find(|r| r["kind"] == "access").unwrap();
    assert_eq!(access["due_on"], "2026-02-28");
    assert_eq!(access["initial_due_on"], "2026-02-28");
    assert_eq!(access["status"], "open");
    assert_eq!(access["due_state"], "overdue");
    assert!(access["days_left"].as_i64().unwrap() < 0);
    let stranger = arr.iter().find(|r| r["kind"] == "erasure").unwrap();
    assert_eq!(stranger["requester"]["type"], "not-in-book");
    // the text list works too
    let out = run(&db, &["request", "list"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("overdue"));
    // closing
    let closed = ok_json(
        &db,
        &["request", "close", "--id", "1", "--file", "/tmp/report.pdf"],
    );
    assert_eq!(closed["status"], "completed");
    assert_eq!(closed["due_state"], "closed-late");
    // a bad type is a usage error
    assert_eq!(
        run(
            &db,
            &["request", "log", "--type", "nonsense", "--email", EMAIL]
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn access_report_in_three_formats_and_for_strangers() {
    let (dir, db) = book();
    with_person(&db);
    for (name, fmt) in [("r.html", None), ("r.pdf", None), ("r.json", Some("json"))] {
        let out = dir.path().join(name);
        let out_s = out.to_str().unwrap();
        let mut args = vec!["request", "access", "--email", EMAIL, "--out", out_s];
        if let Some(f) = fmt {
            args.extend(["--format", f]);
        }
        let v = ok_json(&db, &args);
        assert_eq!(v["holds_data"], true);
        let bytes = std::fs::read(&out).unwrap();
        match name {
            "r.pdf" => assert!(bytes.starts_with(b"%PDF-")),
            _ => assert!(contains(&bytes, b"Quackenbush"), "{name}"),
        }
    }
    let out = dir.path().join("none.html");
    let v = ok_json(
        &db,
        &[
            "request",
            "access",
            "--email",
            "nobody@example.net",
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "de",
        ],
    );
    assert_eq!(v["holds_data"], false);
    assert_eq!(v["language"], "de");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("nobody@example.net") && html.contains("keine personenbezogenen Daten"));
}

#[test]
fn portability_in_json_csv_and_vcard() {
    let (dir, db) = book();
    with_person(&db);
    for (name, needle) in [
        ("p.json", "\"email\""),
        ("p.csv", "first_name,last_name"),
        ("p.vcf", "BEGIN:VCARD"),
    ] {
        let out = dir.path().join(name);
        let v = ok_json(
            &db,
            &[
                "request",
                "portability",
                "--email",
                EMAIL,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(v["contact"], 1);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(needle), "{name}: {text}");
        assert!(text.contains("Quackenbush"));
    }
    let out = run(
        &db,
        &[
            "request",
            "portability",
            "--email",
            "nobody@example.net",
            "--out",
            "/tmp/x.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn erase_shows_the_plan_then_leaves_no_bytes_and_keeps_the_person_out() {
    let (_d, db) = book();
    with_person(&db);
    ok_json(
        &db,
        &["request", "log", "--type", "erasure", "--email", EMAIL],
    );
    // without --yes: the plan, exit 1, nothing erased
    let out = run(&db, &["request", "erase", "--email", EMAIL]);
    assert_eq!(out.status.code(), Some(1));
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["full"], true);
    assert_eq!(plan["suppress"], serde_json::json!(["email", "phone"]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert_eq!(
        ok_json(&db, &["contacts", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let v = ok_json(
        &db,
        &[
            "request",
            "erase",
            "--email",
            EMAIL,
            "--yes",
            "--request",
            "1",
        ],
    );
    assert_eq!(v["erased"], 1);
    assert_eq!(v["suppression_entries"], 2);
    assert_eq!(v["wal_truncated"], true);

    let mut bytes = std::fs::read(&db).unwrap();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(PathBuf::from(wal)).unwrap_or_default());
    for needle in [EMAIL, "Quackenbush", "Zebulon", "900456", "203.0.113.77"] {
        assert!(
            !contains(&bytes, needle.as_bytes()),
            "{needle} is still in the book"
        );
    }

    let s = ok_json(
        &db,
        &[
            "suppression",
            "check",
            "--email",
            "Zebulon.Quackenbush@Example.org",
        ],
    );
    assert_eq!(s, serde_json::json!({ "suppressed": true }));
    let s = ok_json(
        &db,
        &[
            "suppression",
            "check",
            "--email",
            "someone.else@example.org",
        ],
    );
    assert_eq!(s["suppressed"], false);

    // adding the person again (what an import does) is refused with a clear message
    let out = run(
        &db,
        &["contacts", "add", "--email", EMAIL, "--first", "Zebulon"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("suppression list"), "{err}");
    assert!(!err.contains(EMAIL), "errors name no personal data");

    let list = ok_json(&db, &["request", "list", "--format", "json"]);
    assert_eq!(list[0]["requester"]["type"], "erased");
}

#[test]
fn objection_and_restriction() {
    let (_d, db) = book();
    with_person(&db);
    let v = ok_json(
        &db,
        &[
            "request",
            "object",
            "--email",
            EMAIL,
            "--purpose",
            "newsletter",
        ],
    );
    assert_eq!(v["status"], "objected");
    assert_eq!(
        ok_json(&db, &["suppression", "check", "--email", EMAIL])["suppressed"],
        false
    );
    let v = ok_json(&db, &["request", "object", "--email", EMAIL]);
    assert_eq!(v["outcome"]["suppression_entries"], 2);
    assert_eq!(
        ok_json(&db, &["suppression", "check", "--email", EMAIL])["suppressed"],
        true
    );

    let v = ok_json(&db, &["request", "restrict", "--email", EMAIL]);
    assert_eq!(v["restricted"], true);
    let list = ok_json(&db, &["contacts", "list"]);
    assert_eq!(list[0]["status"], "restricted");
    // lifting needs the date the person was told
    assert_eq!(
        run(&db, &["request", "restrict", "--email", EMAIL, "--lift"])
            .status
            .code(),
        Some(2)
    );
    let today = chrono::Local::now().date_naive().to_string();
    let v = ok_json(
        &db,
        &[
            "request", "restrict", "--email", EMAIL, "--lift", "--told", &today,
        ],
    );
    assert_eq!(v["restricted"], false);
    assert_eq!(ok_json(&db, &["contacts", "list"])[0]["status"], "objected");
    let out = run(&db, &["request", "object", "--email", "nobody@example.net"]);
    assert_eq!(out.status.code(), Some(1));
}
